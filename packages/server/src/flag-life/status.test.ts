import { describe, expect, it } from 'vitest'
import { afterEvaluation, refusal, type Lifecycle } from './status.js'

const D = 86_400_000
const L = 28 * D
const R = Date.UTC(2025, 0, 1)
const resolved: Lifecycle = { status: 'resolved', resolved_at: R, quiet_from: null, action_due: null, overdue_sent: false }
const at = (end: number, fired: boolean, measured = true) => ({ fired, measured, window: { from: end - L, to: end }, now: end })

describe('what the data does to a flag', () => {
  it('ignores windows that still hold data from before the fix', () => {
    expect(afterEvaluation(resolved, at(R + L - 1, true))).toEqual({ next: resolved })
  })

  it('verifies after two full quiet windows after the fix, not after one', () => {
    const one = afterEvaluation(resolved, at(R + L, false))
    expect(one).toEqual({ next: { ...resolved, quiet_from: R } })
    expect(afterEvaluation(one.next, at(R + 2 * L - 1, false)).event).toBeUndefined()
    expect(afterEvaluation(one.next, at(R + 2 * L, false))).toMatchObject({ next: { status: 'verified' }, event: 'flag.verified' })
  })

  it('does not count a window where the rule could not be run (too little data) as quiet', () => {
    const blind = afterEvaluation(resolved, at(R + L, false, false))
    expect(blind.next.quiet_from).toBeNull()
    // Quiet only from a later window: two full windows from there.
    const later = afterEvaluation(resolved, at(R + 2 * L, false)).next
    expect(later.quiet_from).toBe(R + L)
    expect(afterEvaluation(later, at(R + 3 * L, false)).event).toBe('flag.verified')
  })

  it('reopens a resolved or verified flag whose rule fires again after the fix', () => {
    expect(afterEvaluation(resolved, at(R + L, true))).toMatchObject({ next: { status: 'reopened', resolved_at: null }, event: 'flag.reopened' })
    expect(afterEvaluation({ ...resolved, status: 'verified' }, at(R + 5 * L, true)).event).toBe('flag.reopened')
    // Declined stays declined.
    expect(afterEvaluation({ ...resolved, status: 'wont_fix' }, at(R + L, true)).event).toBeUndefined()
  })

  it('says once that a planned action is overdue', () => {
    const planned: Lifecycle = { status: 'in_progress', resolved_at: null, quiet_from: null, action_due: R, overdue_sent: false }
    const late = afterEvaluation(planned, at(R + 1, true))
    expect(late).toEqual({ next: { ...planned, overdue_sent: true }, event: 'flag.overdue' })
    expect(afterEvaluation(late.next, at(R + D, true)).event).toBeUndefined()
  })
})

describe('what a person may do', () => {
  it('allows the path open → acknowledged → in_progress → resolved and wont_fix with a reason', () => {
    expect(refusal('open', { status: 'acknowledged' }, R)).toBeUndefined()
    expect(refusal('acknowledged', { status: 'in_progress', note: 'plan', due: R + D }, R)).toBeUndefined()
    expect(refusal('in_progress', { status: 'resolved', note: 'done' }, R)).toBeUndefined()
    expect(refusal('open', { status: 'wont_fix', note: 'a law requires this step' }, R)).toBeUndefined()
    expect(refusal('open', { status: 'wont_fix', note: '  ' }, R)?.kind).toBe('bad_request')
    expect(refusal('resolved', { status: 'acknowledged' }, R)).toEqual({ kind: 'conflict', message: 'a resolved flag cannot become acknowledged; from resolved it can become reopened' })
  })
})
