/**
 * One question as a native radio group in a fieldset with its legend:
 * screen readers announce the question, arrows move between answers, and
 * every answer has a visible text label (numbers are explained by a hint
 * tied to the group), never colour or emoji alone.
 */
import type { Metric } from '@otklik/contract'
import { METRIC_RANGES } from '@otklik/contract/rules'
import { h } from './dom.js'
import type { Strings } from './locales/types.js'

export interface Scale {
  el: HTMLFieldSetElement
  /** The first radio, where focus goes. */
  first: HTMLInputElement
}

let seq = 0

export function scale(metric: Metric, legend: string, t: Strings, pick: (score: number) => void, submit: () => void): Scale {
  const [lo, hi] = METRIC_RANGES[metric]
  // CSAT and CES carry a text label per answer; NPS and criteria are numbered, with a hint.
  const texts = metric === 'csat' ? t.csat : metric === 'ces' ? t.ces : undefined
  const hint = metric === 'nps' ? `${t.nps[1]}, ${t.nps[2]}` : metric === 'rating' ? t.rating : undefined
  const id = `s${++seq}`
  const radios: HTMLInputElement[] = []
  for (let v = lo; v <= hi; v++) {
    radios.push(
      h('input', {
        type: 'radio',
        name: id,
        value: v,
        onchange: () => pick(v),
        // Enter submits, as in a text field; the answer is what is checked (never just the focused radio).
        onkeydown: (e) => {
          if ((e as KeyboardEvent).key !== 'Enter') return
          e.preventDefault()
          submit()
        },
      }),
    )
  }
  const el = h(
    'fieldset',
    { class: texts ? 'l' : 'g', 'aria-describedby': hint ? `${id}h` : undefined },
    h('legend', {}, legend),
    hint && h('p', { class: 'hint', id: `${id}h` }, hint),
    h('div', { class: 'opts' }, ...radios.map((r, i) => h('label', { class: 'o' }, r, h('span', {}, texts ? texts[i + 1]! : String(lo + i))))),
  )
  return { el, first: radios[0]! }
}
