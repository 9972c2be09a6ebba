import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** every row is this tall (px), so where each sits is arithmetic, not measurement */
  rowHeight: number;
  keyOf: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  className?: string;
  label: string;
  /** rows drawn beyond each edge, so a quick scroll shows no gap */
  overscan?: number;
}

/**
 * A scrolling list that puts only the rows in view into the page: two thousand units cost
 * what thirty do.
 */
export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, className, label, overscan = 6 }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const shown = items.slice(first, last);

  return (
    <div
      ref={ref}
      className={className}
      role="list"
      aria-label={label}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <div style={{ position: 'relative', height: items.length * rowHeight }}>
        {shown.map((item, i) => (
          <div key={keyOf(item)} role="listitem" style={{ position: 'absolute', top: (first + i) * rowHeight, left: 0, right: 0, height: rowHeight }}>
            {renderRow(item)}
          </div>
        ))}
      </div>
    </div>
  );
}
