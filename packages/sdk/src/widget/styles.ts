/**
 * The widget's one stylesheet. The host resets everything it could inherit
 * with `!important`, which inside a shadow root beats even a page's
 * `!important` (CSS Cascade 4: important shadow rules win over the light
 * tree's). Sizes are in px and em, never rem, so a page's root font size
 * cannot shrink the widget; colours meet 4.5:1 in light and dark schemes;
 * forced colours and reduced motion are respected. A focused radio always
 * shows its ring: WebKit does not match :focus-visible after an arrow key.
 */
export const CSS = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;pointer-events:auto!important;clip-path:none!important;filter:none!important}
:host([hidden]){display:none!important}
:host([kind=dialog]),:host([kind=tab]){position:fixed!important;z-index:2147483647!important;inset:auto 16px 16px auto!important;margin:0!important;transform:none!important}
:host([kind=dialog]){width:min(416px,calc(100vw - 32px))!important}
:host([kind=inline]){margin:16px 0!important;max-width:560px!important}
@media (max-width:400px){:host([kind=dialog]),:host([kind=tab]){inset:auto 8px 8px auto!important}:host([kind=dialog]){width:calc(100vw - 16px)!important}}
*{box-sizing:border-box}
.v{--bg:#fff;--fg:#1b1f24;--mu:#4a5363;--ac:#0b51c5;--on:#fff;--sel:#e7effc;--bd:#6b7280;--er:#b3261e;font:400 medium/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);text-align:start;overflow-wrap:anywhere;letter-spacing:normal;word-spacing:normal;text-transform:none}
@media (prefers-color-scheme:dark){.v{--bg:#1f2124;--fg:#eef0f2;--mu:#c5c9cf;--ac:#8ab4f8;--on:#0b1a33;--sel:#2b3a55;--bd:#9aa0a6;--er:#f2b8b5}}
.p{background:var(--bg);border:1px solid var(--bd);border-radius:12px;padding:16px}
.d{max-height:calc(100vh - 32px);overflow:auto;box-shadow:0 8px 24px rgba(0,0,0,.3)}
.h{display:flex;justify-content:space-between;align-items:flex-start;gap:8px;margin:0 0 8px}
h2{font-size:1.125em;line-height:1.3;margin:0;padding-top:6px;font-weight:700}
fieldset{border:0;margin:0 0 12px;padding:0;min-width:0}
legend{padding:0;margin:0 0 8px;font-weight:600}
p{margin:0 0 8px}
.hint{color:var(--mu);font-size:.9375em}
.opts{display:grid;gap:8px;grid-template-columns:1fr}
.g .opts{grid-template-columns:repeat(auto-fill,minmax(48px,1fr))}
.o{display:flex;align-items:center;gap:10px;min-height:44px;padding:6px 10px;border:1px solid var(--bd);border-radius:8px;cursor:pointer;background:var(--bg);color:var(--fg)}
.g .o{flex-direction:column;justify-content:center;gap:2px;padding:6px 2px}
.o:has(input:checked){background:var(--sel);border-color:var(--ac);box-shadow:inset 0 0 0 1px var(--ac)}
input[type=radio]{width:24px;height:24px;margin:0;flex:none;accent-color:var(--ac)}
button{font:inherit;min-height:44px;min-width:44px;padding:8px 16px;border-radius:8px;cursor:pointer;border:2px solid var(--ac);background:var(--bg);color:var(--ac);font-weight:600}
.pri{background:var(--ac);color:var(--on)}
.x{border-color:transparent;color:var(--fg);padding:0;font-size:1.5em;line-height:1;margin:-8px -8px 0 0}
.a{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
label.f{display:block;font-weight:600;margin:4px 0}
textarea{font:inherit;color:var(--fg);background:var(--bg);width:100%;min-height:6em;padding:8px;border:1px solid var(--bd);border-radius:8px;resize:vertical}
.err{color:var(--er);font-weight:600;margin:0}
.lead{font-weight:600}
:focus-visible,input:focus{outline:3px solid var(--ac);outline-offset:2px}
.lead:focus{outline:none}
.tab{background:var(--ac);color:var(--on);box-shadow:0 4px 12px rgba(0,0,0,.3)}
@media (forced-colors:active){.p,.o,button,textarea{border:1px solid CanvasText}.o:has(input:checked){outline:3px solid Highlight}:focus-visible,input:focus{outline-color:Highlight}}
@media (prefers-reduced-motion:no-preference){.d{animation:otk .2s ease-out}}
@keyframes otk{from{opacity:0;transform:translateY(8px)}}
`
