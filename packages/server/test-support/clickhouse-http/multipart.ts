/**
 * Minimal `multipart/form-data` reader for the body `@clickhouse/client`
 * builds when `use_multipart_params` is on: one text part per field (`query`,
 * `param_<name>`), no files. Good for that client, not a general parser.
 */
export function multipartBoundaryOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

/** The form's fields, by name, in the order they came. */
export function parseMultipartFields(body: Buffer, boundary: string): Map<string, string> {
  const fields = new Map<string, string>()
  const text = body.toString('utf8')
  for (const part of text.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break // the closing delimiter
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd === -1) continue
    const headers = part.slice(0, headerEnd)
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1]
    if (name === undefined) continue
    // The value ends with the CRLF that precedes the next delimiter.
    fields.set(name, part.slice(headerEnd + 4).replace(/\r\n$/, ''))
  }
  return fields
}
