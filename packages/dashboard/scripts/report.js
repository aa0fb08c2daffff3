// After rollup: prints the gzip sizes against the budgets; exits non-zero over budget.
import { BUDGETS } from './budgets.js'
import { measure } from './sizes.js'

const { pages, lazy, css } = measure()
let over = false
const line = (what, size, budget) => {
  const ok = size <= budget
  over ||= !ok
  console.log(`${what.padEnd(40)} ${String(size).padStart(6)} B gzip  (budget ${budget})  ${ok ? 'ok' : 'OVER BUDGET'}`)
}
for (const p of pages) line(`${p.page}: initial JS (${p.files.length} files)`, p.initial, BUDGETS.initial)
for (const c of lazy) line(c.file, c.gzip, BUDGETS.lazyChunk)
line(css.file, css.gzip, BUDGETS.css)
if (over) process.exitCode = 1
