/**
 * Mail through SMTP (SMTP_URL, nodemailer): the owner of a flagged service
 * hears when its flag opens or reopens, and each agency's owners get a
 * weekly digest (new, overdue, resolved, verified), sent once per agency
 * and week (recorded in `mail_log`). Only owners whose contact is an e-mail
 * address get mail. Addresses are personal data: logs name flags and
 * agencies, never recipients.
 */
import type { FastifyBaseLogger } from 'fastify'
import { createTransport, type Transporter } from 'nodemailer'
import type { FlagEvent, Notifier } from '../flag-life/life.js'
import { readStates } from '../flag-life/states.js'
import { publicFlag, serviceInfo } from '../flag-life/view.js'
import { namedTables } from '../registry/named-entries.js'
import { toNumber } from '../storage/int64.js'
import type { Store } from '../storage/store.js'
import { OWNER_EVENTS, digestMessage, ownerMessage, type Digest, type Message, type OwnerEvent } from './messages.js'

const DAY_MS = 86_400_000
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

export interface MailDeps {
  store: Store
  clock: () => number
  smtp: { url: string; from: string }
  log?: FastifyBaseLogger | undefined
}

export class FlagMail implements Notifier {
  private readonly transport: Transporter

  constructor(private readonly deps: MailDeps) {
    this.transport = createTransport(deps.smtp.url)
  }

  /** The owner's notice of each opened or reopened flag; a failure is logged and does not stop the rest. */
  async notify(events: readonly FlagEvent[]): Promise<void> {
    for (const e of events) {
      if (!(OWNER_EVENTS as string[]).includes(e.type)) continue
      const to = e.flag.owner?.contact
      if (!to || !EMAIL.test(to)) continue
      await this.send([to], ownerMessage(e as FlagEvent & { type: OwnerEvent }), { flag: e.flag.id, event: e.type })
    }
  }

  /**
   * The digest of the last whole week (Monday to Monday, UTC) for every
   * agency with owners, unless it was sent already. Returns the agencies mailed.
   */
  async weeklyDigests(): Promise<string[]> {
    const { store, clock } = this.deps
    const now = clock()
    const monday = startOfWeek(now)
    const week = { from: monday - 7 * DAY_MS, to: monday }
    const services = await serviceInfo(store)
    const flags = (await readStates(store)).map((s) => ({ state: s, view: publicFlag(s, services.get(s.service)) }))
    const agencies = new Map((await namedTables.agencies.list(store)).map((a) => [a.id, a]))
    const byAgency = new Map<string, Set<string>>()
    for (const s of services.values()) {
      if (!s.agency || !EMAIL.test(s.owner_contact)) continue
      const set = byAgency.get(s.agency) ?? new Set<string>()
      byAgency.set(s.agency, set.add(s.owner_contact))
    }
    const sent: string[] = []
    for (const [agency, recipients] of byAgency) {
      const key = `digest:${agency}:${iso(week.from)}`
      if (await this.wasSent(key)) continue
      const mine = flags.filter((f) => services.get(f.state.service)?.agency === agency)
      const within = (t: number | null) => t !== null && t >= week.from && t < week.to
      const a = agencies.get(agency)
      const digest: Digest = {
        agency: { id: agency, name_ru: a?.name_ru || agency, name_en: a?.name_en || a?.name_ru || agency },
        week: { from: iso(week.from), to: iso(week.to) },
        new: mine.filter((f) => within(f.state.first_seen)).map((f) => f.view),
        overdue: mine.filter((f) => f.state.status === 'in_progress' && f.state.action_due !== null && f.state.action_due < now).map((f) => f.view),
        resolved: mine.filter((f) => f.state.status === 'resolved' && within(f.state.resolved_at)).map((f) => f.view),
        verified: mine.filter((f) => f.state.status === 'verified' && within(f.state.verified_at)).map((f) => f.view),
      }
      if (await this.send([...recipients], digestMessage(digest), { agency, digest: digest.week.from })) {
        await store.insert('mail_log', [{ key, kind: 'digest', recipients: recipients.size, sent_at: now }])
        sent.push(agency)
      }
    }
    return sent
  }

  close(): void {
    this.transport.close()
  }

  private async wasSent(key: string): Promise<boolean> {
    const [row] = await this.deps.store.query<{ n: unknown }>(`SELECT count() AS n FROM ${this.deps.store.table('mail_log')} WHERE key = {key:String}`, { key })
    return toNumber(row?.n) > 0
  }

  private async send(to: string[], m: Message, about: Record<string, string>): Promise<boolean> {
    try {
      await this.transport.sendMail({ from: this.deps.smtp.from, to, subject: m.subject, text: m.text, html: m.html })
      return true
    } catch (err) {
      // The SMTP server's text may quote an address: log its codes only.
      const e = err as { code?: string; responseCode?: number }
      this.deps.log?.warn({ ...about, code: e.code, response: e.responseCode }, 'mail could not be sent')
      return false
    }
  }
}

/** Monday 00:00 UTC of the week holding `ms`. */
export function startOfWeek(ms: number): number {
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS
  const weekday = (new Date(dayStart).getUTCDay() + 6) % 7
  return dayStart - weekday * DAY_MS
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
