/** Request and response schemas of the metrics routes (the OpenAPI document is generated from them). */
import { z } from 'zod'
import { BUCKETS, DIMENSIONS, EVENT_TYPES, METRICS } from '../rules.js'
import { ReportQuery } from './filters.js'

export const TimeseriesQuery = ReportQuery.extend({ bucket: z.enum(BUCKETS).default('day') })
export const BreakdownQuery = ReportQuery.extend({ by: z.enum(DIMENSIONS) })
export const DistributionQuery = ReportQuery.extend({
  metric: z
    .union([z.enum(METRICS), z.array(z.enum(METRICS))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
})

export const WindowSchema = z
  .object({
    from: z.string().describe('start, inclusive (ISO 8601, UTC)'),
    to: z.string().describe('end, exclusive (ISO 8601, UTC)'),
  })
  .meta({ id: 'Window' })

export const FigureSchema = z
  .object({
    value: z.number().nullable(),
    low: z.number().nullable().describe('lower bound of the 95 % interval'),
    high: z.number().nullable().describe('upper bound of the 95 % interval'),
    n: z.number().int().describe('answers'),
  })
  .meta({ id: 'Figure' })

const figures = {
  csat: FigureSchema.describe('share of answers 4–5 of 1–5 (0..1), 95 % Wilson interval'),
  nps: FigureSchema.describe('Net Promoter Score (−100..100): % of 9–10 minus % of 0–6, 95 % normal interval'),
  ces: FigureSchema.describe('mean Customer Effort Score (1 very easy .. 7 very difficult), 95 % Student-t interval'),
}

export const JourneysSchema = z
  .object({
    started: z.number().int().describe('journeys whose first journey_start is in the window'),
    completed: z.number().int().describe('of them, journeys with a journey_complete'),
    completion_rate: z.number().nullable(),
    error_rate: z.number().nullable().describe('share of started journeys with at least one journey_error'),
    median_duration_ms: z.number().nullable().describe('first completion − first start, completed journeys; type-7 quantile'),
    p90_duration_ms: z.number().nullable(),
  })
  .describe('journeys, by the dimensions of their first journey_start')
  .meta({ id: 'Journeys' })

export const ServiceMetricsSchema = z
  .object({
    service: z.string(),
    registered: z.boolean(),
    name: z.string().optional(),
    agency: z.string().optional(),
    ...figures,
    journeys: JourneysSchema,
  })
  .meta({ id: 'ServiceMetrics' })

export const ServicesResponse = z.object({ window: WindowSchema, services: z.array(ServiceMetricsSchema) }).meta({ id: 'ServicesReport' })

export const TimeseriesResponse = z.object({
  window: WindowSchema,
  bucket: z.enum(['day', 'week', 'month']),
  points: z.array(
    z.object({
      service: z.string(),
      start: z.string().describe('first day of the bucket (YYYY-MM-DD, UTC; weeks start on Monday); journeys by their start day'),
      ...figures,
      journeys: JourneysSchema,
    }),
  ),
}).meta({ id: 'TimeseriesReport' })

export const BreakdownResponse = z.object({
  window: WindowSchema,
  by: z.string(),
  groups: z.array(z.object({ service: z.string(), group: z.string(), ...figures, journeys: JourneysSchema })),
}).meta({ id: 'BreakdownReport' })

export const DistributionResponse = z.object({
  window: WindowSchema,
  distributions: z.array(
    z.object({
      service: z.string(),
      metric: z.string(),
      question: z.string().describe('the criterion of a rating answer; empty for csat, nps, ces'),
      score: z.number().int(),
      count: z.number().int(),
      share: z.number().describe('count / answers of this service, metric and question'),
    }),
  ),
}).meta({ id: 'DistributionReport' })

export const FunnelStepSchema = z.object({
  step: z.string(),
  position: z.number().int().describe('1-based place in the funnel'),
  median_position: z.number().describe('median rank of the step among the steps each journey reached, by first arrival'),
  reached: z.number().int().describe('started journeys that reached the step'),
  reach_rate: z.number().nullable().describe('reached / started'),
  left: z.number().int().describe('journeys that did not complete and reached this step last'),
  drop_off_rate: z.number().nullable().describe('left / reached'),
})

export const FunnelResponse = z.object({
  window: WindowSchema,
  funnels: z.array(
    z.object({
      service: z.string(),
      started: z.number().int(),
      completed: z.number().int(),
      completion_rate: z.number().nullable(),
      left_without_step: z.number().int().describe('journeys that did not complete and reached no step'),
      steps: z.array(FunnelStepSchema),
    }),
  ),
}).meta({ id: 'FunnelReport' })

export const DurationsResponse = z.object({
  window: WindowSchema,
  services: z.array(
    z.object({
      service: z.string(),
      completed: z.number().int(),
      timed: z.number().int().describe('completed journeys with a duration (completion not before start)'),
      p25_ms: z.number().nullable(),
      median_ms: z.number().nullable(),
      p75_ms: z.number().nullable(),
      p90_ms: z.number().nullable(),
      mean_ms: z.number().nullable(),
    }),
  ),
}).meta({ id: 'DurationsReport' })

export const VolumesResponse = z.object({
  window: WindowSchema,
  services: z.array(z.object({ service: z.string(), total: z.number().int(), events: z.record(z.enum(EVENT_TYPES), z.number().int()) })),
}).meta({ id: 'VolumesReport' })
