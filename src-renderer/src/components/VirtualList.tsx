import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  /** Accessible name of the list. */
  label: string;
  /** A pure function of the item: the list reads it anew only when `items` changes. */
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Row height in px before measuring. */
  estimateSize?: number;
  /** Index to keep in view (the open item). */
  activeIndex?: number;
  /** Rows hold nothing focusable (read-only lines): the list itself takes focus, so it scrolls by keyboard. */
  focusable?: boolean;
  /** Grow with the rows up to this height (px), instead of filling the parent: a short list stays short. */
  maxHeight?: number;
  /** Every row is exactly this tall (px): rows are never measured, so scrolling a long list only moves rows. */
  rowHeight?: number;
}

/** A list that renders only the rows in view, so 10,000 entries scroll smoothly. */
export function VirtualList<T>({ items, label, itemKey, renderItem, estimateSize = 58, activeIndex, focusable, maxHeight, rowHeight }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // Stable while the items are: the virtualizer recomputes every row's position whenever this
  // function changes, which for 10,000 rows on each scroll frame was the cost of scrolling.
  const getItemKey = useCallback((i: number) => itemKey(items[i]!), [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight ?? estimateSize,
    getItemKey,
    overscan: 8,
  });

  useEffect(() => {
    if (activeIndex === undefined || activeIndex < 0) return;
    // Strictly inside the rows in view = already fully visible: scrolling would only force a layout of the whole list (~10 ms a click at 10,000 rows).
    const range = virtualizer.range;
    if (range && activeIndex > range.startIndex && activeIndex < range.endIndex) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div ref={scroller} className="vlist" tabIndex={focusable ? 0 : undefined} style={maxHeight === undefined ? undefined : { flex: 'none', height: Math.min(virtualizer.getTotalSize(), maxHeight) }}>
      <ul aria-label={label} className="vlist-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            ref={rowHeight === undefined ? virtualizer.measureElement : undefined}
            className="vlist-row"
            style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}
          >
            {renderItem(items[row.index]!)}
          </li>
        ))}
      </ul>
    </div>
  );
}
