/**
 * The language of explanations and names: `lang` when given, else the first
 * of ru or en in `Accept-Language` by q-value; Russian by default.
 */
import { LANGUAGES } from '@otklik/contract/rules'
import { preferred } from '../http/negotiate.js'

export { LANGUAGES }
export type Language = (typeof LANGUAGES)[number]
const DEFAULT_LANGUAGE: Language = 'ru'

export function pickLanguage(acceptLanguage: string | undefined, explicit?: Language): Language {
  if (explicit) return explicit
  const lang = preferred(acceptLanguage, (tag) => LANGUAGES.find((l) => l === tag.split('-')[0]))
  return lang ?? DEFAULT_LANGUAGE
}
