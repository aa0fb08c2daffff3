/**
 * Validation messages in the product's words. zod's own ("Too big: expected
 * string to have <=200 characters") read like a validator's; this error
 * map, set once for the process, words every issue whose schema did not
 * word it itself. Type and unknown-field issues are worded by `issueReason`
 * from zod's text (which names what was received), so they keep it here.
 */
import { z } from 'zod'

const plural = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 || n === 1n ? one : many}`

const FORMATS: Record<string, string> = {
  uuid: 'a UUID',
  guid: 'a UUID',
  url: 'a URL',
  email: 'an e-mail address',
  datetime: 'a date and time like 2025-01-31T12:00:00Z',
  date: 'a date like 2025-01-31',
}

export function productWords(issue: z.core.$ZodRawIssue): string | undefined {
  // An enum or a union with nothing there: the field is missing.
  if ((issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.input === undefined) return 'is required'
  switch (issue.code) {
    case 'too_small': {
      const { minimum, origin, inclusive } = issue
      if (origin === 'string') return minimum === 1 ? 'must not be empty' : `must be at least ${plural(minimum, 'character', 'characters')} long`
      if (origin === 'array' || origin === 'set') return `must have at least ${plural(minimum, 'item', 'items')}`
      return inclusive === false ? `must be more than ${minimum}` : `must be at least ${minimum}`
    }
    case 'too_big': {
      const { maximum, origin, inclusive } = issue
      if (origin === 'string') return `must be at most ${plural(maximum, 'character', 'characters')} long`
      if (origin === 'array' || origin === 'set') return `must have at most ${plural(maximum, 'item', 'items')}`
      return inclusive === false ? `must be less than ${maximum}` : `must be at most ${maximum}`
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((v) => String(v)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the accepted form' : `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`
    case 'invalid_union':
      return 'is none of the accepted forms'
    case 'invalid_key':
      return 'has a key that is not accepted'
    case 'invalid_element':
      return 'has an item that is not accepted'
    default:
      return undefined
  }
}

z.config({ customError: productWords })
