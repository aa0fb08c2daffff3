/**
 * A real table with a caption and header scopes, in its own scrolling
 * region (focusable, named), so that a wide table never makes the page
 * scroll sideways.
 */
import type { ComponentChildren } from 'preact'

export type Cell = string | number

export interface TableData {
  caption: string
  head: string[]
  /** The first cell of each row is its header. */
  rows: Cell[][]
}

export function DataTable({ data, id, hidden = false, children }: { data: TableData; id?: string; hidden?: boolean; children?: ComponentChildren }) {
  return (
    <div class="table-scroll" id={id} hidden={hidden} role="region" aria-label={data.caption} tabIndex={0}>
      <table>
        <caption>{data.caption}</caption>
        <thead>
          <tr>
            {data.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  )
}
