/** The service page's sections: score distributions, the funnel, groups compared, comments. */
import type { BreakdownReport, CommentsPage, DistributionRow, Flag, Funnel, CommentTerms } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { Bar, StackedBar } from '../charts/bar.js'
import { ChartFigure } from '../components/chart-figure.js'
import { DataTable } from '../components/data-table.js'
import { formatInterval, formatValue, nText } from '../components/figures.js'
import { withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { DASH, count, day, percent } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { wilson } from '../stats/pooled.js'

export function Distribution({ metric, rows }: { metric: 'csat' | 'nps' | 'ces'; rows: DistributionRow[] }) {
  const m = t.value
  const l = lang.value
  const total = rows.reduce((s, r) => s + r.count, 0)
  const top = rows.reduce<DistributionRow | undefined>((a, r) => (a === undefined || r.count > a.count ? r : a), undefined)
  const title = `${m.service.distributions}: ${m.metric[metric]}`
  const summary = top && total > 0 ? m.chart.distributionSummary(m.metric[metric], String(top.score), percent(l, top.share), nText(m, l, total)) : m.chart.noData(title)
  const table = { caption: title, head: [m.service.score, m.service.count, m.service.share], rows: rows.map((r) => [r.score, count(l, r.count), percent(l, r.share)]) }
  return (
    <ChartFigure title={title} summary={summary} table={table} fileName={`otklik-${metric}-distribution.csv`}>
      {total > 0 && (
        <>
          <StackedBar shares={rows.map((r) => r.share)} />
          <ul class="legend" aria-hidden="true">
            {rows.map((r, i) => (
              <li key={r.score}>
                <span class={`swatch part-${i % 7}`} /> {r.score}: {percent(l, r.share)}
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartFigure>
  )
}

export function FunnelView({ funnel, flags }: { funnel: Funnel; flags: Flag[] }) {
  const m = t.value
  const l = lang.value
  const flagged = new Set(flags.filter((f) => f.rule === 'step_dropoff' && f.step).map((f) => f.step))
  const worst = funnel.steps.reduce<Funnel['steps'][number] | undefined>((a, s) => ((s.drop_off_rate ?? -1) > (a?.drop_off_rate ?? -1) ? s : a), undefined)
  const title = m.service.funnel
  const summary = worst && worst.drop_off_rate !== null ? m.chart.funnelSummary(worst.step, percent(l, worst.drop_off_rate), nText(m, l, funnel.started, m.journeys)) : m.chart.noData(title)
  const table = {
    caption: title,
    head: [m.service.step, m.service.reached, m.service.left, m.service.dropOff],
    rows: funnel.steps.map((s) => [
      `${s.step}${flagged.has(s.step) ? ` (${m.service.flaggedStep})` : ''}`,
      count(l, s.reached),
      count(l, s.left),
      s.drop_off_rate === null ? DASH : percent(l, s.drop_off_rate),
    ]),
  }
  return (
    <ChartFigure title={title} summary={summary} table={table} fileName="otklik-funnel.csv">
      <ol class="funnel">
        {funnel.steps.map((s) => (
          <li key={s.step} class={flagged.has(s.step) ? 'flagged' : undefined}>
            <span class="step-name">
              {s.step}
              {flagged.has(s.step) && <strong class="flag-mark"> ⚑ {m.service.flaggedStep}</strong>}
            </span>
            <Bar share={s.reach_rate ?? 0} marked={flagged.has(s.step)} />
            <span class="small">
              {m.service.reached}: {count(l, s.reached)} · {m.service.dropOff}: {s.drop_off_rate === null ? DASH : percent(l, s.drop_off_rate)}
            </span>
          </li>
        ))}
      </ol>
    </ChartFigure>
  )
}

const DIMENSIONS = ['segment', 'channel', 'device', 'locale'] as const

export function Groups({ params, flags }: { params: URLSearchParams; flags: Flag[] }) {
  const m = t.value
  return (
    <>
      <p class="muted">{m.service.groupsIntro}</p>
      <div class="groups">
        {DIMENSIONS.map((by) => (
          <GroupTable key={by} by={by} params={params} flags={flags} />
        ))}
      </div>
    </>
  )
}

function GroupTable({ by, params, flags }: { by: (typeof DIMENSIONS)[number]; params: URLSearchParams; flags: Flag[] }) {
  const m = t.value
  const l = lang.value
  const res = useApi<BreakdownReport>('/metrics/breakdown', withParams(params, { by }))
  if (res.error) return <ErrorBox message={res.error} />
  if (!res.data) return <Loading />
  const worse = new Set(flags.filter((f) => f.rule === 'group_gap' && f.dimension === by).map((f) => f.group))
  const data = {
    caption: m.dims[by],
    head: [m.service.group, m.metric.csat, m.interval, m.metric.completion, 'n'],
    rows: res.data.groups.map((g) => {
      const completion = wilson(g.journeys.completed, g.journeys.started)
      return [
        `${m.values[g.group] ?? g.group}${worse.has(g.group) ? ` — ${m.service.worse}` : ''}`,
        formatValue('csat', g.csat.value, l),
        formatInterval('csat', g.csat, l),
        formatValue('completion', completion.value, l),
        count(l, g.csat.n),
      ]
    }),
  }
  return <DataTable data={data} />
}

export function Comments({ params }: { params: URLSearchParams }) {
  const m = t.value
  const l = lang.value
  const comments = useApi<CommentsPage>('/comments', withParams(params, { limit: '10' }))
  const terms = useApi<CommentTerms>('/comments/terms', params)
  if (comments.error) return <ErrorBox message={comments.error} />
  if (!comments.data) return <Loading />
  const top = terms.data?.services.flatMap((s) => s.terms).slice(0, 10) ?? []
  return (
    <>
      {top.length > 0 && (
        <>
          <h3>{m.service.terms}</h3>
          <ul class="terms">
            {top.map((x) => (
              <li key={x.term}>
                {x.term} ({count(l, x.count)})
              </li>
            ))}
          </ul>
        </>
      )}
      {comments.data.comments.length === 0 ? (
        <p>{m.service.noComments}</p>
      ) : (
        <ul class="comments">
          {comments.data.comments.map((c) => (
            <li key={c.id}>
              <blockquote class="comment-text">{c.comment}</blockquote>
              <p class="small muted">
                {day(l, c.ts)} · {m.metric[c.metric as 'csat'] ?? c.metric} {c.score ?? DASH} · {m.values[c.channel] ?? c.channel}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
