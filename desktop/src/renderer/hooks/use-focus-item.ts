// Brings one item of the screen into view and marks it (an inbox notice's "Open" lands on the
// comment or message itself, not on the top of the thread). Items carry `data-item="<id>"`; the
// item may appear only once its room has synced, so this waits for it to be rendered.
import { useEffect } from 'react';

export const FOCUSED_CLASS = 'is-focused';

export function useFocusItem(itemId: string | undefined, renderedCount: number): void {
  useEffect(() => {
    if (!itemId) return;
    const el = document.querySelector<HTMLElement>(`[data-item="${CSS.escape(itemId)}"]`);
    if (!el || el.classList.contains(FOCUSED_CLASS)) return;
    el.classList.add(FOCUSED_CLASS);
    el.scrollIntoView({ block: 'center' });
    // Focus without a second scroll, so keyboard and screen-reader users land on it too.
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  }, [itemId, renderedCount]);
}
