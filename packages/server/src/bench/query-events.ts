/**
 * Events for `otklik bench query`, made inside ClickHouse: one
 * `INSERT … SELECT` over `numbers()` per chunk, so 100M rows take minutes
 * and the Node process never holds them. The rollup views on `events` fill
 * the rollups as each chunk lands, as they do for live events.
 *
 * Every 8 consecutive numbers are one journey: a page view, its start, three
 * steps (a journey that stopped early repeats the last step it reached), its
 * end (completed, errored or abandoned), a survey shown and the answer (CSAT,
 * NPS, CES or a rated question; a quarter with a comment). A journey's
 * service, dimensions and start time come from hashes of its number, so a
 * rerun makes the same data; services are drawn by the demo portfolio's
 * volumes and differ in how satisfied their users are.
 */
import { DEMO_SERVICES } from '../demo/catalog.js'
import type { Store } from '../storage/store.js'

/** Events per journey, in the order above. */
export const EVENTS_PER_JOURNEY = 8
/** Rows per INSERT: the views aggregate each insert block, so memory stays bounded by this. */
export const CHUNK_ROWS = 2_000_000
export const BENCH_SITE = 'bench'
export const BENCH_DAYS = 180

const DAY_MS = 86_400_000
const SEED = 11
const QUESTIONS = ['time', 'queue', 'politeness', 'comfort', 'information']
const PHRASES = [
  'всё понятно спасибо',
  'долго ждал ответа',
  'форма сбрасывается на шаге оплаты',
  'не нашёл где скачать результат',
  'удобно без очереди',
  'мелкий текст на телефоне',
  'ошибка при загрузке документов',
  'быстро и удобно',
  'непонятно какие документы нужны',
  'сотрудник всё объяснил',
]

const list = (values: readonly string[]) => `[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`

/** `pick(array, weights)` as SQL: the element whose cumulative weight first exceeds a uniform draw `u` in [0, 1). */
function weighted(values: readonly string[], weights: readonly number[], u: string): string {
  const total = weights.reduce((a, b) => a + b, 0)
  let sum = 0
  const cumulative = weights.map((w) => (sum += w) / total)
  cumulative[cumulative.length - 1] = 1.0001
  return `${list(values)}[arrayFirstIndex(c -> c > ${u}, [${cumulative.map((c) => c.toFixed(6)).join(', ')}])]`
}

/** A uniform draw in [0, 1) from the journey number and a salt. */
const draw = (salt: number) => `(cityHash64(j, ${SEED}, ${salt}) % 1000000) / 1000000`

/** The SELECT of one chunk: rows [{offset}, {offset} + {rows}) of the plan, ending at `{now}` (ms). */
export function chunkSelect(): string {
  const services = DEMO_SERVICES.filter((s) => s.volume >= 1)
  const steps = `[${services.map((s) => list(s.steps)).join(', ')}]`
  const situations = `[${services.map((s) => list(s.life_situations)).join(', ')}]`
  // Per service, how far its answers lean to the good end (a higher power: more good scores).
  const leaning = `[${services.map((_, i) => (1.2 + (i % 7) * 0.45).toFixed(2)).join(', ')}]`
  return `
SELECT
  generateUUIDv4(n) AS id,
  fromUnixTimestamp64Milli(toInt64(start_ms + p * 45000 + (cityHash64(n) % 30000)), 'UTC') AS ts,
  ts AS received_at,
  '${BENCH_SITE}' AS site_id,
  multiIf(p = 0, 'page_view', p = 1, 'journey_start', p <= 4, 'journey_step',
    p = 5, multiIf(outcome < 0.72, 'journey_complete', outcome < 0.80, 'journey_error', 'journey_abandon'),
    p = 6, 'survey_shown', 'survey_response') AS type,
  reinterpretAsUUID(concat(reinterpretAsString(cityHash64(j, 1)), reinterpretAsString(cityHash64(j, 2)))) AS session,
  if(p = 0, toUUID('00000000-0000-0000-0000-000000000000'), reinterpretAsUUID(concat(reinterpretAsString(cityHash64(j, 3)), reinterpretAsString(cityHash64(j, 4))))) AS journey,
  service,
  if(empty(situations), '', situations[1 + cityHash64(j, 5) % length(situations)]) AS life_situation,
  if(p BETWEEN 2 AND 4, steps[toUInt32(least(p - 1, reach))], '') AS step,
  ${weighted(['web', 'mobile', 'mfc', 'phone', 'kiosk'], [60, 22, 10, 5, 3], draw(6))} AS channel,
  ${weighted(['citizen', 'business', 'internal'], [85, 12, 3], draw(7))} AS segment,
  ${weighted(['ru', 'en', 'tt', 'ba'], [90, 5, 3, 2], draw(8))} AS locale,
  ${weighted(['desktop', 'mobile', 'tablet'], [52, 42, 6], draw(9))} AS device,
  ${weighted(['Chrome', 'Yandex Browser', 'Safari', 'Firefox', 'Edge'], [45, 25, 18, 7, 5], draw(10))} AS browser,
  if(device = 'desktop', 'Windows', 'Android') AS os,
  concat('/services/', service) AS path,
  if(type = 'journey_error', ${list(['gateway_timeout', 'esia_unavailable', 'upload_failed'])}[1 + cityHash64(j, 11) % 3], '') AS error_code,
  if(p >= 6, metric_of, '') AS metric,
  if(p >= 6 AND metric_of = 'rating', ${list(QUESTIONS)}[1 + cityHash64(j, 12) % ${QUESTIONS.length}], '') AS question,
  if(p = 7, toInt8(multiIf(
    metric_of = 'nps', 10 - floor(x * 11),
    metric_of = 'ces', 1 + floor(x * 7),
    5 - floor(x * 5))), NULL) AS score,
  if(p = 7 AND cityHash64(j, 13) % 4 = 0,
    concat(${list(PHRASES)}[1 + cityHash64(j, 14) % ${PHRASES.length}], ' ', ${list(PHRASES)}[1 + cityHash64(j, 15) % ${PHRASES.length}]), '') AS comment,
  'bench' AS sdk
FROM (
  SELECT number AS n, intDiv(n, ${EVENTS_PER_JOURNEY}) AS j, toUInt8(n % ${EVENTS_PER_JOURNEY}) AS p,
    arrayFirstIndex(c -> c > ${draw(0)}, [${cumulativeVolumes(services.map((s) => s.volume))}]) AS si,
    ${list(services.map((s) => s.id))}[si] AS service,
    ${steps}[si] AS steps,
    ${situations}[si] AS situations,
    1 + cityHash64(j, 16) % length(steps) AS reach_drawn,
    ${draw(17)} AS outcome,
    if(outcome < 0.72, length(steps), reach_drawn) AS reach,
    {now:Int64} - toInt64(cityHash64(j, 18) % ${BENCH_DAYS * DAY_MS}) - 600000 AS start_ms,
    ${weighted(['csat', 'nps', 'ces', 'rating'], [50, 20, 15, 15], draw(19))} AS metric_of,
    pow(${draw(20)}, ${leaning}[si]) AS x
  FROM numbers({offset:UInt64}, {rows:UInt64})
)`
}

function cumulativeVolumes(volumes: readonly number[]): string {
  const total = volumes.reduce((a, b) => a + b, 0)
  let sum = 0
  const cumulative = volumes.map((v) => (sum += v) / total)
  cumulative[cumulative.length - 1] = 1.0001
  return cumulative.map((c) => c.toFixed(6)).join(', ')
}

export interface GenerateProgress {
  rows: number
  seconds: number
}

/**
 * Adds rows [from, to) of the plan to `events` (the views fill the rollups),
 * chunk by chunk; `onChunk` hears the progress after each.
 */
export async function generateEvents(store: Store, range: { from: number; to: number; now: number }, onChunk: (p: GenerateProgress) => void = () => {}): Promise<void> {
  const started = performance.now()
  const sql = `INSERT INTO ${store.table('events')} (id, ts, received_at, site_id, type, session, journey, service, life_situation, step, channel, segment, locale, device, browser, os, path, error_code, metric, question, score, comment, sdk)
${chunkSelect()}`
  for (let offset = range.from; offset < range.to; offset += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, range.to - offset)
    await store.command(sql, { offset, rows, now: range.now })
    onChunk({ rows: offset + rows - range.from, seconds: (performance.now() - started) / 1000 })
  }
}
