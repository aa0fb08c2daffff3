/**
 * The API's response types the dashboard reads, mirroring the server's zod
 * schemas (packages/server/src/analytics/schemas.ts, flags-routes.ts,
 * comments-routes.ts, registry/catalog-schemas.ts, open-data/routes.ts,
 * auth/me-routes.ts). One file, so that it can be swapped for imports from
 * @otklik/contract when that package lands.
 */
import type { SCOPES } from '@otklik/contract/rules'
export type Scope = (typeof SCOPES)[number]

export interface Me {
  scope: Scope
  name: string
}

export interface Window {
  from: string
  to: string
}

export interface Figure {
  value: number | null
  low: number | null
  high: number | null
  n: number
}

export interface Journeys {
  started: number
  completed: number
  completion_rate: number | null
  error_rate: number | null
  median_duration_ms: number | null
  p90_duration_ms: number | null
}

export interface SurveyFigures {
  csat: Figure
  nps: Figure
  ces: Figure
}

export interface ServiceMetrics extends SurveyFigures {
  service: string
  registered: boolean
  name?: string
  agency?: string
  journeys: Journeys
}

export interface ServicesResponse {
  window: Window
  services: ServiceMetrics[]
}

export type Bucket = 'day' | 'week' | 'month'

export interface TimeseriesPoint extends SurveyFigures {
  service: string
  start: string
  journeys: Journeys
}

export interface TimeseriesResponse {
  window: Window
  bucket: Bucket
  points: TimeseriesPoint[]
}

export interface BreakdownGroup extends SurveyFigures {
  service: string
  group: string
  journeys: Journeys
}

export interface BreakdownResponse {
  window: Window
  by: string
  groups: BreakdownGroup[]
}

export interface DistributionRow {
  service: string
  metric: string
  question: string
  score: number
  count: number
  share: number
}

export interface DistributionResponse {
  window: Window
  distributions: DistributionRow[]
}

export interface FunnelStep {
  step: string
  position: number
  median_position: number
  reached: number
  reach_rate: number | null
  left: number
  drop_off_rate: number | null
}

export interface Funnel {
  service: string
  started: number
  completed: number
  completion_rate: number | null
  left_without_step: number
  steps: FunnelStep[]
}

export interface FunnelResponse {
  window: Window
  funnels: Funnel[]
}

export type Rule =
  | 'low_csat'
  | 'low_nps'
  | 'high_ces'
  | 'csat_decline'
  | 'nps_decline'
  | 'low_completion'
  | 'step_dropoff'
  | 'high_error_rate'
  | 'slower_completion'
  | 'group_gap'

export interface Flag {
  service: string
  name: string
  rule: Rule
  metric: string
  value: number
  interval: [number | null, number | null]
  target?: number
  baseline?: number
  n: number
  baseline_n?: number
  severity: 'high' | 'medium' | 'low'
  step?: string
  dimension?: string
  group?: string
  p_value: number
  q_value: number
  affected: number
  impact: number
  explanation: string
  terms: { term: string; count: number }[]
  // Optional fields of the flag lifecycle (issue 12), shown when present.
  id?: string
  status?: string
  first_seen?: string
  owner?: { name: string; contact?: string }
  action?: string
}

export interface FlagsResponse {
  window: Window
  baseline: Window
  flags: Flag[]
  insufficient: { service: string; n: number; journeys: number }[]
  ranking: { service: string; impact: number; rules: Rule[] }[]
  method: { tests: number; confidence: number; min_answers: number; min_journeys: number; impact: string }
}

export interface Comment {
  id: string
  ts: string
  service: string
  metric: string
  question: string
  score: number | null
  comment: string
  life_situation: string
  channel: string
  segment: string
  locale: string
  device: string
}

export interface CommentsResponse {
  window: Window
  comments: Comment[]
  next_cursor: string | null
}

export interface TermsResponse {
  window: Window
  scores: 'low' | 'all'
  services: { service: string; comments: number; terms: { term: string; count: number }[] }[]
}

export interface Targets {
  csat: number
  nps: number
  ces: number
  completion: number
  error_rate: number
}

export interface Service {
  id: string
  name_ru: string
  name_en: string
  agency: string | null
  life_situations: string[]
  targets: Targets
}

export interface ServiceList {
  services: Service[]
  default_targets: Targets
}

export interface Named {
  id: string
  name_ru: string
  name_en: string
}

export interface OpenRow {
  service: string
  name_ru: string
  name_en: string
  agency: string | null
  month: string
  complete: boolean
  responses: number | null
  journeys: number | null
  csat: number | null
  csat_n: number | null
  nps: number | null
  nps_n: number | null
  ces: number | null
  ces_n: number | null
  completion_rate: number | null
  suppressed: Record<string, 'below_k' | 'complementary' | 'small_group'>
}

export interface OpenResponse {
  generated_at: string
  method: { k: number; min_k: number; unit: string; rules: string[]; relations: string[]; definitions: Record<string, string> }
  rows: OpenRow[]
}

export interface ApiError {
  error: { code: string; message: string }
}
