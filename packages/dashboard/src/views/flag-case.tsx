/**
 * A flag as a case: its status, owner, action and public note; its history,
 * loaded when opened; and, for those who act on flags, the form that moves
 * it (acknowledge, plan, resolve, decline, reopen). The moves offered are the
 * contract's, so the form never offers what the server would refuse.
 */
import { FLAG_TRANSITIONS, MAX_FLAG_NOTE, type FLAG_STATUSES } from '@otklik/contract/rules'
import type { FlagCase, FlagHistory, FlagStatusChange } from '@otklik/contract/types'
import { useEffect, useRef, useState } from 'preact/hooks'
import { postJson } from '../api/client.js'
import { reloadAll, useApi } from '../api/use-api.js'
import { ErrorBox, Loading } from '../components/status.js'
import { day } from '../i18n/format.js'
import { announce } from '../state/announce.js'
import { lang, t } from '../state/lang.js'
import { canActOnFlags } from '../state/session.js'

type Status = (typeof FLAG_STATUSES)[number]

/** What both a flag of the report and a followed case say about the case. */
export type CaseFields = Partial<Pick<FlagCase, 'status' | 'first_seen' | 'owner' | 'action' | 'public_note'>>

/** The earliest due date the server takes: it must be in the future, and a date means its midnight UTC. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)

/** Notes that a move needs; the server gives the same rule in its 400. */
const NOTE_REQUIRED: readonly Status[] = ['in_progress', 'resolved', 'wont_fix', 'reopened']

export function CaseFacts({ flag, today }: { flag: CaseFields; today: string }) {
  const m = t.value
  const l = lang.value
  return (
    <>
      {flag.status && (
        <>
          <dt>{m.flagsView.status}</dt>
          <dd>
            <span class={`status status-${flag.status}`} data-status={flag.status}>
              {m.flagCase.statuses[flag.status]}
            </span>
          </dd>
        </>
      )}
      {flag.first_seen && (
        <>
          <dt>{m.flagsView.firstSeen}</dt>
          <dd>{day(l, flag.first_seen)}</dd>
        </>
      )}
      {flag.owner && (
        <>
          <dt>{m.flagsView.owner}</dt>
          <dd>
            {flag.owner.name}
            {flag.owner.contact ? ` (${flag.owner.contact})` : ''}
          </dd>
        </>
      )}
      {flag.action && (
        <>
          <dt>{m.flagsView.action}</dt>
          <dd>
            {flag.action.note}. {m.flagCase.due}: {day(l, flag.action.due)}
            {flag.status === 'in_progress' && flag.action.due < today && <strong class="overdue"> ({m.flagCase.overdue})</strong>}
          </dd>
        </>
      )}
      {flag.public_note && (
        <>
          <dt>{m.flagCase.publicNote}</dt>
          <dd>{flag.public_note}</dd>
        </>
      )}
    </>
  )
}

/** The history, fetched only once a person opens it. */
export function HistoryDetails({ id }: { id: string }) {
  const m = t.value
  const [open, setOpen] = useState(false)
  return (
    <details class="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{m.flagCase.history}</summary>
      {open && <HistoryTable id={id} />}
    </details>
  )
}

function HistoryTable({ id }: { id: string }) {
  const m = t.value
  const l = lang.value
  const res = useApi<FlagHistory>(`/flags/${id}/history`)
  if (res.error) return <ErrorBox message={res.error} />
  if (!res.data) return <Loading />
  const name = (s: string | null) => (s ? (m.flagCase.statuses[s as Status] ?? s) : '—')
  return (
    <table class="data history-table">
      <caption>{m.flagCase.historyCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.flagCase.when}</th>
          <th scope="col">{m.flagCase.what}</th>
          <th scope="col">{m.flagCase.who}</th>
        </tr>
      </thead>
      <tbody>
        {res.data.history.map((h, i) => (
          <tr key={i} data-kind={h.kind}>
            <td>
              <time dateTime={h.at}>{new Date(h.at).toLocaleString(l === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC</time>
            </td>
            <td>
              {h.kind === 'evaluation' ? m.flagCase.evaluated(h.fired === true) : m.flagCase.changed(name(h.status_from), name(h.status_to))}
              {h.note && <span class="history-note">: {h.note}</span>}
              {h.due && (
                <span>
                  {' '}
                  ({m.flagCase.due}: {day(l, h.due)})
                </span>
              )}
            </td>
            <td>{h.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The form that moves a flag; shown to managers and admins only. */
export function MoveFlag({ id, status }: { id: string; status: Status }) {
  const m = t.value
  const moves = FLAG_TRANSITIONS[status]
  const [to, setTo] = useState<Status>(moves[0] ?? 'reopened')
  const [note, setNote] = useState('')
  const [due, setDue] = useState('')
  const [owner, setOwner] = useState({ name: '', contact: '' })
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const details = useRef<HTMLDetailsElement>(null)
  const summary = useRef<HTMLElement>(null)
  // A new status offers other moves: start from its first.
  useEffect(() => setTo(moves[0] ?? 'reopened'), [status])
  if (!canActOnFlags() || moves.length === 0) return null
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    const body: FlagStatusChange = {
      status: to,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(to === 'in_progress' && due ? { due } : {}),
      ...(owner.name.trim() || owner.contact.trim() ? { owner: { name: owner.name.trim(), contact: owner.contact.trim() } } : {}),
    }
    try {
      await postJson(`/flags/${id}/status`, body)
      setNote('')
      setDue('')
      // Done: the form closes and focus stays on its summary, where the person was.
      if (details.current) details.current.open = false
      summary.current?.focus()
      announce(m.flagCase.moved(m.flagCase.statuses[to]))
      reloadAll()
    } catch (err) {
      setError((err as Error).message)
    }
    setBusy(false)
  }
  const field = (name: string) => `${id}-${name}`
  return (
    <details class="act" ref={details}>
      <summary ref={summary}>{m.flagCase.act}</summary>
      <form class="move-flag" onSubmit={submit} data-flag={id}>
        <p class="small muted">{m.flagCase.actIntro}</p>
        <fieldset>
          <legend>{m.flagCase.moveTo}</legend>
          {moves.map((s) => (
            <label key={s} class="choice">
              <input type="radio" name={field('to')} value={s} checked={to === s} onChange={() => setTo(s)} /> {m.flagCase.moves[s] ?? m.flagCase.statuses[s]}
            </label>
          ))}
        </fieldset>
        <label class="field" for={field('note')}>
          {m.flagCase.noteFor[to] ?? m.flagCase.noteFor.acknowledged}
        </label>
        <textarea id={field('note')} rows={3} maxLength={MAX_FLAG_NOTE} required={NOTE_REQUIRED.includes(to)} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        {to === 'in_progress' && (
          <>
            <label class="field" for={field('due')}>
              {m.flagCase.dueLabel}
            </label>
            <input id={field('due')} type="date" required min={tomorrow()} value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          </>
        )}
        <label class="field" for={field('owner')}>
          {m.flagCase.ownerName}
        </label>
        <input id={field('owner')} type="text" maxLength={200} autoComplete="name" value={owner.name} onInput={(e) => setOwner({ ...owner, name: e.currentTarget.value })} />
        <label class="field" for={field('contact')}>
          {m.flagCase.ownerContact}
        </label>
        <input id={field('contact')} type="text" maxLength={200} autoComplete="email" value={owner.contact} onInput={(e) => setOwner({ ...owner, contact: e.currentTarget.value })} />
        {error && <ErrorBox message={error} />}
        <p>
          <button type="submit" disabled={busy}>
            {m.flagCase.submit}
          </button>
        </p>
      </form>
    </details>
  )
}
