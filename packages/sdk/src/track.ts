/**
 * Builds an event with what every event carries (id, time, session, page)
 * and hands it to the sender. Journey and page-view analytics stop here when
 * the person asked not to be tracked and the site respects that; survey
 * events pass, since answering is the person's own act.
 */
import type { EventType } from '@otklik/contract'
import { currentPath } from './clean.js'
import type { Resolved } from './config.js'
import { ignored } from './log.js'
import { sessionId } from './session.js'
import type { OtklikEvent } from './types.js'
import { uuid } from './uuid.js'

export type Fields = Partial<Omit<OtklikEvent, 'id' | 'type'>>
export type Track = (type: EventType, fields?: Fields) => void

export const tracker =
  (o: Resolved, send: (e: OtklikEvent) => void): Track =>
  (type, fields) => {
    // Survey events are the only types starting with "s".
    if (o.dnt && type[0] !== 's') return ignored('dnt', type)
    // Fields left undefined are dropped by JSON.stringify on the way out.
    send({
      id: uuid(),
      type,
      ts: Date.now(),
      // No channel: the server sets `web` for a web site's events.
      session: sessionId(),
      service: o.service,
      segment: o.segment,
      locale: o.locale,
      path: currentPath(),
      ...fields,
    })
  }
