/** The survey's question and criteria, checked here so that the core stays small. */
import { IDENTIFIER, LIMITS } from '@otklik/contract/rules'
import type { SurveyMetric } from '../types.js'

export const metric = (v: unknown): SurveyMetric => (['nps', 'ces'] as const).find((m) => m === v) ?? 'csat'

/** An identifier as the contract takes it: letters, digits, `._:-/`, starting with a letter or digit, at most 128 characters. */
export const isIdent = (v: string): boolean => v.length <= LIMITS.maxIdChars && IDENTIFIER.test(v)

/** Criteria as identifiers, each once, at most three; a string is comma-separated. */
export const criteria = (v: unknown): string[] =>
  [
    ...new Set(
      String(v ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(isIdent),
    ),
  ].slice(0, 3)
