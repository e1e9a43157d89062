import { useEffect } from 'react';
import { SECTIONS, useApp } from './app-store';

/** Ctrl/Cmd+1..6 switch sections; "/" and Ctrl/Cmd+K focus the search box. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const n = Number(e.key);
      if (mod && !e.shiftKey && !e.altKey && n >= 1 && n <= SECTIONS.length) {
        e.preventDefault();
        useApp.getState().go(SECTIONS[n - 1]!.id);
        return;
      }
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((mod && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing && !mod)) {
        e.preventDefault();
        useApp.getState().go('search');
        requestAnimationFrame(() => document.getElementById('search-box')?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
