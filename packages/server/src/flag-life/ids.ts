/**
 * A flag's stable id: the same service, rule, metric and step or group give
 * the same id in every evaluation, so a flag keeps its history and status.
 */
import { createHash } from 'node:crypto'

export interface FlagKey {
  service: string
  rule: string
  metric: string
  step?: string | undefined
  dimension?: string | undefined
  group?: string | undefined
}

export function flagId(f: FlagKey): string {
  const key = JSON.stringify([f.service, f.rule, f.metric, f.step ?? '', f.dimension ?? '', f.group ?? ''])
  return `f${createHash('sha256').update(key).digest('hex').slice(0, 15)}`
}

