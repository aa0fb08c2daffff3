import { describe, expect, it } from 'vitest'
import { benchQuery, formatSize, parseSizes } from './query.js'
import { dashboardCalls } from './query-calls.js'

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0)

describe('bench query', () => {
  it('stores the events it says, by type, with the rollups filled, and prints a line per dashboard call and size', async () => {
    const lines: string[] = []
    const results = await benchQuery({ sizes: [4000, 800], repeats: 1, now: NOW, print: (l) => lines.push(l) })
    const text = lines.join('\n')

    // Sizes run in increasing order on one growing data set: 800 journeys-worth, then 4000.
    expect(results.map((r) => r.events)).toEqual([800, 4000])
    const last = results[1]!.types
    expect(Object.values(last).reduce((a, b) => a + b, 0)).toBe(4000)
    // Eight events per journey: one page view, start, answer and survey shown each, three steps, one end.
    expect(last).toMatchObject({ page_view: 500, journey_start: 500, journey_step: 1500, survey_shown: 500, survey_response: 500 })
    expect((last.journey_complete ?? 0) + (last.journey_error ?? 0) + (last.journey_abandon ?? 0)).toBe(500)
    expect(last.journey_complete).toBeGreaterThan(last.journey_error ?? 0)
    expect(text).toContain('rollups (filled by the views): 800 events, 100 answers, 100 journeys')
    expect(text).toContain('rollups (filled by the views): 4000 events, 500 answers, 500 journeys')

    for (const call of dashboardCalls('child-allowance', NOW)) {
      expect(lines.filter((l) => l.startsWith(call.name))).toHaveLength(3) // two sizes and the growth table
    }
    expect(text).toContain('query at 800 events')
    expect(text).toContain('query at 4k events')
    expect(text).toContain('growth from 800 to 4k events')
  }, 120_000)

  it('reads sizes like 1M, 250k or a list, and refuses anything else', () => {
    expect(parseSizes('1M,10M,100M')).toEqual([1e6, 1e7, 1e8])
    expect(parseSizes('250k')).toEqual([250_000])
    expect(parseSizes('5000')).toEqual([5000])
    expect(parseSizes('1M,ten')).toBeUndefined()
    expect(parseSizes('0')).toBeUndefined()
    expect(formatSize(1e8)).toBe('100M')
    expect(formatSize(2500)).toBe('2.5k')
  })
})
