// `pnpm test`: every check and every package's suite, each run even when an
// earlier one failed, so that one run shows the whole picture; the exit
// status is non-zero if any of them failed.
import { spawnSync } from 'node:child_process'

const STEPS = [
  ['build', ['-r', '--no-bail', '--if-present', 'run', 'build']],
  ['typecheck', ['-r', '--no-bail', '--if-present', 'run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['packages', ['run', 'check:packages']],
  ['tests', ['-r', '--no-bail', '--if-present', 'run', 'test']],
]

const failed = []
for (const [name, args] of STEPS) {
  process.stdout.write(`\n== ${name}: pnpm ${args.join(' ')}\n`)
  const { status, error } = spawnSync('pnpm', args, { stdio: 'inherit' })
  if (error || status !== 0) failed.push(name)
}
process.stdout.write(failed.length ? `\npnpm test: FAILED in ${failed.join(', ')}\n` : '\npnpm test: all passed\n')
process.exitCode = failed.length ? 1 : 0
