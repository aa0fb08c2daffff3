/** Sign-in with a token: checked with GET /v1/me, kept for this tab only. */
import { useState } from 'preact/hooks'
import { getJson } from '../api/client.js'
import type { Me } from '@otklik/contract/types'
import { LanguageSwitch, LiveRegion } from '../components/layout.js'
import { t } from '../state/lang.js'
import { keepToken } from '../state/session.js'

export function SignIn() {
  const m = t.value
  const [value, setValue] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    const candidate = value.trim()
    setBusy(true)
    setError('')
    try {
      keepToken(candidate, await getJson<Me>('/me', undefined, candidate))
    } catch {
      setError(m.signIn.bad)
      setBusy(false)
    }
  }
  return (
    <>
      <header class="top">
        <p class="brand">{m.appName}</p>
        <LanguageSwitch />
      </header>
      <LiveRegion />
      <main id="main" class="sign-in" tabIndex={-1}>
        <h1>{m.signIn.title}</h1>
        <p>{m.signIn.intro}</p>
        <form onSubmit={submit}>
          <label for="token">{m.signIn.token}</label>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellcheck={false}
            required
            value={value}
            aria-describedby="token-hint token-error"
            aria-invalid={error !== ''}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <p id="token-hint" class="muted">
            {m.signIn.hint}
          </p>
          <p id="token-error" class="error" role="alert">
            {error}
          </p>
          <button type="submit" disabled={busy}>
            {m.signIn.submit}
          </button>
        </form>
      </main>
    </>
  )
}
