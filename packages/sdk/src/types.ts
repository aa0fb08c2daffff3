/**
 * The public types of the SDK. Options are documented with their defaults;
 * the script tag's `data-*` attribute for each is named beside it.
 */
import type { Metric, OtklikEvent, Segment } from '@otklik/contract'

export type { Metric, OtklikEvent, Segment }

/** The main question of a survey. */
export type SurveyMetric = Exclude<Metric, 'rating'>

/** Why the SDK dropped something on purpose (see `onIgnored`). */
export type IgnoredReason =
  /** Journey or page-view analytics while Do Not Track / GPC is on and `respectDnt` is set. */
  | 'dnt'
  /** A survey not shown: this person fell outside the `sample`. */
  | 'sampled_out'
  /** A survey not shown: this person saw one for this service within `frequencyDays`. */
  | 'frequency_cap'
  /** A survey not shown: another one is open. */
  | 'survey_open'
  /** The offline queue was full; its oldest event was dropped. */
  | 'queue_full'
  /** An event waited longer than the server would accept (7 days) and was dropped. */
  | 'expired'
  /** The server refused a batch for good (a 4xx other than 408 and 429); the detail is the batch's events. */
  | 'rejected'
  /** The survey widget could not be loaded (network, CSP). */
  | 'widget_unavailable'

export interface SurveyOptions {
  /**
   * The main question: `'csat'` (1–5, text labels), `'nps'` (0–10) or `'ces'`
   * (1 very easy … 7 very difficult, text labels). Another value is refused
   * with a warning. Default: the `survey` option, else `'csat'`.
   */
  metric?: SurveyMetric
  /**
   * Up to three 1–5 criteria rated after the main question, sent as
   * `metric: 'rating'` with the criterion in `question`. The «Ваш контроль»
   * criteria have built-in labels: `time`, `queue`, `politeness`, `comfort`,
   * `information`. Default `[]`.
   */
  criteria?: string[]
  /** The service the answer is about. Default: the open journey's, else the page's. */
  service?: string
  /** Show even if sampling or the frequency cap would not. Default `false`. */
  force?: boolean
}

export interface JourneyStart {
  /** The life situation, e.g. `'birth-of-child'`. Default: `lifeSituation` of the options. */
  lifeSituation?: string
  /** The service, e.g. `'passport-rf'`. Default: `service` of the options. */
  service?: string
}

export interface OtklikOptions {
  /** The site key. Required. `data-site` */
  site: string
  /**
   * Where the Otklik server is; events go to `{endpoint}/v1/events`.
   * Default: the origin the script was loaded from (ESM: the page's origin). `data-endpoint`
   */
  endpoint?: string
  /** The service of this page, e.g. `'passport-rf'`. Default none. `data-service` */
  service?: string
  /** The life situation of journeys started implicitly. Default none. `data-life-situation` */
  lifeSituation?: string
  /** Who uses this site: `'citizen'`, `'business'` or `'internal'`. Default none. `data-segment` */
  segment?: Segment
  /** Language of the survey and of the events. Default: `<html lang>`, else `'ru'`. `data-locale` */
  locale?: string
  /** Send a `page_view` on load (a single-page app calls `pageview()` as it routes). Default `false`. `data-pageviews` */
  pageviews?: boolean
  /** Honour Do Not Track and Global Privacy Control for journeys and page views. Default `false`. `data-respect-dnt` */
  respectDnt?: boolean
  /** The survey shown after `complete`, or `false` for none. Default `'csat'`. `data-survey` */
  survey?: SurveyMetric | false
  /** Criteria rated after the survey's main question (at most three). Default `[]`. `data-criteria="time,queue"` */
  criteria?: string[]
  /** Share of people offered a survey dialog (after `complete` or on `survey()`), 0–1. Default `1`. `data-sample` */
  sample?: number
  /** Days before the same person is asked about the same service again (whatever the question); `0` asks every time. Default `30`. `data-frequency-days` */
  frequencyDays?: number
  /** Show a minimised "Feedback" tab that opens the `survey` (CSAT if none). Default `false`. `data-feedback-tab` */
  feedbackTab?: boolean
  /** Called with the reason whenever something is dropped on purpose. Default none. */
  onIgnored?: (reason: IgnoredReason, detail?: unknown) => void
}

/** The instance returned by `init`; the same calls as `otklik(...)`. */
export interface Otklik {
  /** The command form, as on `window.otklik`: `otklik('step', 'documents')`. */
  (command: string, ...args: unknown[]): void
  start(journey?: JourneyStart): void
  step(name: string): void
  complete(): void
  error(code: string): void
  abandon(): void
  survey(options?: SurveyOptions): void
  pageview(): void
  /** Sends what is queued now. */
  flush(): void
}
