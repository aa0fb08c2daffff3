/** Picks the strings for a language tag: exact (`en-gb`), then primary (`en`), then Russian. */
import locales from 'otklik:locales'
import type { Strings } from './locales/types.js'

export function strings(tag: string): Strings {
  const t = tag.toLowerCase()
  return locales[t] ?? locales[t.split('-')[0] ?? ''] ?? (locales.ru as Strings)
}
