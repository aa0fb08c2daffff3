/** Each flag rule in plain words, without figures, for the public "you said, we did". */
import type { Language } from '../analytics/language.js'

const WORDS: Record<string, Record<Language, string>> = {
  low_csat: { ru: 'Слишком мало довольных услугой: доля довольных ниже цели', en: 'Too few people were satisfied with the service: satisfaction below its target' },
  low_nps: { ru: 'Услугу редко готовы рекомендовать: NPS ниже цели', en: 'Few people would recommend the service: NPS below its target' },
  high_ces: { ru: 'Получить услугу слишком трудно: оценка усилий выше цели', en: 'The service took too much effort: effort score above its target' },
  csat_decline: { ru: 'Довольных услугой стало меньше, чем в предыдущем периоде', en: 'Fewer people were satisfied than in the period before' },
  nps_decline: { ru: 'Готовность рекомендовать услугу упала по сравнению с предыдущим периодом', en: 'Fewer people would recommend the service than in the period before' },
  low_completion: { ru: 'Слишком многие не доходят до результата услуги', en: 'Too many people did not get to the end of the service' },
  step_dropoff: { ru: 'На одном шаге люди уходят заметно чаще, чем на остальных', en: 'People gave up at one step far more often than at the others' },
  high_error_rate: { ru: 'Слишком часто при получении услуги возникали ошибки', en: 'Too many people hit an error in the service' },
  slower_completion: { ru: 'Получение услуги стало занимать больше времени', en: 'The service took longer to complete than before' },
  group_gap: { ru: 'Одной группе людей услуга даётся хуже, чем остальным', en: 'One group of people fared worse with the service than everyone else' },
}

const DIMENSIONS: Record<string, Record<Language, string>> = {
  segment: { ru: 'сегмент', en: 'segment' },
  channel: { ru: 'канал', en: 'channel' },
  device: { ru: 'устройство', en: 'device' },
  locale: { ru: 'язык', en: 'language' },
}

export function ruleWords(f: { rule: string; step?: string | undefined; dimension?: string | undefined; group?: string | undefined }, lang: Language): string {
  const base = WORDS[f.rule]?.[lang] ?? f.rule
  if (f.step) return lang === 'ru' ? `${base} (шаг «${f.step}»)` : `${base} (step "${f.step}")`
  if (f.dimension) return `${base} (${DIMENSIONS[f.dimension]?.[lang] ?? f.dimension}: ${f.group ?? ''})`
  return base
}
