/**
 * The schema change for ballot stuffing: every event gets an `excluded`
 * reason ('' = counted), and the rollup views count only counted rows.
 * One self-contained migration entry (see storage/schema.ts).
 */
import { countedRollupViews } from '../../storage/rollups.js'
import { alterShardedTable, quoteIdent, type DdlTarget } from '../../storage/ddl.js'

const ADD = "ADD COLUMN IF NOT EXISTS excluded LowCardinality(String) DEFAULT '' AFTER sdk"

export function excludedColumnStatements(t: DdlTarget): string[] {
  const statements = [alterShardedTable(t, 'events', ADD)]
  // The Distributed table in front has its own column list.
  if (t.cluster) statements.push(`ALTER TABLE ${quoteIdent(t.database)}.events ON CLUSTER ${quoteIdent(t.cluster)} ${ADD}`)
  return [...statements, ...countedRollupViews(t)]
}
