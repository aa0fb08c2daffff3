/**
 * How many answers of the period were left out of the figures as likely
 * forged, by reason: a reader sees that the figures are guarded and by how
 * much, and that nothing was thrown away.
 */
import { EXCLUSION_REASONS } from '@otklik/contract/rules'
import type { ExcludedCounts } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { count } from '../i18n/format.js'
import { plural } from '../i18n/plural.js'
import { lang, t } from '../state/lang.js'
import { ErrorBox, Loading } from './status.js'

export function ExcludedNote({ params }: { params: URLSearchParams }) {
  const m = t.value
  const l = lang.value
  const res = useApi<ExcludedCounts>('/metrics/excluded', params)
  if (res.error) return <ErrorBox message={res.error} />
  if (!res.data) return <Loading />
  const { total, services } = res.data
  if (total === 0) return <p class="muted excluded">{m.excluded.none}</p>
  const byReason = EXCLUSION_REASONS.map((r) => [r, services.reduce((n, s) => n + s.reasons[r], 0)] as const).filter(([, n]) => n > 0)
  return (
    <div class="excluded">
      <p>{m.excluded.summary(count(l, total), plural(l, total, m.answers))}</p>
      <ul>
        {byReason.map(([r, n]) => (
          <li key={r} data-reason={r}>
            {m.excluded.reasons[r]}: {count(l, n)}
          </li>
        ))}
      </ul>
      <p class="small muted">{m.excluded.why}</p>
    </div>
  )
}
