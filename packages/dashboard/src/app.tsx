/** The dashboard: sign-in until a token is known, then the view the URL names. */
import { useEffect } from 'preact/hooks'
import { getJson } from './api/client.js'
import type { Me } from '@otklik/contract/types'
import { clearCache } from './api/use-api.js'
import { Controls } from './components/controls.js'
import { Layout } from './components/layout.js'
import { Loading } from './components/status.js'
import { forgetToken, me, token } from './state/session.js'
import { currentView } from './state/url.js'
import { FlagsView } from './views/flags.js'
import { LifeSituations } from './views/life-situations.js'
import { Overview } from './views/overview.js'
import { ServicePage } from './views/service.js'
import { ServicesView } from './views/services.js'
import { SignIn } from './views/sign-in.js'

const VIEWS = { overview: Overview, services: ServicesView, service: ServicePage, life: LifeSituations, flags: FlagsView }

export function App() {
  const bearer = token.value
  useEffect(() => {
    clearCache()
    if (bearer === null || me.value !== null) return
    // A token from an earlier visit in this tab: ask what it may read.
    getJson<Me>('/me').then(
      (who) => (me.value = who),
      () => forgetToken(),
    )
  }, [bearer])
  if (bearer === null) return <SignIn />
  if (me.value === null) return <Loading />
  const View = VIEWS[currentView()]
  return (
    <Layout>
      <Controls />
      <View />
    </Layout>
  )
}
