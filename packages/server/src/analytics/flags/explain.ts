/** One plain sentence per flag, with its numbers, in Russian or English. */
import type { Language } from '../language.js'
import type { Flag } from './evaluate.js'

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '?' : `${Math.round(x * 1000) / 10}%`)
const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '?' : String(Math.round(x * 10 ** digits) / 10 ** digits))
const range = (f: Flag, fmt: (x: number | null) => string, lang: Language) =>
  lang === 'ru' ? `95 % ДИ ${fmt(f.interval[0])}–${fmt(f.interval[1])}` : `95% CI ${fmt(f.interval[0])}–${fmt(f.interval[1])}`

function duration(ms: number | null | undefined, lang: Language): string {
  if (ms === null || ms === undefined) return '?'
  const ru = lang === 'ru'
  if (ms < 60_000) return `${num(ms / 1000)} ${ru ? 'с' : 's'}`
  if (ms < 3_600_000) return `${num(ms / 60_000)} ${ru ? 'мин' : 'min'}`
  if (ms < 86_400_000) return `${num(ms / 3_600_000)} ${ru ? 'ч' : 'h'}`
  return `${num(ms / 86_400_000)} ${ru ? 'дн.' : 'days'}`
}

const DIMENSION_NAMES: Record<Language, Record<string, string>> = {
  ru: { segment: 'сегмент', channel: 'канал', device: 'устройство', locale: 'язык' },
  en: { segment: 'segment', channel: 'channel', device: 'device', locale: 'locale' },
}

/** The sentence for a flag; `name` is the service's name in that language (or its id). */
export function explain(f: Flag, name: string, lang: Language): string {
  const ru = lang === 'ru'
  const s = `«${name}»`
  const pctR = (x: number | null) => pct(x)
  switch (f.rule) {
    case 'low_csat':
      return ru
        ? `Доля довольных (CSAT) услугой ${s} — ${pct(f.value)} (${range(f, pctR, lang)}, n = ${f.n}), ниже цели ${pct(f.target)}.`
        : `CSAT of ${s} is ${pct(f.value)} satisfied (${range(f, pctR, lang)}, n = ${f.n}), below the target of ${pct(f.target)}.`
    case 'low_nps':
      return ru
        ? `NPS услуги ${s} — ${num(f.value)} (${range(f, (x) => num(x), lang)}, n = ${f.n}), ниже цели ${num(f.target)}.`
        : `NPS of ${s} is ${num(f.value)} (${range(f, (x) => num(x), lang)}, n = ${f.n}), below the target of ${num(f.target)}.`
    case 'high_ces':
      return ru
        ? `Средняя оценка усилий (CES) по услуге ${s} — ${num(f.value, 2)} из 7 (${range(f, (x) => num(x, 2), lang)}, n = ${f.n}), выше цели ${num(f.target, 2)}.`
        : `Customer effort (CES) of ${s} averages ${num(f.value, 2)} of 7 (${range(f, (x) => num(x, 2), lang)}, n = ${f.n}), above the target of ${num(f.target, 2)}.`
    case 'csat_decline':
      return ru
        ? `Доля довольных услугой ${s} снизилась до ${pct(f.value)} (n = ${f.n}) с ${pct(f.baseline)} (n = ${f.baseline_n}) в предыдущем периоде.`
        : `CSAT of ${s} fell to ${pct(f.value)} (n = ${f.n}) from ${pct(f.baseline)} (n = ${f.baseline_n}) in the previous period.`
    case 'nps_decline':
      return ru
        ? `NPS услуги ${s} снизился до ${num(f.value)} (n = ${f.n}) с ${num(f.baseline)} (n = ${f.baseline_n}) в предыдущем периоде.`
        : `NPS of ${s} fell to ${num(f.value)} (n = ${f.n}) from ${num(f.baseline)} (n = ${f.baseline_n}) in the previous period.`
    case 'low_completion':
      return ru
        ? `Завершено лишь ${pct(f.value)} из ${f.n} начатых обращений за услугой ${s} (${range(f, pctR, lang)}), ниже цели ${pct(f.target)}.`
        : `Only ${pct(f.value)} of ${f.n} journeys started in ${s} were completed (${range(f, pctR, lang)}), below the target of ${pct(f.target)}.`
    case 'high_error_rate':
      return ru
        ? `В ${pct(f.value)} из ${f.n} обращений за услугой ${s} произошла ошибка (${range(f, pctR, lang)}), выше допустимых ${pct(f.target)}.`
        : `${pct(f.value)} of ${f.n} journeys in ${s} hit an error (${range(f, pctR, lang)}), above the ceiling of ${pct(f.target)}.`
    case 'step_dropoff':
      return ru
        ? `На шаге «${f.step}» услуги ${s} уходят ${pct(f.value)} из ${f.n} дошедших до него, против ${pct(f.baseline)} на остальных шагах.`
        : `${pct(f.value)} of the ${f.n} journeys in ${s} that reached step "${f.step}" left there, against ${pct(f.baseline)} at its other steps.`
    case 'slower_completion':
      return ru
        ? `Медианное время прохождения услуги ${s} выросло до ${duration(f.value, lang)} (n = ${f.n}) с ${duration(f.baseline, lang)} (n = ${f.baseline_n}) в предыдущем периоде.`
        : `Median time to complete ${s} grew to ${duration(f.value, lang)} (n = ${f.n}) from ${duration(f.baseline, lang)} (n = ${f.baseline_n}) in the previous period.`
    case 'group_gap': {
      const dim = DIMENSION_NAMES[lang][f.dimension ?? ''] ?? f.dimension
      const what = f.metric === 'csat' ? (ru ? 'доля довольных' : 'CSAT') : ru ? 'доля завершённых обращений' : 'completion'
      return ru
        ? `По услуге ${s} ${what} для группы «${f.group}» (${dim}) — ${pct(f.value)} (n = ${f.n}), против ${pct(f.baseline)} у остальных (n = ${f.baseline_n}).`
        : `In ${s}, ${what} for ${dim} "${f.group}" is ${pct(f.value)} (n = ${f.n}), against ${pct(f.baseline)} for everyone else (n = ${f.baseline_n}).`
    }
  }
}
