import { describe, expect, it } from 'vitest'
import { DEFAULT_TARGETS } from '../../registry/targets.js'
import { emptySurvey } from '../figures.js'
import { evaluate, medianInterval, type ServiceEvidence } from './evaluate.js'

function service(id: string, over: Partial<ServiceEvidence> = {}): ServiceEvidence {
  return {
    service: id,
    targets: { ...DEFAULT_TARGETS },
    window: emptySurvey(),
    baseline: emptySurvey(),
    journeys: { started: 0, completed: 0, errored: 0 },
    steps: [],
    durations: { window: [], baseline: [] },
    groups: [],
    ...over,
  }
}

const withCsat = (satisfied: number, n: number) => ({ ...emptySurvey(), csat: { satisfied, n } })

describe('evaluate', () => {
  it('low_csat: value, Wilson interval, target, severity and impact', () => {
    const { flags, ranking } = evaluate([service('s', { window: withCsat(60, 100) })])
    expect(flags).toHaveLength(1)
    const f = flags[0]!
    expect(f).toMatchObject({ service: 's', rule: 'low_csat', metric: 'csat', value: 0.6, target: 0.8, n: 100, severity: 'high', affected: 100, impact: 20 })
    // Wilson 60/100: (0.6 + z²/200 ± z·√(0.0024 + z²/40000)) / (1 + z²/100)
    expect(f.interval[0]).toBeCloseTo(0.502, 3)
    expect(f.interval[1]).toBeCloseTo(0.6906, 3)
    expect(ranking).toEqual([{ service: 's', impact: 20, rules: ['low_csat'] }])
  })

  it('does not flag a share whose interval still reaches the target', () => {
    // 70/100: Wilson high 0.78 < 0.8 → flagged; 23/30 = 0.767: high 0.88 → not.
    expect(evaluate([service('a', { window: withCsat(70, 100) })]).flags.map((f) => f.rule)).toEqual(['low_csat'])
    expect(evaluate([service('b', { window: withCsat(23, 30) })]).flags).toEqual([])
  })

  it('lists a service with too few answers as insufficient and never flags it, even with enough journeys', () => {
    const r = evaluate([
      service('tiny', { window: withCsat(0, 5) }),
      service('tiny-with-journeys', { window: withCsat(0, 5), journeys: { started: 100, completed: 90, errored: 0 } }),
      service('nothing'),
      service('journeys-only', { journeys: { started: 100, completed: 90, errored: 0 } }),
    ])
    expect(r.insufficient).toEqual([
      { service: 'tiny', n: 5, journeys: 0 },
      { service: 'tiny-with-journeys', n: 5, journeys: 100 },
      { service: 'nothing', n: 0, journeys: 0 },
    ])
    expect(r.flags).toEqual([])
  })

  it('step_dropoff names the step whose drop-off stands out against the other steps', () => {
    const steps = [
      { step: 'a', reached: 200, left: 10 },
      { step: 'b', reached: 190, left: 80 },
      { step: 'c', reached: 110, left: 5 },
    ]
    const { flags } = evaluate([service('s', { steps, journeys: { started: 200, completed: 105, errored: 0 } })])
    const step = flags.find((f) => f.rule === 'step_dropoff')
    expect(step).toMatchObject({ step: 'b', value: 80 / 190, baseline: 15 / 310, n: 190, baseline_n: 310, affected: 190 })
    expect(flags.filter((f) => f.rule === 'step_dropoff')).toHaveLength(1)
  })

  it('group_gap compares a group with the rest of the same service', () => {
    const window = withCsat(200, 250)
    const groups: ServiceEvidence['groups'] = [
      { dimension: 'device', group: 'mobile', survey: withCsat(20, 50), journeys: { started: 0, completed: 0, errored: 0 } },
      { dimension: 'device', group: 'desktop', survey: withCsat(180, 200), journeys: { started: 0, completed: 0, errored: 0 } },
    ]
    const { flags } = evaluate([service('s', { window, groups, targets: { ...DEFAULT_TARGETS, csat: 0.5 } })])
    expect(flags).toEqual([expect.objectContaining({ rule: 'group_gap', dimension: 'device', group: 'mobile', metric: 'csat', value: 0.4, baseline: 0.9, n: 50, baseline_n: 200 })])
  })

  it('csat_decline and nps_decline against the baseline; no decline without enough baseline answers', () => {
    const window = { ...emptySurvey(), csat: { satisfied: 170, n: 200 }, nps: { promoters: 80, passives: 60, detractors: 60 } }
    const baseline = { ...emptySurvey(), csat: { satisfied: 194, n: 200 }, nps: { promoters: 150, passives: 40, detractors: 10 } }
    const rules = evaluate([service('s', { window, baseline, targets: { ...DEFAULT_TARGETS, nps: -100 } })]).flags.map((f) => [f.rule, f.baseline])
    expect(rules).toEqual(expect.arrayContaining([['csat_decline', 0.97], ['nps_decline', 70]]))
    expect(evaluate([service('s', { window, baseline: withCsat(29, 29) })]).flags.map((f) => f.rule)).not.toContain('csat_decline')
  })

  it('slower_completion with the medians of both windows', () => {
    const base = Array.from({ length: 40 }, (_, i) => 100 + i)
    const slow = base.map((x) => 2 * x)
    const { flags } = evaluate([service('s', { durations: { window: slow, baseline: base } })])
    expect(flags).toEqual([expect.objectContaining({ rule: 'slower_completion', value: 239, baseline: 119.5, n: 40, baseline_n: 40 })])
  })

  it('keeps false alarms down: a lone weak signal among many services is not flagged', () => {
    // 25 services at their CSAT target and one slightly below (p ≈ 0.02 alone).
    const many = Array.from({ length: 25 }, (_, i) => service(`ok${i}`, { window: withCsat(80, 100) }))
    const weak = service('weak', { window: withCsat(226, 300), targets: { ...DEFAULT_TARGETS, csat: 0.8 } })
    expect(evaluate([...many, weak]).flags).toEqual([])
  })

  it('high_ces and high_error_rate point the right way', () => {
    const ces = { n: 100, sum: 450, sumSq: 100 * 4.5 * 4.5 + 99 } // mean 4.5, s² = 1
    const r = evaluate([service('s', { window: { ...emptySurvey(), ces }, journeys: { started: 200, completed: 180, errored: 40 } })])
    expect(r.flags.map((f) => [f.rule, f.target])).toEqual(expect.arrayContaining([['high_ces', 3], ['high_error_rate', 0.05]]))
    expect(r.flags.map((f) => f.rule)).not.toContain('low_completion')
  })
})

describe('medianInterval', () => {
  it('takes the order statistics around the median', () => {
    // n = 100: ⌊(100 − 19.6)/2⌋ = 40, ⌈1 + 119.6/2⌉ = 61
    expect(medianInterval(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual([40, 61])
    expect(medianInterval([])).toEqual([null, null])
    expect(medianInterval([7])).toEqual([7, 7])
  })
})
