#!/usr/bin/env node
// Runs the built CLI, or says in one line how to build it.
import { existsSync } from 'node:fs'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write('otklik: the server is not built yet; run `pnpm build` (or `pnpm start`) first\n')
  process.exit(2)
}
await import(cli.href)
