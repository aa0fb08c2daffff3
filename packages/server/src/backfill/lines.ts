/**
 * Splits a byte stream into numbered lines with bounded memory: a line
 * longer than `maxBytes` is not buffered, only reported as too long. Bytes
 * are decoded per line, so a multi-byte character split across stream
 * chunks is never broken, and invalid UTF-8 is reported, not replaced.
 */
export type Line =
  | { number: number; text: string; offset: number }
  | { number: number; error: string; offset: number }

const decoder = new TextDecoder('utf-8', { fatal: true })

export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let tooLong = false
  let number = 0
  let offset = 0
  const finish = (): Line => {
    number++
    if (tooLong) return { number, offset, error: `line is longer than ${maxBytes} bytes` }
    let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1)
    try {
      return { number, offset, text: decoder.decode(bytes) }
    } catch {
      return { number, offset, error: 'line is not valid UTF-8' }
    }
  }
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(10, start)
      const end = nl === -1 ? chunk.length : nl
      if (!tooLong) {
        if (size + (end - start) > maxBytes) {
          tooLong = true
          parts = []
        } else if (end > start) {
          parts.push(chunk.subarray(start, end))
          size += end - start
        }
      }
      if (nl === -1) {
        offset += chunk.length - start
        break
      }
      offset += nl + 1 - start
      yield finish()
      parts = []
      size = 0
      tooLong = false
      start = nl + 1
    }
  }
  if (size > 0 || tooLong) yield finish()
}
