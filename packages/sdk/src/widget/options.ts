/** The survey's question and criteria, checked here so that the core stays small. */
import type { SurveyMetric } from '../types.js'

export const metric = (v: unknown): SurveyMetric => (['nps', 'ces'] as const).find((m) => m === v) ?? 'csat'

/**
 * Criteria as identifiers (letters, digits, `._:-/`, at most 128
 * characters), each once, at most three; a string is comma-separated.
 */
export const criteria = (v: unknown): string[] =>
  [
    ...new Set(
      String(v ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => /^[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,127}$/u.test(c)),
    ),
  ].slice(0, 3)
