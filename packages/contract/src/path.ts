/** A page path without query string or fragment (which may hold personal data). */
export function cleanPath(raw: string): string {
  let path = raw
  // A full URL keeps only its path.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path)
  if (scheme) path = path.slice(scheme[0].length) || '/'
  const cut = path.search(/[?#]/)
  return cut === -1 ? path : path.slice(0, cut)
}
