/**
 * OTKLIK_DEMO: whether a first start loads the demo data. `otklik serve` is
 * what production runs, so it does not by default; the root `pnpm start`
 * (someone trying the product) sets OTKLIK_DEMO=1 unless it is set already.
 */
import { ConfigError } from '../config.js'

const ON = new Set(['1', 'true', 'on', 'yes'])
const OFF = new Set(['0', 'false', 'off', 'no'])

export function demoOnFirstStart(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.OTKLIK_DEMO?.trim().toLowerCase()
  if (raw === undefined || raw === '') return false
  if (ON.has(raw)) return true
  if (OFF.has(raw)) return false
  throw new ConfigError(`OTKLIK_DEMO=${JSON.stringify(env.OTKLIK_DEMO)} is invalid: must be 1 or 0`)
}
