// One seed-003 style table: a header row of columns and one row of numbers (or several rows).
import type { ReactNode } from 'react'

export interface StatRow {
  label: ReactNode
  values: number[]
}

export function StatTable({ caption, columns, rows }: { caption: string; columns: ReactNode[]; rows: StatRow[] }) {
  return (
    <div className="table-wrap">
      <table className="stat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, j) => (
                <td key={j}>{v.toLocaleString('ko-KR')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
