/**
 * The demo's four pages, a life situation in three steps: «Рождение
 * ребёнка» → documents → application → confirmation. Static markup with no
 * inline script or style (the pages are served under a strict CSP); the SDK
 * is embedded exactly as the README tells web teams to.
 */
import { TEXT, type DemoLang } from './demo-text.js'

export const DEMO_PAGES = ['', 'documents', 'application', 'done'] as const
export type DemoPage = (typeof DEMO_PAGES)[number]

export const DEMO_SERVICE = 'birth-registration'
export const DEMO_LIFE_SITUATION = 'birth-of-child'

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function demoPage(page: DemoPage, lang: DemoLang, applicationNo = ''): string {
  const t = TEXT[lang]
  const q = lang === 'en' ? '?lang=en' : ''
  const href = (p: DemoPage): string => `/demo/${p}${q}`
  const n = DEMO_PAGES.indexOf(page)
  const steps = t.steps
    .map((s, i) => `<li${i === n ? ' aria-current="step"' : ''}>${esc(s)}</li>`)
    .join('')
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.steps[n]} — ${t.situation} — ${t.site}`)}</title>
<link rel="icon" href="/demo/icon.svg">
<link rel="stylesheet" href="/demo/demo.css">
<script src="/demo/demo.js" defer></script>
<script async src="/sdk.js" data-site="demo" data-service="${DEMO_SERVICE}" data-life-situation="${DEMO_LIFE_SITUATION}" data-feedback-tab data-frequency-days="0" data-criteria="time,information"></script>
</head>
<body data-demo-page="${page || 'index'}">
<a class="skip" href="#main">${esc(t.skip)}</a>
<header><p class="brand">${esc(t.site)}</p><a href="${lang === 'en' ? `/demo/${page}` : `/demo/${page}?lang=en`}" lang="${lang === 'en' ? 'ru' : 'en'}">${esc(t.other)}</a></header>
<main id="main">
<h1>${esc(t.situation)}</h1>
<nav aria-label="${esc(t.stepOf(n + 1))}"><ol class="steps">${steps}</ol></nav>
${body(page, t, href, applicationNo)}
</main>
<footer><p>${esc(t.footer)}</p></footer>
</body>
</html>
`
}

function body(page: DemoPage, t: (typeof TEXT)[DemoLang], href: (p: DemoPage) => string, applicationNo: string): string {
  switch (page) {
    case '':
      return `<p>${esc(t.intro)}</p>
<h2>${esc(t.includes)}</h2>
<ul>${t.services.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<p><a class="button" id="start" href="${href('documents')}">${esc(t.start)}</a></p>
<section aria-label="${esc(t.useful)}" data-otklik-survey="csat"></section>`
    case 'documents':
      return `<section data-otklik-step="documents">
<h2>${esc(t.steps[1])}</h2>
<p>${esc(t.docsLead)}</p>
<ul class="checklist">${t.docs.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>
<p class="nav"><a href="${href('')}">${esc(t.back)}</a> <a class="button" href="${href('application')}">${esc(t.next)}</a></p>
</section>`
    case 'application':
      return `<form data-otklik-step="application" id="application" action="/demo/done" method="get" novalidate>
<h2>${esc(t.steps[2])}</h2>
<p>${esc(t.appLead)}</p>
${href('').includes('lang=en') ? '<input type="hidden" name="lang" value="en">' : ''}
<p><label for="region">${esc(t.region)}</label>
<select id="region" name="region" aria-describedby="region-error"><option value="">${esc(t.pickRegion)}</option>${t.regions.map((r, i) => `<option value="r${i + 1}">${esc(r)}</option>`).join('')}</select>
<span id="region-error" class="error" aria-live="polite" data-message="${esc(t.needRegion)}"></span></p>
<fieldset><legend>${esc(t.how)}</legend>${t.ways
        .map((w, i) => `<label><input type="radio" name="way" value="w${i + 1}"${i === 0 ? ' checked' : ''}> ${esc(w)}</label>`)
        .join('')}</fieldset>
<p class="nav"><a href="${href('documents')}">${esc(t.back)}</a> <button type="submit" class="button">${esc(t.submit)}</button></p>
</form>`
    case 'done':
      // No data-otklik-step here: `complete` (demo.js) ends the journey on this page.
      return `<section aria-labelledby="done">
<h2 id="done">${esc(t.doneTitle)}</h2>
<p>${esc(t.doneLead)}</p>
<p>${esc(t.doneNumber)}: <strong>${esc(applicationNo)}</strong></p>
<p><a href="${href('')}">${esc(t.again)}</a></p>
</section>`
  }
}
