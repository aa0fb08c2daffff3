/**
 * The flag lifecycle: an evaluation runs the rules over the last window,
 * opens a flag the first time its rule fires, follows every known flag
 * (verified, reopened, overdue: see status.ts), records the evaluation and
 * each flag's figure in its history, and hands the events to the notifier.
 * People change statuses through `setStatus`. One thing at a time: an
 * evaluation and a status change never interleave. Time comes from the
 * injected clock only.
 */
import type { FLAG_EVENTS } from '@otklik/contract/rules'
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { evaluate, type Flag, type Measure } from '../analytics/flags/evaluate.js'
import { gatherEvidence } from '../analytics/flags/evidence.js'
import { flagTerms } from '../analytics/flags/report.js'
import { lastDays, previousWindow, type TimeWindow } from '../analytics/window.js'
import { errors } from '../errors.js'
import type { Store } from '../storage/store.js'
import { flagId } from './ids.js'
import { addHistory, readHistory, readStates, recordEvaluation, writeStates, type EvaluationRecord, type FlagState, type HistoryEntry } from './states.js'
import { afterEvaluation, refusal, type StatusChange } from './status.js'
import { publicFlag, serviceInfo, type PublicFlag, type ServiceInfo } from './view.js'

export type FlagEventType = (typeof FLAG_EVENTS)[number]

export interface FlagEvent {
  type: FlagEventType
  flag: PublicFlag
  /** ISO 8601. */
  at: string
}

export interface Notifier {
  notify(events: readonly FlagEvent[]): Promise<void>
}

/** Several notifiers as one, told in order. */
export const allOf = (...notifiers: (Notifier | undefined)[]): Notifier => ({
  async notify(events) {
    for (const n of notifiers) await n?.notify(events)
  },
})

export interface EvaluationSummary extends EvaluationRecord {
  events: { type: FlagEventType; id: string }[]
}

export interface FlagLifeDeps {
  store: Store
  clock: () => number
  notifier: Notifier
  log?: FastifyBaseLogger | undefined
}

/** Who may see a flag: everything, or the services of one agency. */
export interface Viewer {
  agency?: string | undefined
}

export class FlagLife {
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: FlagLifeDeps) {}

  /** Runs one evaluation over the last window (default 28 days) up to the clock's now. */
  evaluate(trigger: EvaluationRecord['trigger']): Promise<EvaluationSummary> {
    return this.serial(() => this.runEvaluation(trigger))
  }

  private async runEvaluation(trigger: EvaluationRecord['trigger']): Promise<EvaluationSummary> {
    const { store, clock } = this.deps
    const started = performance.now()
    const now = clock()
    const window = lastDays(now)
    const { services } = await gatherEvidence(store, { window, values: {} }, previousWindow(window))
    const result = evaluate(services)
    const evaluation = randomUUID()
    const states = new Map((await readStates(store)).map((s) => [s.id, s]))
    const fired = new Map(result.flags.map((f) => [flagId(f), f]))
    const measured = new Map(result.measured.map((m) => [flagId(m), m]))
    const changed: FlagState[] = []
    const history: HistoryEntry[] = []
    const events: { type: FlagEventType; state: FlagState }[] = []
    const entry = (s: FlagState, from: string, m: Measure | undefined): HistoryEntry => ({
      flag_id: s.id,
      at: now,
      kind: 'evaluation',
      evaluation,
      fired: fired.has(s.id),
      status_from: from,
      status_to: s.status,
      actor: 'otklik',
      note: '',
      due: null,
      figure: JSON.stringify(m ? { ...figureOf(m), window: windowBody(window) } : null),
    })

    for (const [id, f] of fired) {
      if (states.has(id)) continue
      const s = newState(id, f, now)
      changed.push(s)
      history.push(entry(s, '', measured.get(id)))
      events.push({ type: 'flag.opened', state: s })
    }
    for (const s of states.values()) {
      const f = fired.get(s.id)
      const { next, event } = afterEvaluation(s, { fired: f !== undefined, measured: measured.has(s.id), window, now })
      const updated: FlagState = {
        ...s,
        ...next,
        firing: f !== undefined,
        last_seen: f ? now : s.last_seen,
        flag: f ? JSON.stringify(f) : s.flag,
        changed_at: next.status === s.status ? s.changed_at : now,
        verified_at: next.status === 'verified' && s.status !== 'verified' ? now : next.status === 'reopened' ? null : s.verified_at,
      }
      changed.push(updated)
      history.push(entry(updated, s.status, measured.get(s.id)))
      if (event) events.push({ type: event, state: updated })
    }
    // Alerts are stored before the states that raise them: if a write fails
    // between the two, the next evaluation raises them again rather than never.
    await this.send(events, now)
    await writeStates(store, changed)
    await addHistory(store, history)
    const record: EvaluationRecord = {
      id: evaluation,
      at: now,
      window_from: window.from,
      window_to: window.to,
      trigger,
      flags: result.flags.length,
      tests: result.tests,
      duration_ms: Math.round(performance.now() - started),
    }
    await recordEvaluation(store, record)
    this.deps.log?.info({ evaluation, trigger, flags: record.flags, events: events.length, ms: record.duration_ms }, 'flags evaluated')
    return { ...record, events: events.map((e) => ({ type: e.type, id: e.state.id })) }
  }

  /** A person's change of status; throws 404, 400 or 409 with the reason. */
  setStatus(id: string, change: StatusChange & { owner?: { name: string; contact: string } | undefined }, actor: string, viewer: Viewer = {}): Promise<PublicFlag> {
    return this.serial(async () => {
      const { store, clock } = this.deps
      const now = clock()
      const [s] = await readStates(store, [id])
      const services = await serviceInfo(store)
      if (!s || !visible(s, services, viewer)) throw errors.notFound('flag')
      const why = refusal(s.status, change, now)
      if (why) throw why.kind === 'conflict' ? errors.conflict(why.message) : errors.badRequest(why.message)
      const note = change.note?.trim() ?? ''
      const next: FlagState = { ...s, status: change.status, changed_at: now }
      if (change.owner) {
        next.owner_name = change.owner.name
        next.owner_contact = change.owner.contact
      }
      if (change.status === 'in_progress') {
        next.action_note = note
        next.action_due = change.due ?? null
        next.overdue_sent = false
      }
      if (change.status === 'resolved') {
        next.public_note = note
        next.resolved_at = now
        next.quiet_from = null
        next.before = (await readHistory(store, id, 50)).find((h) => h.kind === 'evaluation' && h.figure !== 'null')?.figure ?? ''
        next.terms = JSON.stringify(await this.termsBehind(s))
      }
      if (change.status === 'wont_fix') next.public_note = note
      if (change.status === 'reopened') {
        next.resolved_at = null
        next.verified_at = null
        next.quiet_from = null
      }
      if (change.status === 'resolved') await this.send([{ type: 'flag.resolved', state: next }], now)
      if (change.status === 'reopened') await this.send([{ type: 'flag.reopened', state: next }], now)
      await writeStates(store, [next])
      await addHistory(store, [
        { flag_id: id, at: now, kind: 'status', evaluation: '', fired: s.firing, status_from: s.status, status_to: change.status, actor, note, due: change.due ?? null, figure: 'null' },
      ])
      return publicFlag(next, services.get(next.service))
    })
  }

  async history(id: string, viewer: Viewer = {}): Promise<{ flag: PublicFlag; history: HistoryEntry[] }> {
    const { store } = this.deps
    const [s] = await readStates(store, [id])
    const services = await serviceInfo(store)
    if (!s || !visible(s, services, viewer)) throw errors.notFound('flag')
    return { flag: publicFlag(s, services.get(s.service)), history: await readHistory(store, id) }
  }

  /** Every known flag a viewer may see, in its public shape. */
  async list(viewer: Viewer = {}): Promise<PublicFlag[]> {
    const { store } = this.deps
    const services = await serviceInfo(store)
    return (await readStates(store)).filter((s) => visible(s, services, viewer)).map((s) => publicFlag(s, services.get(s.service)))
  }

  /** The top complaint terms of the window in which the flag last fired. */
  private async termsBehind(s: FlagState) {
    const window: TimeWindow = lastDays(s.last_seen)
    const [terms] = await flagTerms(this.deps.store, { window, values: { service: [s.service] } }, [JSON.parse(s.flag) as Flag])
    return terms ?? []
  }

  private async send(events: readonly { type: FlagEventType; state: FlagState }[], now: number) {
    if (events.length === 0) return
    const services = await serviceInfo(this.deps.store)
    const at = new Date(now).toISOString()
    await this.deps.notifier.notify(events.map((e) => ({ type: e.type, flag: publicFlag(e.state, services.get(e.state.service)), at })))
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn)
    this.chain = run.catch(() => undefined)
    return run
  }
}

const visible = (s: FlagState, services: Map<string, ServiceInfo>, viewer: Viewer) =>
  viewer.agency === undefined || services.get(s.service)?.agency === viewer.agency

const windowBody = (w: TimeWindow) => ({ from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() })

function figureOf(m: Pick<Measure, 'value' | 'interval' | 'n'> & { parts?: number[] }) {
  return { value: m.value, interval: m.interval, n: m.n, ...(m.parts ? { parts: m.parts } : {}) }
}

function newState(id: string, f: Flag, now: number): FlagState {
  return {
    id,
    service: f.service,
    rule: f.rule,
    metric: f.metric,
    step: f.step ?? '',
    dimension: f.dimension ?? '',
    grp: f.group ?? '',
    status: 'open',
    first_seen: now,
    last_seen: now,
    firing: true,
    owner_name: '',
    owner_contact: '',
    action_note: '',
    action_due: null,
    public_note: '',
    changed_at: now,
    resolved_at: null,
    verified_at: null,
    quiet_from: null,
    overdue_sent: false,
    flag: JSON.stringify(f),
    before: '',
    terms: '[]',
  }
}
