// Writes the integrity hash of the current build into the README's pinned
// embed line (a test checks that they match). Run after `pnpm build`.
import { readFileSync, writeFileSync } from 'node:fs'

const manifest = JSON.parse(readFileSync(new URL('../dist/manifest.json', import.meta.url), 'utf8'))
const readmeUrl = new URL('../../../README.md', import.meta.url)
const readme = readFileSync(readmeUrl, 'utf8')
const pattern = /(src="http:\/\/127\.0\.0\.1:8080\/sdk\/)[^/]+(\/otklik\.js" integrity=")sha384-[A-Za-z0-9+/=]+(")/
if (!pattern.test(readme)) throw new Error('README.md has no pinned embed line to update')
const integrity = manifest.files['otklik.js'].integrity
writeFileSync(readmeUrl, readme.replace(pattern, `$1${manifest.version}$2${integrity}$3`))
console.log(`README.md: ${manifest.version} ${integrity}`)
