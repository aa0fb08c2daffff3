/**
 * The session: an id in sessionStorage (never a cookie), renewed after
 * 30 minutes without activity. It lives and dies with the tab.
 */
import { read, SESSION, write } from './storage.js'
import { uuid } from './uuid.js'

export const SESSION_TIMEOUT_MS = 30 * 60 * 1000
// Storage keys are short: they are in the bundle, and only the SDK reads them.
const KEY = 'otklik:s'

/** The current session id; asking for it keeps the session alive. */
export function sessionId(): string {
  const s = read<{ i: string; t: number }>(SESSION, KEY)
  const i = s && Date.now() - s.t < SESSION_TIMEOUT_MS ? s.i : uuid()
  write(SESSION, KEY, { i, t: Date.now() })
  return i
}
