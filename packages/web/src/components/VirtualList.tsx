import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height in pixels. */
  rowHeight: number;
  /** Height of the scrolling box in pixels. */
  height: number;
  label: string;
  itemKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  testId?: string;
}

/**
 * A long list (348 sites and more) that renders only the rows in view. The box is a labelled,
 * focusable region, so the keyboard scrolls it; rows keep their own controls.
 */
export function VirtualList<T>({ items, rowHeight, height, label, itemKey, renderRow, testId }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="virtual-list" style={{ height }} role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      <ul style={{ height: virtualizer.getTotalSize() }} aria-rowcount={items.length}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <li key={itemKey(item)} style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}>
              {renderRow(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
