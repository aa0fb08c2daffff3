/** Downloads an API export as CSV: fetch with the token → Blob → object URL (analyst scope). */
import { useState } from 'preact/hooks'
import { downloadCsv } from '../api/client.js'
import { announce } from '../state/announce.js'
import { t } from '../state/lang.js'
import { canReadComments } from '../state/session.js'

export function CsvButton({ path, params, fileName, label }: { path: string; params: URLSearchParams; fileName: string; label: string }) {
  const [busy, setBusy] = useState(false)
  // Exports need the analyst scope: a viewer is not offered them.
  if (!canReadComments()) return null
  const m = t.value
  const run = async () => {
    setBusy(true)
    try {
      await downloadCsv(path, params, fileName)
      announce(m.download.ready)
    } catch (e) {
      announce(`${m.download.failed}: ${(e as Error).message}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" class="csv" disabled={busy} onClick={run}>
      {label}
    </button>
  )
}
