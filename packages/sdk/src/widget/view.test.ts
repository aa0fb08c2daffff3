import { describe, expect, it, vi } from 'vitest'
import en from './locales/en.js'
import ru from './locales/ru.js'
import { strings } from './i18n.js'
import type { SurveyRequest } from './request.js'
import { view } from './view.js'

const request = (metric: SurveyRequest['metric'], criteria: string[] = []) => {
  const emit = vi.fn()
  return { r: { metric, criteria, emit } as SurveyRequest, emit }
}
const radios = (el: HTMLElement, name?: string) =>
  [...el.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => !name || r.closest('fieldset')?.querySelector('legend')?.textContent === name)
const submit = (el: HTMLElement) => el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))

describe('the survey view', () => {
  it('asks CSAT as a labelled radio group in a fieldset, one text label per answer', () => {
    const { r } = request('csat')
    const v = view(r, ru)
    document.body.append(v.el)
    expect(v.el.querySelector('fieldset legend')?.textContent).toBe(ru.csat[0])
    expect(radios(v.el).map((x) => x.closest('label')?.textContent)).toEqual(ru.csat.slice(1))
    v.el.remove()
  })

  it('requires an answer, then sends it once with the comment scrubbed of personal data', () => {
    const { r, emit } = request('nps', ['time', 'unknown-criterion'])
    const v = view(r, en)
    document.body.append(v.el)
    submit(v.el)
    expect(v.el.querySelector('.err')?.textContent).toBe(en.required)
    expect(v.state()).toBe('question')
    radios(v.el)[9]!.click()
    expect(v.el.querySelector('.err')?.textContent).toBe('') // chosen: the message goes
    submit(v.el)
    expect(v.state()).toBe('details')
    expect(radios(v.el).length).toBe(10) // two criteria of five
    expect(v.el.querySelectorAll('legend')[1]?.textContent).toBe('unknown criterion')
    radios(v.el)[3]!.click() // time: 4
    v.el.querySelector('textarea')!.value = '  Call me on +7 912 345-67-89 or ivan@example.ru \u0007 '
    submit(v.el)
    expect(v.state()).toBe('thanks')
    expect(emit.mock.calls).toEqual([
      ['survey_response', { metric: 'nps', score: 9, comment: 'Call me on [phone] or [email]' }],
      ['survey_response', { metric: 'rating', question: 'time', score: 4 }],
    ])
    expect(v.finish()).toBe(false) // never twice
    v.el.remove()
  })

  it('orders CES as the server reads it: 1 is very easy, 7 very difficult', () => {
    const { r } = request('ces')
    for (const t of [en, ru]) {
      const labels = radios(view(r, t).el).map((x) => [x.value, x.closest('label')?.textContent])
      expect(labels[0]).toEqual(['1', t.ces[1]])
      expect(labels[6]).toEqual(['7', t.ces[7]])
    }
    expect([en.ces[1], en.ces[7]]).toEqual(['Very easy', 'Very difficult'])
  })

  it('labels criteria by their own names only, and keeps a scrubbed comment within the limit', () => {
    const { r, emit } = request('csat', ['constructor'])
    const v = view(r, en)
    document.body.append(v.el)
    radios(v.el)[4]!.click()
    submit(v.el)
    expect(v.el.querySelector('legend')?.textContent).toBe('constructor')
    // Each e-mail address grows by one character when scrubbed.
    v.el.querySelector('textarea')!.value = 'a@b.ru '.repeat(285) + '𝐀'.repeat(100)
    submit(v.el)
    const comment = emit.mock.calls[0]![1].comment as string
    expect(comment.length).toBeLessThanOrEqual(2000)
    expect(comment.startsWith('[email] [email]')).toBe(true)
    expect(/[\ud800-\udbff]$/.test(comment)).toBe(false)
    v.el.remove()
  })

  it('does not count a radio moved over with the arrows as an answer unless "next" was pressed', () => {
    const { r, emit } = request('ces')
    const v = view(r, en)
    radios(v.el)[2]!.click()
    expect(v.finish()).toBe(false)
    expect(emit).not.toHaveBeenCalled()
  })
})

describe('languages', () => {
  it('picks the exact tag, then the language, then Russian', () => {
    expect(strings('en-GB').lang).toBe('en')
    expect(strings('EN').lang).toBe('en')
    expect(strings('ru-RU').lang).toBe('ru')
    expect(strings('de').lang).toBe('ru')
  })

  it('has every string in every language', () => {
    for (const t of [en, ru]) {
      expect(Object.keys(t).sort()).toEqual(Object.keys(ru).sort())
      expect(Object.keys(t.criteria).sort()).toEqual(['comfort', 'information', 'politeness', 'queue', 'time'])
      expect(t.csat).toHaveLength(6)
      expect(t.ces).toHaveLength(8)
    }
  })
})
