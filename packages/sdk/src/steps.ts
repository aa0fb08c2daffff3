/**
 * Declarative steps: `<section data-otklik-step="documents">` records the
 * step when the element first becomes visible, and when it (or anything in
 * it) is clicked; a step repeated in a row is recorded once (journey.ts).
 */
import { whenParsed } from './when-parsed.js'

const ATTR = 'data-otklik-step'

/** `step` is the guarded command: nothing here can throw into the page. */
export function declarativeSteps(step: (name: unknown) => void): void {
  const fire = (el: Element | null | undefined): unknown => el && step(el.getAttribute(ATTR))
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) {
        seen.unobserve(e.target)
        fire(e.target)
      }
    }
  })
  whenParsed(() => document.querySelectorAll(`[${ATTR}]`).forEach((el) => seen.observe(el)))
  addEventListener('click', (e) => fire((e.target as Element).closest?.(`[${ATTR}]`)), true)
}
