import { expect, it } from 'vitest'
import { withoutNulls } from './absent-nulls.js'

it('leaves out null properties at any depth, keeps array items and other falsy values', () => {
  expect(withoutNulls({ site: 'demo', sent_at: null, events: [{ type: 'page_view', step: null, score: 0, comment: '' }, null] })).toEqual({
    site: 'demo',
    events: [{ type: 'page_view', score: 0, comment: '' }, null],
  })
  expect(withoutNulls(null)).toBeNull()
  expect(withoutNulls('x')).toBe('x')
})
