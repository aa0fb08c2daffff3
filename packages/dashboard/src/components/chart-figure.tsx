/**
 * Every chart is a <figure>: a caption with its title and a one-sentence
 * summary, the picture (hidden from assistive technology), a button that
 * shows the same data as a table, and a CSV download of that data.
 */
import type { ComponentChildren } from 'preact'
import { useId, useState } from 'preact/hooks'
import { saveBlob } from '../api/client.js'
import { announce } from '../state/announce.js'
import { t } from '../state/lang.js'
import { toCsv } from './csv.js'
import { DataTable, type TableData } from './data-table.js'

interface Props {
  title: string
  summary: string
  table: TableData
  fileName: string
  children: ComponentChildren
}

export function ChartFigure({ title, summary, table, fileName, children }: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const m = t.value
  const download = () => {
    saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName)
    announce(m.download.ready)
  }
  return (
    <figure class="chart">
      <figcaption>
        <span class="chart-title">{title}</span> <span class="chart-summary">{summary}</span>
      </figcaption>
      <div class="chart-picture">{children}</div>
      <div class="chart-actions">
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? m.chart.hideTable : m.chart.showTable}
        </button>
        <button type="button" class="link" onClick={download}>
          {m.chart.csv} <span class="visually-hidden">{title}</span>
        </button>
      </div>
      <DataTable data={table} id={id} hidden={!open} />
    </figure>
  )
}
