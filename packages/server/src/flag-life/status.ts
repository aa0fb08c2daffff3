/**
 * The status machine of a flag. People move a flag (acknowledge, plan,
 * resolve, decline, reopen); the data moves it too: a resolved flag whose
 * rule stays quiet for two full windows after the fix becomes `verified`,
 * and one whose rule fires again on data after the fix is `reopened`.
 */
import { FLAG_TRANSITIONS as NEXT, type FLAG_STATUSES } from '@otklik/contract/rules'

export type Status = (typeof FLAG_STATUSES)[number]

export interface StatusChange {
  status: Status
  note?: string | undefined
  /** Epoch ms. */
  due?: number | undefined
}

export type Refusal = { kind: 'bad_request' | 'conflict'; message: string }

/** Why a person may not make this change, or undefined when they may. */
export function refusal(from: Status, change: StatusChange, now: number): Refusal | undefined {
  const to = change.status
  const note = change.note?.trim() ?? ''
  if (to === 'verified') return { kind: 'bad_request', message: 'status: verified is set by the data (the rule quiet for two full windows after the fix), not by a person' }
  if (to === 'open') return { kind: 'bad_request', message: 'status: open is set by an evaluation; to take a flag up again use reopened' }
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].join(', ')
    return { kind: 'conflict', message: `${/^[aeiou]/.test(from) ? 'an' : 'a'} ${from} flag cannot become ${to}; from ${from} it can become ${allowed}` }
  }
  if (to === 'in_progress') {
    if (note === '') return { kind: 'bad_request', message: 'note: in_progress needs the action planned (what will be done)' }
    if (change.due === undefined) return { kind: 'bad_request', message: 'due: in_progress needs a due date' }
    if (change.due <= now) return { kind: 'bad_request', message: 'due: must be in the future' }
  }
  if (to === 'resolved' && note === '') return { kind: 'bad_request', message: 'note: resolved needs a public note saying what was done' }
  if (to === 'wont_fix' && note === '') return { kind: 'bad_request', message: 'note: wont_fix needs a public reason' }
  if (to === 'reopened' && note === '') return { kind: 'bad_request', message: 'note: reopened needs a reason' }
  return undefined
}

/** The part of a flag's state the data moves. */
export interface Lifecycle {
  status: Status
  resolved_at: number | null
  quiet_from: number | null
  action_due: number | null
  overdue_sent: boolean
}

export type DataEvent = 'flag.reopened' | 'flag.verified' | 'flag.overdue'

/**
 * One evaluation's effect on a flag that exists: `fired` = the rule flagged
 * it, `measured` = its test could be run at all (enough data), `window` =
 * the evaluation's window. Only windows wholly after the resolution judge a
 * fix; `quiet_from` is the start of the first quiet such window, and two
 * full windows of quiet (the current window starting a window after it)
 * verify the fix.
 */
export function afterEvaluation(s: Lifecycle, e: { fired: boolean; measured: boolean; window: { from: number; to: number }; now: number }): { next: Lifecycle; event?: DataEvent } {
  const length = e.window.to - e.window.from
  if (e.fired && s.status === 'verified') return { next: { ...s, status: 'reopened', quiet_from: null, resolved_at: null }, event: 'flag.reopened' }
  if (s.status === 'resolved' && s.resolved_at !== null && e.window.from >= s.resolved_at) {
    if (e.fired) return { next: { ...s, status: 'reopened', quiet_from: null, resolved_at: null }, event: 'flag.reopened' }
    if (e.measured) {
      const quietFrom = s.quiet_from ?? e.window.from
      if (e.window.from >= quietFrom + length) return { next: { ...s, status: 'verified', quiet_from: quietFrom }, event: 'flag.verified' }
      return { next: { ...s, quiet_from: quietFrom } }
    }
  }
  if (s.status === 'in_progress' && s.action_due !== null && s.action_due < e.now && !s.overdue_sent) {
    return { next: { ...s, overdue_sent: true }, event: 'flag.overdue' }
  }
  return { next: s }
}
