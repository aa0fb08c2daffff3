/**
 * Reads and writes of the flag lifecycle tables. A state is replaced by
 * inserting a new version (ReplacingMergeTree, read with FINAL); the
 * history only grows. Times are epoch ms above this module.
 */
import { toNumber } from '../storage/int64.js'
import type { Store } from '../storage/store.js'
import { nextVersion } from '../registry/version-clock.js'
import type { Status } from './status.js'

export interface FlagState {
  id: string
  service: string
  rule: string
  metric: string
  step: string
  dimension: string
  grp: string
  status: Status
  first_seen: number
  last_seen: number
  firing: boolean
  owner_name: string
  owner_contact: string
  action_note: string
  action_due: number | null
  public_note: string
  changed_at: number
  resolved_at: number | null
  verified_at: number | null
  quiet_from: number | null
  overdue_sent: boolean
  /** The flag as last seen (JSON). */
  flag: string
  /** Its figure when it was resolved (JSON), for the public before/after. */
  before: string
  /** Top complaint terms behind it when resolved (JSON). */
  terms: string
}

export interface HistoryEntry {
  flag_id: string
  at: number
  kind: 'evaluation' | 'status'
  evaluation: string
  fired: boolean
  status_from: string
  status_to: string
  actor: string
  note: string
  due: number | null
  /** JSON: the figure of the evaluation. */
  figure: string
}

const ms = (col: string) => `toUnixTimestamp64Milli(${col}) AS ${col}`
const STATE_COLUMNS = [
  'id', 'service', 'rule', 'metric', 'step', 'dimension', 'grp', 'status',
  ms('first_seen'), ms('last_seen'), 'firing', 'owner_name', 'owner_contact', 'action_note', ms('action_due'),
  'public_note', ms('changed_at'), ms('resolved_at'), ms('verified_at'), ms('quiet_from'), 'overdue_sent', 'flag', 'before', 'terms',
].join(', ')
const TIMES = ['first_seen', 'last_seen', 'changed_at'] as const
const NULLABLE_TIMES = ['action_due', 'resolved_at', 'verified_at', 'quiet_from'] as const
const LIMIT = 100_000

function stateOf(raw: Record<string, unknown>): FlagState {
  const out = { ...raw } as Record<string, unknown>
  for (const c of TIMES) out[c] = toNumber(raw[c])
  for (const c of NULLABLE_TIMES) out[c] = raw[c] === null ? null : toNumber(raw[c])
  out.firing = toNumber(raw.firing) === 1
  out.overdue_sent = toNumber(raw.overdue_sent) === 1
  return out as unknown as FlagState
}

/** States, all or of the given ids. */
export async function readStates(store: Store, ids?: readonly string[]): Promise<FlagState[]> {
  const where = ids ? 'WHERE id IN {ids:Array(String)}' : ''
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ${STATE_COLUMNS} FROM ${store.table('flag_states')} FINAL ${where} ORDER BY id LIMIT {limit:UInt32}`,
    { ids: ids ?? [], limit: LIMIT },
  )
  return rows.map(stateOf)
}

export async function writeStates(store: Store, states: readonly FlagState[]): Promise<void> {
  if (states.length === 0) return
  const version = nextVersion()
  await store.insert(
    'flag_states',
    states.map((s) => ({ ...s, firing: s.firing ? 1 : 0, overdue_sent: s.overdue_sent ? 1 : 0, version })),
  )
}

let seq = 0
export async function addHistory(store: Store, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return
  await store.insert(
    'flag_history',
    entries.map((e) => ({ ...e, fired: e.fired ? 1 : 0, seq: nextVersion() * 1000 + (seq++ % 1000) })),
  )
}

export async function readHistory(store: Store, id: string, limit = 5000): Promise<HistoryEntry[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT flag_id, ${ms('at')}, kind, evaluation, fired, status_from, status_to, actor, note, ${ms('due')}, figure
     FROM ${store.table('flag_history')} WHERE flag_id = {id:String} ORDER BY at DESC, seq DESC LIMIT {limit:UInt32}`,
    { id, limit },
  )
  return rows.map((r) => ({
    ...(r as unknown as HistoryEntry),
    at: toNumber(r.at),
    due: r.due === null ? null : toNumber(r.due),
    fired: toNumber(r.fired) === 1,
  }))
}

export interface EvaluationRecord {
  id: string
  at: number
  window_from: number
  window_to: number
  trigger: 'start' | 'schedule' | 'demand'
  flags: number
  tests: number
  duration_ms: number
}

export async function recordEvaluation(store: Store, e: EvaluationRecord): Promise<void> {
  await store.insert('flag_evaluations', [e])
}
