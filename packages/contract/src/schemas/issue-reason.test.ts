import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issueReason } from './issue-reason.js'

const schema = z.object({ score: z.number().int(), step: z.string().optional() }).strict()
const reason = (input: unknown) => issueReason(schema.safeParse(input).error?.issues[0])

describe('issue reasons', () => {
  it.each([
    [{}, 'score: is required'],
    [{ score: '5' }, 'score: must be a number, not string'],
    [{ score: 4.5 }, 'score: must be a whole number, not a fraction'],
    [{ score: 1, step: null }, 'step: must be a string, not null'],
    [{ score: 1, email: 'a@b.ru' }, 'unknown field "email"'],
  ])('%o → %s', (input, expected) => {
    expect(reason(input)).toBe(expected)
  })
})
