/** One polite live region for status changes (loaded, downloaded, signed out). */
import { signal } from '@preact/signals'

export const announcement = signal('')

export function announce(text: string): void {
  // Re-announcing the same words: clear first so that the change is noticed.
  announcement.value = ''
  queueMicrotask(() => {
    announcement.value = text
  })
}
