// After rollup: prints the gzip sizes against the budgets, writes
// dist/manifest.json (sizes and Subresource Integrity hashes, read by the
// server and the README test).
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { BUDGETS, DIST } from './budgets.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const files = {}
for (const [file, budget] of Object.entries(BUDGETS)) {
  const body = readFileSync(new URL(file, DIST))
  const gzip = gzipSync(body).length
  files[file] = { bytes: body.length, gzip, budget, integrity: `sha384-${createHash('sha384').update(body).digest('base64')}` }
  const status = gzip <= budget ? 'ok' : 'OVER BUDGET'
  console.log(`${file.padEnd(20)} ${String(body.length).padStart(6)} B  ${String(gzip).padStart(5)} B gzip  (budget ${budget})  ${status}`)
}
writeFileSync(new URL('manifest.json', DIST), `${JSON.stringify({ version: pkg.version, files }, null, 2)}\n`)
if (Object.values(files).some((f) => f.gzip > f.budget)) process.exitCode = 1
