import { useEffect, type RefObject } from 'react';

/**
 * On a phone the lists' tables show each row as a card (styles.css, under 768 px), and a card's cells need their
 * column's name beside them: each cell gets its column header's text as `data-label`, which the stylesheet shows.
 * One observer for the whole page, so every table (and rows that "Load more" adds) is labelled the same way.
 */
export function labelTableCells(root: ParentNode) {
  root.querySelectorAll<HTMLTableElement>('.table-scroll table').forEach((table) => {
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')].map(headerText);
    table.querySelectorAll<HTMLTableRowElement>('tbody tr').forEach((row) => {
      [...row.cells].forEach((cell, index) => {
        const label = headers[index] ?? '';
        if (cell.dataset.label !== label) cell.dataset.label = label;
      });
    });
  });
}

/** A column header's words, without the buttons some headers carry (a custom role's Edit and Delete). */
function headerText(th: HTMLTableCellElement): string {
  const copy = th.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('button, .row-actions').forEach((element) => element.remove());
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function useTableCardLabels(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    labelTableCells(element);
    const observer = new MutationObserver(() => labelTableCells(element));
    // Header texts change with the language; rows come and go with the data.
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [root]);
}
