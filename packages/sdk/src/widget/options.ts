/** The survey's question and criteria, checked here so that the core stays small. */
import type { SurveyMetric } from '../types.js'

export const metric = (v: unknown): SurveyMetric => (['nps', 'ces'] as const).find((m) => m === v) ?? 'csat'

/** Criteria as identifiers (letters, digits, `._:-/`), at most three; a string is comma-separated. */
export const criteria = (v: unknown): string[] =>
  String(v ?? '')
    .split(',')
    .map((c) => c.trim().slice(0, 128))
    .filter((c) => /^[\p{L}\p{N}][\p{L}\p{N}._:/-]*$/u.test(c))
    .slice(0, 3)
