/** Loading and error states of a section, in words. */
import { t } from '../state/lang.js'

export function Loading() {
  return (
    <p class="muted" data-loading="">
      {t.value.loading}
    </p>
  )
}

export function ErrorBox({ message }: { message: string }) {
  return (
    <p class="error" role="alert">
      {t.value.error}: {message}
    </p>
  )
}
