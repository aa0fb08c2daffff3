/**
 * The survey itself, in three states: the question (with its radio group),
 * the optional details (criteria ratings and a comment) and the thanks.
 * The answer is sent once, when the details are sent or skipped, or when the
 * survey is closed or the page hidden after "next", so that a comment never
 * counts as a second answer and a given score is never lost.
 */
import { scrubPii } from '@otklik/contract/scrub-pii'
import { LIMITS } from '@otklik/contract/rules'
import type { SurveyRequest } from './request.js'
import { h } from './dom.js'
import type { Strings } from './locales/types.js'
import { scale } from './scale.js'

export type State = 'question' | 'details' | 'thanks'

export interface View {
  el: HTMLElement
  state(): State
  /** Sends the answer (once) if the person went past the question; true if it did. */
  finish(comment?: string): boolean
  /** Moves focus to where the current state starts. */
  focus(): void
}

// Control characters the contract refuses in a comment (tab and newlines stay).
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

export function view(r: SurveyRequest, t: Strings): View {
  const el = h('div')
  let state: State = 'question'
  let score: number | undefined
  let sent = false
  let target: HTMLElement | undefined
  const ratings = new Map<string, number>()

  function finish(comment?: string): boolean {
    // Arrow keys check radios as they move: a score counts only once "next" was pressed.
    if (sent || score === undefined || state === 'question') return false
    sent = true
    // Cut after scrubbing, whose placeholders may be longer than what they
    // replace, and never between the halves of a surrogate pair.
    const text = scrubPii((comment ?? '').replace(CONTROL, ''))
      .text.trim()
      .slice(0, LIMITS.maxCommentChars)
      .replace(/[\ud800-\udbff]$/, '')
    r.emit('survey_response', text ? { metric: r.metric, score, comment: text } : { metric: r.metric, score })
    ratings.forEach((s, question) => r.emit('survey_response', { metric: 'rating', question, score: s }))
    return true
  }
  const show = (next: State, content: HTMLElement, focus: HTMLElement): void => {
    state = next
    target = focus
    el.replaceChildren(content)
    focus.focus()
  }

  function question(): HTMLElement {
    const err = h('p', { class: 'err', 'aria-live': 'polite' })
    const q = r.metric === 'nps' ? t.nps[0] : r.metric === 'ces' ? t.ces[0] : t.csat[0]
    const submit = (): void => {
      if (score === undefined) {
        err.textContent = t.required
        return main.first.focus()
      }
      details()
    }
    // Choosing an answer clears the "choose an answer" message.
    const main = scale(r.metric, q, t, (v) => ((score = v), (err.textContent = '')), submit)
    target = main.first
    return h(
      'form',
      { novalidate: true, onsubmit: (e) => (e.preventDefault(), submit()) },
      main.el,
      err,
      h('div', { class: 'a' }, h('button', { type: 'submit', class: 'pri' }, t.next)),
    )
  }

  function details(): void {
    const lead = h('p', { class: 'lead', tabindex: -1 }, t.more)
    const comment = h('textarea', { id: 'c', name: 'comment', rows: 3, maxlength: LIMITS.maxCommentChars, 'aria-describedby': 'ch' })
    const done = (text?: string): void => {
      finish(text)
      thanks()
    }
    const criteria = r.criteria.map((c) =>
      // Own labels only: a criterion named `constructor` is not Object's.
      scale('rating', (Object.hasOwn(t.criteria, c) && t.criteria[c]) || c.replace(/[-_]+/g, ' '), t, (v) => ratings.set(c, v), () => done(comment.value)).el,
    )
    const form = h(
      'form',
      { novalidate: true, onsubmit: (e) => (e.preventDefault(), done(comment.value)) },
      lead,
      ...criteria,
      h('label', { class: 'f', for: 'c' }, t.comment),
      h('p', { class: 'hint', id: 'ch' }, t.commentHint),
      comment,
      h('div', { class: 'a' }, h('button', { type: 'submit', class: 'pri' }, t.send), h('button', { type: 'button', onclick: () => done() }, t.skip)),
    )
    show('details', form, lead)
  }

  function thanks(): void {
    const p = h('p', { class: 'lead', tabindex: -1, role: 'status' }, t.thanks)
    show('thanks', p, p)
  }

  el.append(question())
  return { el, state: () => state, finish, focus: () => target?.focus() }
}
