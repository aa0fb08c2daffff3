/** The page frame: skip link, header with navigation, language and sign-out, the live region, and <main>. */
import type { ComponentChildren } from 'preact'
import { announce, announcement } from '../state/announce.js'
import { lang, t } from '../state/lang.js'
import { forgetToken, me } from '../state/session.js'
import { currentView, hrefFor, navigate, type View } from '../state/url.js'

const NAV: { view: View; key: 'overview' | 'services' | 'lifeSituations' | 'flags' }[] = [
  { view: 'overview', key: 'overview' },
  { view: 'services', key: 'services' },
  { view: 'life', key: 'lifeSituations' },
  { view: 'flags', key: 'flags' },
]

/** A same-app link: a real <a href> (open in a new tab works), handled without a reload. */
export function Link({ to, children, current = false }: { to: Record<string, string | undefined>; children: ComponentChildren; current?: boolean }) {
  return (
    <a
      href={hrefFor(to)}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        navigate(to)
        document.getElementById('main')?.focus()
      }}
    >
      {children}
    </a>
  )
}

export function LanguageSwitch() {
  const m = t.value
  return (
    <nav class="languages" aria-label={m.language}>
      <ul>
        {(['ru', 'en'] as const).map((l) => (
          <li key={l}>
            <Link to={{ lang: l === 'ru' ? undefined : l }} current={lang.value === l}>
              <span lang={l}>{l === 'ru' ? 'Русский' : 'English'}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function LiveRegion() {
  return (
    <div class="visually-hidden" role="status" aria-live="polite">
      {announcement.value}
    </div>
  )
}

export function Layout({ children }: { children: ComponentChildren }) {
  const m = t.value
  const view = currentView()
  const active = view === 'service' ? 'services' : view
  return (
    <>
      <a class="skip" href="#main">
        {m.skip}
      </a>
      <header class="top">
        <p class="brand">{m.appName}</p>
        <nav aria-label={m.nav.main}>
          <ul class="nav">
            {NAV.map((n) => (
              <li key={n.view}>
                <Link to={{ view: n.view === 'overview' ? undefined : n.view, id: undefined, rule: undefined }} current={active === n.view}>
                  {m.nav[n.key]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
        {me.value && (
          <p class="who">
            {m.signIn.signedInAs}: {me.value.scope}{' '}
            <button
              type="button"
              onClick={() => {
                forgetToken()
                announce(m.signIn.signedOut)
              }}
            >
              {m.signIn.signOut}
            </button>
          </p>
        )}
      </header>
      <LiveRegion />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
