/**
 * "You said, we did" on the open page: each resolved or verified flag with
 * what people said (the rule in plain words and the frequent terms of
 * low-score comments, never a comment), what was done, when, and the figure
 * before and after with its interval. Reads the public
 * /v1/open/actions.json, whose small-cell protection the server applies.
 */
import type { OpenAction, OpenActions } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { flagValue, nText } from '../components/figures.js'
import { ErrorBox, Loading } from '../components/status.js'
import { day, windowText } from '../i18n/format.js'
import type { Lang } from '../i18n/lang.js'
import { lang, t } from '../state/lang.js'
import { ACTIONS } from './texts.js'

type Published = OpenAction['before']

function FigureText({ metric, figure, l }: { metric: string; figure: Published; l: Lang }) {
  const m = t.value
  const a = ACTIONS[l]
  if (!figure) return <>{a.noFigureYet}</>
  if (figure.suppressed) return <>{m.open.suppressed}</>
  const [low, high] = figure.interval ?? [null, null]
  return (
    <>
      <strong>{flagValue(metric, figure.value, l)}</strong>
      {low !== null && high !== null && ` (${m.interval}: ${flagValue(metric, low, l)} – ${flagValue(metric, high, l)})`}
      {figure.n !== null && `, ${nText(m, l, figure.n, m.people)}`}
      {figure.window && `, ${windowText(l, figure.window.from, figure.window.to)}`}
    </>
  )
}

function ActionItem({ action, l }: { action: OpenAction; l: Lang }) {
  const a = ACTIONS[l]
  const name = l === 'en' ? action.name_en : action.name_ru
  return (
    <li class="open-action" data-flag={action.id} data-status={action.status}>
      <h3>{name}</h3>
      <dl class="evidence">
        <dt>{a.said}</dt>
        <dd>
          {l === 'en' ? action.said.rule_en : action.said.rule_ru}
          {action.said.terms.length > 0 && (
            <>
              . {a.terms}: {action.said.terms.join(', ')}
            </>
          )}
        </dd>
        <dt>{a.done}</dt>
        <dd class="done">{action.done}</dd>
        <dt>{a.when}</dt>
        <dd>
          {day(l, action.resolved_at)}
          {action.verified_at ? `; ${a.verified(day(l, action.verified_at))}` : `; ${a.notYetVerified}`}
        </dd>
        <dt>{a.before}</dt>
        <dd>
          <FigureText metric={action.metric} figure={action.before} l={l} />
        </dd>
        <dt>{a.after}</dt>
        <dd>
          <FigureText metric={action.metric} figure={action.after} l={l} />
        </dd>
      </dl>
    </li>
  )
}

export function ActionsSection() {
  const l = lang.value
  const a = ACTIONS[l]
  const { data, error } = useApi<OpenActions>('/open/actions.json')
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{a.title}</h2>
      <p>{a.intro}</p>
      <p>
        {a.download} <a href="/v1/open/actions.csv">CSV</a>, <a href="/v1/open/actions.json">JSON</a>
      </p>
      {error ? (
        <ErrorBox message={error} />
      ) : !data ? (
        <Loading />
      ) : data.actions.length === 0 ? (
        <p class="muted">{a.none}</p>
      ) : (
        <ul class="open-actions">
          {data.actions.map((action) => (
            <ActionItem key={action.id} action={action} l={l} />
          ))}
        </ul>
      )}
    </section>
  )
}
