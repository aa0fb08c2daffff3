/**
 * The language of explanations and names: `lang` when given, else the first
 * of ru or en in `Accept-Language` by q-value; Russian by default.
 */
import { LANGUAGES } from '@otklik/contract/rules'

export { LANGUAGES }
export type Language = (typeof LANGUAGES)[number]
const DEFAULT_LANGUAGE: Language = 'ru'

export function pickLanguage(acceptLanguage: string | undefined, explicit?: Language): Language {
  if (explicit) return explicit
  if (!acceptLanguage) return DEFAULT_LANGUAGE
  let best: { lang: Language; q: number } | undefined
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';')
    const primary = tag.trim().split('-')[0]
    const lang = LANGUAGES.find((l) => l === primary)
    if (!lang) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!(q > 0)) continue
    if (!best || q > best.q) best = { lang, q }
  }
  return best?.lang ?? DEFAULT_LANGUAGE
}
