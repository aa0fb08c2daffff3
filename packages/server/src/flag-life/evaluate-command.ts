/**
 * `otklik flags evaluate`: one evaluation now, through the running server
 * when one holds DATA_DIR, else on a store of its own (its alerts are
 * attempted at once; webhook deliveries that fail stay stored for the
 * server to retry; owners are mailed when SMTP_URL is set).
 */
import { withData } from '../cli/data-access.js'
import type { Config } from '../config.js'
import { FlagMail } from '../mail/mailer.js'
import { WebhookDispatcher } from '../webhooks/dispatcher.js'
import { FlagLife, allOf } from './life.js'

interface Outcome {
  flags: number
  duration_ms: number
  window: { from: string; to: string }
  events: { type: string; id: string }[]
}

export async function evaluateCommand(config: Readonly<Config>, out: (line: string) => void): Promise<void> {
  const result = await withData<Outcome>(config, {
    direct: async (store) => {
      const webhooks = new WebhookDispatcher({ store, clock: Date.now, pollMs: 0 })
      const mail = config.smtp ? new FlagMail({ store, clock: Date.now, smtp: config.smtp }) : undefined
      const e = await new FlagLife({ store, clock: Date.now, notifier: allOf(webhooks, mail) }).evaluate('demand')
      await webhooks.runDue()
      mail?.close()
      return { ...e, window: { from: new Date(e.window_from).toISOString(), to: new Date(e.window_to).toISOString() } }
    },
    viaServer: (api) => api.call<Outcome>('POST', '/v1/flags/evaluate'),
  })
  const counts = new Map<string, number>()
  for (const e of result.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1)
  const events = [...counts].map(([type, n]) => `${n} ${type.replace('flag.', '')}`).join(', ')
  out(`${result.flags} flags over ${result.window.from.slice(0, 10)} – ${result.window.to.slice(0, 10)}${events ? `: ${events}` : ''} (${(result.duration_ms / 1000).toFixed(1)} s)`)
}
