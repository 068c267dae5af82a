// Formatting of the one results table and the targets block.

export interface Row {
  scenario: string
  path: string
  loopbackMs?: number
  rttMs?: number
  wire?: { up: number; down: number }
  rawBytes?: number
  /** Stock time ÷ this row's time, loopback and 50 ms RTT. */
  speedup?: { loopback?: number; rtt?: number }
  note?: string
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '—'
  return ms < 100 ? ms.toFixed(1) : ms.toFixed(0)
}

export function fmtBytes(n: number | undefined): string {
  if (n === undefined) return '—'
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} MB`
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} KB`
  return `${n} B`
}

const fmtX = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(1)}×`)

// East Asian wide characters take two columns in a terminal.
const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1), 0)
const pad = (s: string, w: number, right = false): string => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))))

export function renderTable(rows: Row[]): string {
  const head = ['scenario', 'path', 'loopback ms', '50ms-RTT ms', 'bytes on wire (↓/↑)', 'raw state', 'wire/raw', 'vs stock (loop / 50ms)']
  const cells = rows.map((r) => {
    const wireTotal = r.wire ? r.wire.up + r.wire.down : undefined
    return [
      r.scenario,
      r.path,
      fmtMs(r.loopbackMs),
      fmtMs(r.rttMs),
      r.wire ? `${fmtBytes(wireTotal)} (${fmtBytes(r.wire.down)}/${fmtBytes(r.wire.up)})` : '—',
      fmtBytes(r.rawBytes),
      wireTotal !== undefined && r.rawBytes ? `${((wireTotal / r.rawBytes) * 100).toFixed(0)}%` : '—',
      r.speedup ? `${fmtX(r.speedup.loopback)} / ${fmtX(r.speedup.rtt)}` : '—',
    ]
  })
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i] ?? ''))))
  const line = (c: string[]): string => '| ' + c.map((v, i) => pad(v, widths[i] ?? 0, i >= 2 && i !== 4)).join(' | ') + ' |'
  const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|'
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.scenario} · ${r.path}: ${r.note}`)
  return [line(head), sep, ...cells.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n')
}

export interface Target {
  name: string
  measured: string
  pass: boolean
}

export function renderTargets(targets: Target[], failWord = 'FAIL'): string {
  return ['targets:', ...targets.map((t) => `  [${t.pass ? 'PASS' : failWord}] ${t.name}: ${t.measured}`)].join('\n')
}

export interface ManyRow {
  path: string
  clients?: number
  syncMs?: number
  p50?: number
  p99?: number
  max?: number
  /** Edits that reached every client within the limit, of those made; receipts likewise. */
  editsToAll?: number
  edits?: number
  received?: number
  expected?: number
  rssBefore?: number
  rssPeak?: number
  error?: string
}

const pct = (a?: number, b?: number): string => (a === undefined || !b ? '—' : `${((a / b) * 100).toFixed(a === b ? 0 : 1)}%`)

/** (5) many stock clients on one document: one line per server. */
export function renderManyTable(rows: ManyRow[]): string {
  const head = ['(5) one case file, stock y-websocket clients', 'clients', 'sync ms', 'edit p50 ms', 'p99 ms', 'max ms', 'delivered to all (edits / receipts)', 'server RSS before → peak']
  const cells = rows.map((r) => r.error
    ? [r.path, '—', '—', '—', '—', '—', `not measured: ${r.error}`, '—']
    : [
        r.path, String(r.clients ?? '—'), fmtMs(r.syncMs), fmtMs(r.p50), fmtMs(r.p99), fmtMs(r.max),
        `${pct(r.editsToAll, r.edits)} (${r.editsToAll ?? '—'}/${r.edits ?? '—'}) / ${pct(r.received, r.expected)}`,
        `${fmtBytes(r.rssBefore)} → ${fmtBytes(r.rssPeak)}`,
      ])
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i] ?? ''))))
  const line = (c: string[]): string => '| ' + c.map((v, i) => pad(v, widths[i] ?? 0, i >= 1 && i <= 5)).join(' | ') + ' |'
  const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|'
  return [line(head), sep, ...cells.map(line)].join('\n')
}
