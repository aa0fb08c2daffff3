/**
 * A small, predictable tokenizer for comments in Russian and English, for
 * "top terms": lower case (ё → е), words of letters and digits (a hyphen may
 * join parts: «онлайн-запись»), a negation joined to the next word («не
 * работает», "not working"), stop words and words shorter than 3 letters
 * dropped, numbers dropped, PII placeholders ([phone], …) dropped. No
 * stemming: «очередь» and «очереди» are two terms.
 */
import { PII_KINDS } from '@otklik/contract/scrub-pii'
import { STOP_WORDS } from './stop-words.js'

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu
const PLACEHOLDER = new RegExp(`\\[(?:${PII_KINDS.join('|')})\\]`, 'g')
const NEGATIONS = new Set(['не', 'нет', 'not', 'no'])
const MIN_LETTERS = 3
const NUMBER = /^[\p{N}-]+$/u

/** The terms of one text, in order, repeats kept. */
export function tokenize(text: string): string[] {
  const words = text.replace(PLACEHOLDER, ' ').toLocaleLowerCase('ru').replaceAll('ё', 'е').match(WORD) ?? []
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (NEGATIONS.has(w)) {
      const next = words[i + 1]
      if (next !== undefined && keep(next)) {
        out.push(`${w} ${next}`)
        i++
      }
      continue
    }
    if (keep(w)) out.push(w)
  }
  return out
}

const keep = (w: string) => [...w].length >= MIN_LETTERS && !NUMBER.test(w) && !STOP_WORDS.has(w)

export interface TermCount {
  term: string
  /** Comments that contain the term (each comment counts once). */
  count: number
}

/** The `limit` terms found in the most comments; ties by term. */
export function topTerms(texts: Iterable<string>, limit: number): TermCount[] {
  const counts = new Map<string, number>()
  for (const text of texts) for (const term of new Set(tokenize(text))) counts.set(term, (counts.get(term) ?? 0) + 1)
  return [...counts.entries()]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit)
}
