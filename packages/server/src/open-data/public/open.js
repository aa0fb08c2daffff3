// The open-data page: fetches /v1/open/services.json and renders one
// accessible table per service. No inline code anywhere (strict CSP); the
// DOM is built with textContent only, so no data is ever parsed as HTML.
'use strict'

const TEXT = {
  ru: {
    month: 'Месяц', responses: 'Ответы', journeys: 'Начато обращений', csat: 'CSAT, доля 4–5', csat_n: 'Ответов CSAT', nps: 'NPS', nps_n: 'Ответов NPS',
    ces: 'CES (1–7)', ces_n: 'Ответов CES', completion_rate: 'Завершено', suppressed: 'скрыто', provisional: ' (предварительно)',
    loading: 'Загрузка…', empty: 'Пока нет данных по услугам из реестра.', failed: 'Не удалось загрузить данные. Попробуйте позже.',
    loaded: (n) => `Услуг: ${n}.`, title: 'Открытые данные об удовлетворённости госуслугами — Otklik',
  },
  en: {
    month: 'Month', responses: 'Answers', journeys: 'Journeys started', csat: 'CSAT, share 4–5', csat_n: 'CSAT answers', nps: 'NPS', nps_n: 'NPS answers',
    ces: 'CES (1–7)', ces_n: 'CES answers', completion_rate: 'Completed', suppressed: 'suppressed', provisional: ' (provisional)',
    loading: 'Loading…', empty: 'No figures yet for the services in the registry.', failed: 'The data could not be loaded. Please try again later.',
    loaded: (n) => `Services: ${n}.`, title: 'Open data on satisfaction with public services — Otklik',
  },
}
const COLUMNS = ['responses', 'journeys', 'csat', 'csat_n', 'nps', 'nps_n', 'ces', 'ces_n', 'completion_rate']

let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ru'
let data = null
let failed = false

function el(tag, attrs, text) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v)
  if (text !== undefined) node.textContent = text
  return node
}

function format(column, value) {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB'
  if (column === 'csat' || column === 'completion_rate') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  if (column === 'nps') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value)
  if (column === 'ces') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
  return new Intl.NumberFormat(locale).format(value)
}

function render() {
  const t = TEXT[lang]
  document.documentElement.lang = lang
  document.title = t.title
  for (const node of document.querySelectorAll('[data-lang]')) node.hidden = node.getAttribute('data-lang') !== lang
  for (const b of document.querySelectorAll('[data-set-lang]')) b.setAttribute('aria-pressed', String(b.getAttribute('data-set-lang') === lang))
  const status = document.getElementById('status')
  const tables = document.getElementById('tables')
  tables.replaceChildren()
  if (failed) return void (status.textContent = t.failed)
  if (!data) return void (status.textContent = t.loading)
  const byService = new Map()
  for (const row of data.rows) {
    if (!byService.has(row.service)) byService.set(row.service, [])
    byService.get(row.service).push(row)
  }
  status.textContent = byService.size === 0 ? t.empty : t.loaded(byService.size)
  for (const [service, rows] of byService) {
    const first = rows[0]
    const wrap = el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': `cap-${service}` })
    const table = el('table')
    const caption = el('caption', { id: `cap-${service}` }, lang === 'ru' ? first.name_ru : first.name_en)
    if (first.agency) caption.append(el('span', { class: 'agency' }, first.agency))
    const head = el('tr')
    head.append(el('th', { scope: 'col' }, t.month))
    for (const c of COLUMNS) head.append(el('th', { scope: 'col' }, t[c]))
    const body = el('tbody')
    for (const row of rows) {
      const tr = el('tr')
      const th = el('th', { scope: 'row' }, row.month)
      if (!row.complete) th.append(el('span', { class: 'provisional' }, t.provisional))
      tr.append(th)
      for (const c of COLUMNS) {
        const v = row[c]
        tr.append(v === null ? el('td', { class: 'suppressed' }, t.suppressed) : el('td', {}, format(c, v)))
      }
      body.append(tr)
    }
    const thead = el('thead')
    thead.append(head)
    table.append(caption, thead, body)
    wrap.append(table)
    tables.append(wrap)
  }
}

function setLang(next) {
  lang = next
  const url = new URL(location.href)
  url.searchParams.set('lang', next)
  history.replaceState(null, '', url)
  render()
}

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('[data-set-lang]')) b.addEventListener('click', () => setLang(b.getAttribute('data-set-lang')))
  render()
  fetch('/v1/open/services.json', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
    .then((json) => { data = json })
    .catch(() => { failed = true })
    .finally(render)
})
