/**
 * Memory and group commit of the process under load, read from its own
 * Prometheus metrics (prom-client's process and heap gauges, Otklik's insert
 * counters), so that a local child and a remote server are measured the same
 * way. RSS includes the embedded engine.
 */
export interface MemorySample {
  /** Seconds since the first sample. */
  atS: number
  rssBytes: number
  heapBytes: number
}

const gauge = (text: string, name: string): number => Number(new RegExp(`^otklik_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN)

async function metricsText(url: string, metricsToken?: string): Promise<string | undefined> {
  const res = await fetch(`${url}/metrics`, metricsToken ? { headers: { authorization: `Bearer ${metricsToken}` } } : {}).catch(() => undefined)
  return res?.ok ? res.text() : undefined
}

export interface GroupCommit {
  /** Blocks inserted, straight or from the spool. */
  blocks: number
  /** Groups of requests released once in the spool, before their insert (a busy server). */
  spooledGroups: number
  insertSeconds: number
}

/** Inserted blocks, groups released from the spool, and the time spent inserting, since the process started. */
export async function readGroupCommit(url: string, metricsToken?: string): Promise<GroupCommit | undefined> {
  const text = await metricsText(url, metricsToken)
  if (!text) return undefined
  // A counter's line appears once it was first counted.
  const counted = (outcome: string) => gauge(text, `insert_batches_total\\{outcome="${outcome}"\\}`) || 0
  const blocks = counted('inserted') + counted('replayed')
  const insertSeconds = gauge(text, 'insert_duration_seconds_sum')
  return Number.isFinite(insertSeconds) ? { blocks, spooledGroups: counted('spooled_under_load'), insertSeconds } : undefined
}

export async function readMemory(url: string, metricsToken?: string): Promise<{ rssBytes: number; heapBytes: number } | undefined> {
  const text = await metricsText(url, metricsToken)
  if (!text) return undefined
  const rssBytes = gauge(text, 'process_resident_memory_bytes')
  const heapBytes = gauge(text, 'nodejs_heap_size_used_bytes')
  return Number.isFinite(rssBytes) && Number.isFinite(heapBytes) ? { rssBytes, heapBytes } : undefined
}

/** Samples every `everyMs` until stopped; the first sample is taken at once. */
export function sampleMemory(url: string, everyMs: number, metricsToken?: string): { stop(): Promise<MemorySample[]> } {
  const samples: MemorySample[] = []
  const started = performance.now()
  const take = async () => {
    const m = await readMemory(url, metricsToken)
    if (m) samples.push({ atS: (performance.now() - started) / 1000, ...m })
  }
  let pending = take()
  const timer = setInterval(() => (pending = pending.then(take)), everyMs)
  return {
    async stop() {
      clearInterval(timer)
      await pending
      await take()
      return samples
    },
  }
}

/** Least-squares slope of `pick` over time, per minute. */
export function slopePerMinute(samples: readonly MemorySample[], pick: (s: MemorySample) => number): number {
  if (samples.length < 2) return 0
  const n = samples.length
  const meanT = samples.reduce((a, s) => a + s.atS, 0) / n
  const meanY = samples.reduce((a, s) => a + pick(s), 0) / n
  let num = 0
  let den = 0
  for (const s of samples) {
    num += (s.atS - meanT) * (pick(s) - meanY)
    den += (s.atS - meanT) ** 2
  }
  return den === 0 ? 0 : (num / den) * 60
}
