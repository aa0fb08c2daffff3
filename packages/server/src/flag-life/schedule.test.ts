import { afterEach, expect, it, vi } from 'vitest'
import { scheduleEvaluations } from './schedule.js'

afterEach(() => {
  vi.useRealTimers()
})

it('evaluates at start and then every period, and stops', async () => {
  vi.useFakeTimers()
  const triggers: string[] = []
  const schedule = scheduleEvaluations({ evaluate: async (trigger) => (triggers.push(trigger), {} as never) }, 3_600_000)
  expect(triggers).toEqual(['start'])
  await vi.advanceTimersByTimeAsync(2 * 3_600_000)
  expect(triggers).toEqual(['start', 'schedule', 'schedule'])
  await schedule.stop()
  await vi.advanceTimersByTimeAsync(3_600_000)
  expect(triggers).toHaveLength(3)
})

it('keeps to the schedule after a failed evaluation; off (0) evaluates at start only', async () => {
  vi.useFakeTimers()
  let calls = 0
  const failing = scheduleEvaluations({ evaluate: async () => (calls++, Promise.reject(new Error('storage away'))) }, 60_000)
  await vi.advanceTimersByTimeAsync(60_000)
  expect(calls).toBe(2)
  await failing.stop()
  let once = 0
  const off = scheduleEvaluations({ evaluate: async () => (once++, {} as never) }, 0)
  await vi.advanceTimersByTimeAsync(10 * 3_600_000)
  expect(once).toBe(1)
  await off.stop()
})
