/**
 * The demo's own script and stylesheet, served as files so that the pages
 * need no inline code. The script is what a web team writes: the command
 * queue stub, then plain `otklik(...)` calls.
 */
export const DEMO_JS = `// What a web team writes around the script tag (see the README).
window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) }

var page = document.body.getAttribute('data-demo-page')
var start = document.getElementById('start')
if (start) start.addEventListener('click', function () {
  otklik('journey', 'start', { lifeSituation: 'birth-of-child', service: 'birth-registration' })
})
var form = document.getElementById('application')
if (form) form.addEventListener('submit', function (event) {
  var region = document.getElementById('region')
  var error = document.getElementById('region-error')
  if (region.value) return
  event.preventDefault()
  error.textContent = error.getAttribute('data-message')
  region.setAttribute('aria-invalid', 'true')
  region.focus()
  otklik('error', { code: 'region-missing' })
})
// The confirmation page ends the journey; the survey follows.
if (page === 'done') otklik('complete')
`

export const DEMO_CSS = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#f5f7fa}
header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap;border-bottom:1px solid #c9ced6;background:#fff;max-width:none}
.brand{font-weight:700;margin:0}
main{background:#fff;margin-top:1rem;border-radius:8px}
a{color:#0b51c5}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.steps{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none;color:#4a5363}
.steps li[aria-current]{color:#1b1f24;font-weight:700;text-decoration:underline}
.button{display:inline-block;min-height:44px;padding:.6rem 1.2rem;border:0;border-radius:8px;background:#0b51c5;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.nav{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
label{display:block;margin:.25rem 0}
select{font:inherit;min-height:44px;padding:.4rem;border:1px solid #6b7280;border-radius:6px;max-width:100%}
fieldset{border:1px solid #c9ced6;border-radius:8px;margin:1rem 0}
input[type=radio]{width:20px;height:20px;vertical-align:middle}
.error{display:block;color:#b3261e;font-weight:600}
:focus-visible{outline:3px solid #0b51c5;outline-offset:2px}
footer{color:#4a5363;font-size:.9rem}
@media (prefers-color-scheme:dark){body{background:#121416;color:#eef0f2}header,main{background:#1f2124;border-color:#3a3f45}a{color:#8ab4f8}.steps{color:#c5c9cf}.steps li[aria-current]{color:#eef0f2}.button{background:#8ab4f8;color:#0b1a33}footer{color:#c5c9cf}.error{color:#f2b8b5}:focus-visible{outline-color:#8ab4f8}}
`

/** A plain mark, so that browsers do not ask for a missing /favicon.ico. */
export const DEMO_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b51c5"/><path d="M4 8.5l2.5 2.5L12 5.5" stroke="#fff" stroke-width="2" fill="none"/></svg>'
