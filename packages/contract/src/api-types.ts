/**
 * `@otklik/contract/types`: the event types and the types of every API
 * request and response, inferred from the zod schemas (types only:
 * importing them puts no zod in a bundle, though the compiler reads zod's
 * declarations). Responses are what the server sends (`z.output`); requests
 * what a client may send (`z.input`). The package root has the event types
 * alone, with no zod at all: the SDK's declarations import those.
 */
import type { z } from 'zod'
import type * as s from './schemas/index.js'

export type * from './types.js'

export type ErrorBody = z.output<typeof s.ErrorBody>
export type Window = z.output<typeof s.WindowSchema>
export type Figure = z.output<typeof s.FigureSchema>
export type Journeys = z.output<typeof s.JourneysSchema>

export type FilterQuery = z.input<typeof s.FilterQuery>
export type ReportQuery = z.input<typeof s.ReportQuery>
export type TimeseriesQuery = z.input<typeof s.TimeseriesQuery>
export type BreakdownQuery = z.input<typeof s.BreakdownQuery>
export type DistributionQuery = z.input<typeof s.DistributionQuery>
export type ServiceMetrics = z.output<typeof s.ServiceMetricsSchema>
export type ServicesReport = z.output<typeof s.ServicesResponse>
export type TimeseriesReport = z.output<typeof s.TimeseriesResponse>
export type TimeseriesPoint = TimeseriesReport['points'][number]
export type BreakdownReport = z.output<typeof s.BreakdownResponse>
export type DistributionReport = z.output<typeof s.DistributionResponse>
export type DistributionRow = DistributionReport['distributions'][number]
export type FunnelReport = z.output<typeof s.FunnelResponse>
export type Funnel = FunnelReport['funnels'][number]
export type DurationsReport = z.output<typeof s.DurationsResponse>
export type VolumesReport = z.output<typeof s.VolumesResponse>

export type FlagsQuery = z.input<typeof s.FlagsQuery>
export type Flag = z.output<typeof s.FlagSchema>
export type FlagRule = Flag['rule']
export type FlagsReport = z.output<typeof s.FlagsResponse>
export type FlagCase = z.output<typeof s.PublicFlagSchema>
export type FlagStatusChange = z.input<typeof s.FlagStatusBody>
export type FlagHistory = z.output<typeof s.FlagHistoryResponse>
export type FlagEvaluation = z.output<typeof s.FlagEvaluationSchema>

export type ExcludedCounts = z.output<typeof s.ExcludedCountsResponse>
export type ExcludedListQuery = z.input<typeof s.ExcludedListQuery>
export type ExcludedAnswers = z.output<typeof s.ExcludedListResponse>
export type Reinstate = z.input<typeof s.ReinstateBody>
export type Reinstated = z.output<typeof s.ReinstateResponse>

export type CommentsQuery = z.input<typeof s.CommentsQuery>
export type Comment = z.output<typeof s.CommentSchema>
export type CommentsPage = z.output<typeof s.CommentsResponse>
export type TermsQuery = z.input<typeof s.TermsQuery>
export type CommentTerms = z.output<typeof s.TermsResponse>

export type Service = z.output<typeof s.ServiceSchema>
export type ServiceInput = z.input<typeof s.ServiceInputSchema>
export type ServiceList = z.output<typeof s.ServiceListSchema>
export type Named = z.output<typeof s.NamedSchema>
export type NamedInput = z.input<typeof s.NamedInputSchema>
export type RegistryDocument = z.input<typeof s.RegistryDocumentSchema>
export type RegistryImportResult = z.output<typeof s.ImportResultSchema>

export type Site = z.output<typeof s.SiteSchema>
export type NewSite = z.input<typeof s.NewSiteSchema>
export type CreatedSite = z.output<typeof s.CreatedSiteSchema>
export type Token = z.output<typeof s.TokenSchema>
export type NewToken = z.input<typeof s.NewTokenSchema>
export type CreatedToken = z.output<typeof s.CreatedTokenSchema>
export type Me = z.output<typeof s.MeSchema>

export type ImportChunk = z.input<typeof s.ImportChunkSchema>
export type ImportChunkResult = z.output<typeof s.ImportChunkResultSchema>
export type DemoSeedResult = z.output<typeof s.DemoSeedResultSchema>

export type OpenDataQuery = z.input<typeof s.OpenDataQuery>
export type OpenDataRow = z.output<typeof s.OpenDataRowSchema>
export type OpenData = z.output<typeof s.OpenDataResponse>
export type OpenAction = z.output<typeof s.OpenActionSchema>
export type OpenActions = z.output<typeof s.OpenActionsResponse>

export type Health = z.output<typeof s.HealthSchema>
export type Readiness = z.output<typeof s.ReadinessSchema>
