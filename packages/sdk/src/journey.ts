/**
 * Journeys through a life situation (Declaration clause 14): a start, steps,
 * errors, and an end, complete or abandoned. Each session's open journey is
 * kept in localStorage under the session id (itself in sessionStorage), so it
 * follows the person from page to page of the tab; a journey whose session
 * ended (30 minutes idle, or the tab closed) is sent as abandoned at its last
 * step when the next page of the site loads.
 */
import { ident } from './clean.js'
import type { Resolved } from './config.js'
import { warn } from './log.js'
import { SESSION_TIMEOUT_MS, sessionId } from './session.js'
import { LOCAL, read, write } from './storage.js'
import type { Fields, Track } from './track.js'
import type { JourneyStart } from './types.js'
import { uuid } from './uuid.js'

const KEY = 'otklik:journeys'

interface Journey {
  j: string
  svc?: string | undefined
  ls?: string | undefined
  step?: string | undefined
  /** Last activity, epoch ms. */
  t: number
}

export interface Journeys {
  start(o?: JourneyStart): void
  step(name: unknown): void
  complete(): void
  error(code: unknown): void
  abandon(): void
}

export function journeys(o: Resolved, track: Track, completed: (context: Fields) => void): Journeys {
  const all = (): Record<string, Journey | undefined> => read(LOCAL, KEY) ?? {}
  /** Keeps `j` as session `s`'s open journey, touched now, or (no `j`) closes it. */
  const save = (s: string, j?: Journey): void => {
    const m = all()
    if (j) j.t = Date.now()
    m[s] = j
    write(LOCAL, KEY, m)
  }
  const fields = (j: Journey): Fields => ({ journey: j.j, service: j.svc, life_situation: j.ls, step: j.step })
  /** Runs `fn` with the session's open journey, or warns that `call` needs one. */
  const withOpen =
    <A>(call: string, fn: (s: string, j: Journey, a: A) => void) =>
    (a: A): void => {
      const s = sessionId()
      const j = all()[s]
      j ? fn(s, j, a) : warn(call, 'no journey')
    }
  const end = (type: 'journey_abandon' | 'journey_complete', s: string, j: Journey): void => {
    track(type, fields(j))
    save(s)
  }

  // Journeys of ended sessions, sent with their own session and last activity
  // (the outbox drops one too old for the server).
  const now = Date.now()
  const m = all()
  for (const s in m) {
    const j = m[s]!
    if (now - j.t > SESSION_TIMEOUT_MS) {
      track('journey_abandon', { ...fields(j), session: s, ts: j.t })
      save(s)
    }
  }

  return {
    start(opts = {}) {
      const { service, lifeSituation } = Object(opts) as JourneyStart
      const svc = ident(service) ?? o.service
      const ls = ident(lifeSituation) ?? o.lifeSituation
      const s = sessionId()
      const open = all()[s]
      // A reload of the first page is not a new journey.
      if (open && open.svc === svc && open.ls === ls && !open.step) return save(s, open)
      if (open) end('journey_abandon', s, open)
      const j = { j: uuid(), svc, ls, t: 0 }
      save(s, j)
      track('journey_start', fields(j))
    },
    step: withOpen('step', (s, j, name: unknown) => {
      const step = ident(name)
      if (!step) return warn('step', 'no name')
      if (j.step !== step) track('journey_step', fields({ ...j, step }))
      j.step = step
      save(s, j)
    }),
    error: withOpen('error', (s, j, code: unknown) => {
      const c = ident((code as { code?: unknown })?.code ?? code)
      if (!c) return warn('error', 'no code')
      save(s, j)
      track('journey_error', { ...fields(j), error_code: c })
    }),
    complete() {
      const s = sessionId()
      const j = all()[s]
      if (j) end('journey_complete', s, j)
      // The survey is offered even without a journey: the person finished something.
      completed(j ? fields(j) : {})
    },
    abandon: withOpen('abandon', (s, j) => end('journey_abandon', s, j)) as () => void,
  }
}
