/**
 * What one survey needs: its question, its criteria and a way to record its
 * events with the context it was shown in (service, journey).
 */
import type { EventType, Metric } from '@otklik/contract'
import type { SurveyMetric } from '../types.js'

export interface SurveyAnswer {
  metric: Metric
  score?: number
  /** The criterion of a `rating`. */
  question?: string
  comment?: string
}

export interface SurveyRequest {
  metric: SurveyMetric
  /** 1–5 criteria asked after the main question (at most three). */
  criteria: string[]
  emit(type: Extract<EventType, `survey_${string}`>, answer: SurveyAnswer): void
}
