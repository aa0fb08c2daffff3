/**
 * Journeys through a life situation (Declaration clause 14): a start, steps,
 * errors, and an end, complete or abandoned. Each session's open journey is
 * kept in localStorage under the session id (itself in sessionStorage), so it
 * follows the person from page to page of the tab; a journey whose session
 * ended (30 minutes idle, or the tab closed) is sent as abandoned at its last
 * step when the next page of the site starts the SDK.
 */
import { ident } from './clean.js'
import type { Resolved } from './config.js'
import { warn } from './log.js'
import { SESSION_TIMEOUT_MS, sessionId } from './session.js'
import { LOCAL, read, write } from './storage.js'
import type { Fields, Track } from './track.js'
import type { JourneyStart } from './types.js'
import { uuid } from './uuid.js'

/** The open journey of each session (localStorage). */
const KEY = 'otklik:j'

/** An open journey: its events' fields, stored as they are sent, and `t` its last activity (epoch ms). */
type Journey = Required<Pick<Fields, 'journey'>> & Pick<Fields, 'service' | 'life_situation' | 'step'> & { t: number }

export interface Journeys {
  start(o?: JourneyStart): void
  step(name: unknown): void
  complete(): void
  error(code: unknown): void
  abandon(): void
}

const all = (): Record<string, Journey | undefined> => read(LOCAL, KEY) ?? {}
/** Keeps `j` as session `s`'s open journey, touched now, or (no `j`) closes it. */
const save = (s: string, j?: Journey): void => {
  const m = all()
  if (j) j.t = Date.now()
  m[s] = j
  write(LOCAL, KEY, m)
}
const fields = ({ t: _t, ...f }: Journey): Fields => f

/**
 * Sends the journeys of ended sessions as abandoned, with their own session
 * and last activity (the outbox drops one too old for the server).
 */
export function endSessions(track: Track): void {
  const now = Date.now()
  const m = all()
  for (const s in m) {
    const j = m[s]!
    if (now - j.t > SESSION_TIMEOUT_MS) {
      track('journey_abandon', { ...fields(j), session: s, ts: j.t })
      save(s)
    }
  }
}

export function journeys(o: Resolved, track: Track, completed: (context: Fields) => void): Journeys {
  /** The session of the call being handled, as `open` found it. */
  let s: string
  /** This session's open journey, if any. */
  const open = (): Journey | undefined => all()[(s = sessionId())]
  const end = (type: 'journey_abandon' | 'journey_complete', j: Journey): void => {
    track(type, fields(j))
    save(s)
  }
  /** Starts a journey (ending an open one that differs, continuing one that does not) and returns it. */
  const start = (opts?: unknown): Journey => {
    const given: JourneyStart = Object(opts)
    const svc = ident(given.service) ?? o.service
    const ls = ident(given.lifeSituation) ?? ident(o.raw.lifeSituation)
    let j = open()
    // The same life situation and service while its journey is open continues
    // it: the README's snippet starts on every page of a multi-page service.
    if (!j || j.service !== svc || j.life_situation !== ls) {
      // Closed by the save below, which replaces it: one storage write, not two.
      if (j) track('journey_abandon', fields(j))
      track('journey_start', fields((j = { journey: uuid(), service: svc, life_situation: ls, t: 0 })))
    }
    save(s, j)
    return j
  }

  return {
    start,
    step(name) {
      const step = ident(name)
      if (!step) return warn('step', 'no name')
      // With no journey open, a step starts one with the page's service and
      // life situation: a site may mark its steps in HTML only.
      const j = open() ?? start()
      if (j.step !== step) track('journey_step', fields({ ...j, step }))
      j.step = step
      save(s, j)
    },
    error(code) {
      const c = ident((code as { code?: unknown })?.code ?? code)
      const j = open()
      if (!j || !c) return warn('error', j ? 'no code' : 'no journey')
      save(s, j)
      track('journey_error', { ...fields(j), error_code: c })
    },
    complete() {
      const j = open()
      if (j) end('journey_complete', j)
      // The survey is offered even without a journey: the person finished something.
      completed(j ? fields(j) : {})
    },
    abandon() {
      const j = open()
      j ? end('journey_abandon', j) : warn('abandon', 'no journey')
    },
  }
}
