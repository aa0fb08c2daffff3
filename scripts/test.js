// `pnpm test`: every check and every package's suite, each run even when an
// earlier one failed, so that one run shows the whole picture; the exit
// status is non-zero if any of them failed.
import { spawnSync } from 'node:child_process'

const STEPS = [
  ['build', 'pnpm', ['-r', '--no-bail', '--if-present', 'run', 'build']],
  ['typecheck', 'pnpm', ['-r', '--no-bail', '--if-present', 'run', 'typecheck']],
  ['lint', 'pnpm', ['run', 'lint']],
  ['packages', 'pnpm', ['run', 'check:packages']],
  ['scripts', 'node', ['--test', 'scripts/build-changed.test.js', 'scripts/test-steps.test.js']],
  ['tests', 'pnpm', ['-r', '--no-bail', '--if-present', 'run', 'test']],
]

const failed = []
for (const [name, command, args] of STEPS) {
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`)
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' })
  if (error || status !== 0) failed.push(name)
}
process.stdout.write(failed.length ? `\npnpm test: FAILED in ${failed.join(', ')}\n` : '\npnpm test: all passed\n')
process.exitCode = failed.length ? 1 : 0
