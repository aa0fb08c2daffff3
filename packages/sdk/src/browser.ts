/**
 * The script-tag entry (`dist/otklik.js`, an IIFE):
 *
 *   <script async src="https://HOST/sdk.js" data-site="KEY" data-service="passport-rf"></script>
 *
 * Reads the options from the tag's data attributes, hands over the calls queued
 * by the stub `window.otklik = window.otklik || function(){(otklik.q = otklik.q || []).push(arguments)}`
 * and puts the real function in its place.
 */
import { createOtklik } from './instance.js'
import { warn } from './log.js'
import { browserPlatform } from './transport.js'
import { VERSION } from './version.js'
import type { WidgetModule } from './widget-api.js'

type Stub = ((...a: unknown[]) => void) & { q?: ArrayLike<unknown>[]; v?: string }
const w = window as Window & { otklik?: Stub }

try {
  const script = document.currentScript as HTMLScriptElement
  const d = script.dataset
  const src = new URL(script.src)
  // The widget chunk sits beside otklik.js; PREFIX/sdk.js is the same file as PREFIX/sdk/VERSION/otklik.js.
  // (import() takes the URL as its string.)
  const widget = new URL(`${/\/sdk\.js$/.test(src.pathname) ? `sdk/${VERSION}/` : ''}otklik-widget.js`, src) as unknown as string
  const instance = w.otklik?.v
    ? warn('sdk.js', 'loaded twice')
    : // A dynamic import works from a classic script and needs no eval: it passes a strict CSP.
      createOtklik(d, src.origin, browserPlatform, () => import(/* @vite-ignore */ widget) as Promise<WidgetModule>, w.otklik?.q)
  if (instance) (w.otklik = instance as Stub).v = VERSION
} catch {
  warn('sdk.js', 'failed')
}
