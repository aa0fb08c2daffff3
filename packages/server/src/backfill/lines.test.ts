import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLines, type Line } from './lines.js'

const collect = async (chunks: (string | Buffer)[], max = 20) => {
  const out: Line[] = []
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max)) out.push(l)
  return out
}

describe('readLines', () => {
  it('numbers lines across chunk borders, strips CR, keeps a last line without newline', async () => {
    const lines = await collect(['ab', 'c\r\nd\n\nлин', 'ия'])
    expect(lines.map((l) => ('text' in l ? l.text : l.error))).toEqual(['abc', 'd', '', 'линия'])
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4])
  })

  it('reports an over-long line without buffering it, and goes on', async () => {
    const lines = await collect(['x'.repeat(15), 'y'.repeat(15), '\nok\n'])
    expect(lines[0]).toMatchObject({ number: 1, error: 'line is longer than 20 bytes' })
    expect(lines[1]).toMatchObject({ number: 2, text: 'ok' })
  })

  it('reports invalid UTF-8 and a multi-byte character split across chunks is kept whole', async () => {
    const ya = Buffer.from('я')
    const lines = await collect([Buffer.from([0xff, 0xfe, 0x0a]), ya.subarray(0, 1), ya.subarray(1), '\n'])
    expect(lines[0]).toMatchObject({ number: 1, error: 'line is not valid UTF-8' })
    expect(lines[1]).toMatchObject({ number: 2, text: 'я' })
  })
})
