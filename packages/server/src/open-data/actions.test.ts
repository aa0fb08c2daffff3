import { expect, it } from 'vitest'
import { publishFigure } from './actions.js'

const window = { from: '2025-01-01T00:00:00.000Z', to: '2025-01-29T00:00:00.000Z' }

it('publishes a figure only when its count reaches k and no group it reveals is between 1 and k-1', () => {
  expect(publishFigure({ value: 0.5, interval: [0.4, 0.6], n: 100, parts: [50, 50], window }, 10)).toEqual({ value: 0.5, interval: [0.4, 0.6], n: 100, window })
  expect(publishFigure({ value: 0.5, interval: [0.4, 0.6], n: 9, parts: [4, 5], window }, 10)).toEqual({ value: null, interval: null, n: null, window, suppressed: 'below_k' })
  // 97 of 100 satisfied reveals the 3 who were not.
  expect(publishFigure({ value: 0.97, interval: [0.9, 0.99], n: 100, parts: [97, 3], window }, 10)).toEqual({ value: null, interval: null, n: 100, window, suppressed: 'small_group' })
  // All satisfied reveals no small group (the other group is empty).
  expect(publishFigure({ value: 1, interval: [0.9, 1], n: 40, parts: [40, 0], window }, 10)?.value).toBe(1)
  // NPS: promoters, passives, detractors.
  expect(publishFigure({ value: 20, interval: [5, 35], n: 60, parts: [30, 25, 5], window }, 10)?.suppressed).toBe('small_group')
  expect(publishFigure(null, 10)).toBeNull()
})
