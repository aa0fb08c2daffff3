/**
 * One plain reason from a zod issue, for clients and CLI users: "score:
 * must be a whole number", "ts: is required", "unknown field "email"".
 */
import type { z } from 'zod'

const EXPECTED: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', object: 'an object', array: 'an array' }

export function issueReason(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid'
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  if (issue.code === 'invalid_type') {
    // zod 4 keeps the input out of issues; its message names what it got.
    const received = /received (\w+)$/.exec(issue.message)?.[1]
    if (received === 'undefined') return `${where}is required`
    const expected = EXPECTED[issue.expected] ?? issue.expected
    return `${where}must be ${expected}${received && received !== issue.expected ? `, not ${received === 'number' && issue.expected === 'int' ? 'a fraction' : received}` : ''}`
  }
  return `${where}${issue.message}`
}
