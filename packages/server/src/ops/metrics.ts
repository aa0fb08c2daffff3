/**
 * Prometheus metrics of one app instance, in a registry of its own so that
 * several apps in one test process never share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export type Metrics = ReturnType<typeof createMetrics>

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'otklik_' })
  const registers = [registry]
  renameGaugeTotals(registry)
  return {
    registry,
    eventsAccepted: new Counter({ name: 'otklik_events_accepted_total', help: 'Events accepted (answered 202).', registers }),
    eventsRejected: new Counter({
      name: 'otklik_events_rejected_total',
      help: 'Events or batches rejected, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    answersExcluded: new Counter({
      name: 'otklik_answers_excluded_total',
      help: 'Survey answers accepted but left out of the figures (ballot stuffing rules), by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    insertBatches: new Counter({
      name: 'otklik_insert_batches_total',
      help: 'Blocks of events written, by outcome: inserted, spooled (ClickHouse unreachable), spooled_under_load (released while a block was being inserted), replayed from the spool, failed (not durable), quarantined (refused by ClickHouse, kept in spool/rejected).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    insertSeconds: new Histogram({
      name: 'otklik_insert_duration_seconds',
      help: 'Time to insert one block of events into ClickHouse.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    spoolBlocks: new Gauge({ name: 'otklik_spool_blocks', help: 'Blocks waiting in the local spool for ClickHouse.', registers }),
  }
}

/**
 * prom-client names three gauges `..._total` (active handles, requests,
 * resources), a suffix Prometheus keeps for counters (`promtool check
 * metrics` refuses it): they are served as `..._active` instead, with the
 * same values.
 */
function renameGaugeTotals(registry: Registry): void {
  for (const kind of ['handles', 'requests', 'resources']) {
    const old = registry.getSingleMetric(`otklik_nodejs_active_${kind}_total`)
    if (!old) continue
    registry.removeSingleMetric(`otklik_nodejs_active_${kind}_total`)
    new Gauge({
      name: `otklik_nodejs_${kind}_active`,
      help: `Active ${kind} of the Node.js event loop, all types together.`,
      registers: [registry],
      async collect() {
        this.set((await old.get()).values[0]?.value ?? 0)
      },
    })
  }
}
