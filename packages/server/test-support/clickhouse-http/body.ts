import type { IncomingMessage } from 'node:http'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate } from 'node:zlib'
import { ClickHouseFailure, UNKNOWN_COMPRESSION_METHOD } from './errors.js'

/**
 * Reads a request body whole, undoing `Content-Encoding` (the client gzips
 * insert bodies when `compression.request` is on). chDB takes a finished
 * string or buffer, so there is nothing to gain from streaming.
 */
const DECODERS: ReadonlyMap<string, (data: Buffer) => Promise<Buffer>> = new Map([
  ['gzip', promisify(gunzip)],
  ['deflate', promisify(inflate)],
  ['br', promisify(brotliDecompress)],
])

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks)

  const encoding = request.headers['content-encoding']?.trim().toLowerCase()
  if (encoding === undefined || encoding === '' || encoding === 'identity') return body
  const decode = DECODERS.get(encoding)
  if (decode === undefined) {
    throw new ClickHouseFailure(
      UNKNOWN_COMPRESSION_METHOD,
      'UNKNOWN_COMPRESSION_METHOD',
      `Unknown HTTP compression method '${encoding}' (this test server decodes gzip, deflate and br)`,
    )
  }
  return decode(body)
}
