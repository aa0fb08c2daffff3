/**
 * The script-tag entry (`dist/otklik.js`, an IIFE):
 *
 *   <script async src="https://HOST/sdk.js" data-site="KEY" data-service="passport-rf"></script>
 *
 * Reads the options from the tag's data attributes, replays the calls queued
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
  // The widget chunk sits beside a versioned otklik.js; /sdk.js is the same file as /sdk/VERSION/otklik.js.
  const widget = new URL(/\/otklik\.js$/.test(src.pathname) ? 'otklik-widget.js' : `/sdk/${VERSION}/otklik-widget.js`, src).href
  const instance = w.otklik?.v
    ? warn('sdk.js', 'loaded twice')
    : createOtklik(d, {
        endpoint: src.origin,
        platform: browserPlatform,
        // A dynamic import works from a classic script and needs no eval: it passes a strict CSP.
        loadWidget: () => import(/* @vite-ignore */ widget) as Promise<WidgetModule>,
      })
  if (instance) {
    const queued = w.otklik?.q
    w.otklik = Object.assign(instance, { v: VERSION })
    for (const args of Array.from(queued ?? [])) instance(...Array.from(Object(args) as ArrayLike<unknown>))
  }
} catch {
  warn('sdk.js', 'failed')
}
