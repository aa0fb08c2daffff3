/**
 * Runs `fn` once the page's markup is parsed (the script is async and may
 * run earlier). Declarative markup is read then; a single-page app that adds
 * it later calls the commands instead (`otklik('step', ...)`), or relies on
 * clicks, which are caught wherever they happen.
 */
export const whenParsed = (fn: () => void): void =>
  // DOMContentLoaded bubbles from the document to the window.
  document.readyState === 'loading' ? addEventListener('DOMContentLoaded', fn) : fn()
