// Only the visible rows are in the DOM, so 5,000 cases scroll and filter without delay.
import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CaseSummary } from '../../domain'
import { CaseRow } from './CaseRow'

const ROW_ESTIMATE_PX = 96

export function VirtualCaseList({ rows, label }: { rows: readonly CaseSummary[]; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  return (
    <div ref={scrollRef} className="case-list__scroll" role="list" aria-label={label}>
      <div className="case-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (!row) return null
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="case-list__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <CaseRow row={row} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
