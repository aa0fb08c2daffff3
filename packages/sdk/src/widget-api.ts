/**
 * What the core and the lazily loaded widget chunk say to each other. Types
 * only: the chunk is a separate file, loaded when a survey is to be shown.
 */
import type { EventType } from '@otklik/contract'
import type { Resolved } from './config.js'
import type { Fields } from './track.js'
import type { SurveyOptions } from './types.js'

/**
 * The core's resolved options: `locale` (a language tag; the widget picks
 * its closest translation), `service` (for inline surveys that name none)
 * and, unchecked, `raw.survey` (the metric after `complete` and in the tab)
 * and `raw.criteria`.
 */
export type WidgetContext = Pick<Resolved, 'locale' | 'service' | 'raw'>

/** Records an event (the core adds id, time, session and page). */
export type TrackSurvey = (type: EventType, fields: Fields) => void

export interface Widget {
  /**
   * Opens the survey dialog for `options` (metric, criteria), its events
   * carrying `context` (service, journey); false when one is open already.
   */
  dialog(options: SurveyOptions, context: Fields): boolean
  /** Renders a survey in every `[data-otklik-survey]` container not yet filled. */
  scan(): void
  /** Shows the minimised feedback tab that opens the survey. */
  tab(): void
}

export interface WidgetModule {
  mount(context: WidgetContext, track: TrackSurvey): Widget
}
