/**
 * Elements built with createElement and textContent only: no innerHTML (so
 * nothing a page passes can become markup, and Trusted Types pages work) and
 * no style attributes (so a strict CSP `style-src` does not block us).
 */
import { CSS } from './styles.js'

type Child = Node | string | false | undefined
type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2), v)
    else if (v === true) el.setAttribute(k, '')
    else if (v !== false && v !== undefined) el.setAttribute(k, String(v))
  }
  for (const kid of kids) if (kid !== false && kid !== undefined) el.append(kid)
  return el
}

let sheet: CSSStyleSheet | undefined

export type HostKind = 'dialog' | 'tab' | 'inline'

/**
 * A host element with an open shadow root: page styles cannot reach inside,
 * and ours cannot leak out. Styles come from one constructable stylesheet
 * (exempt from CSP `style-src`), or a <style> element where that is missing.
 */
export function shadowHost(kind: HostKind): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('otklik-survey')
  host.setAttribute('kind', kind)
  const root = host.attachShadow({ mode: 'open' })
  try {
    if (!sheet) {
      const s = new CSSStyleSheet()
      s.replaceSync(CSS)
      sheet = s
    }
    root.adoptedStyleSheets = [sheet]
  } catch {
    root.append(h('style', {}, CSS))
  }
  return { host, root }
}

/** The focused element, looking inside open shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
  return a
}
