import { useEffect } from 'react';

/** Whether a key press is someone typing into a field, not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Partial<HTMLElement>).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/** Whether a key press is the plain key (no Ctrl, Alt or Meta: those belong to the browser). */
export function isPlainKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat'>, key: string): boolean {
  return !event.ctrlKey && !event.altKey && !event.metaKey && !event.repeat && event.key.toLowerCase() === key;
}

/** Runs `action` when `key` is pressed anywhere outside a text field. */
export function useKeyShortcut(key: string, action: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainKey(e, key) || isTypingTarget(e.target)) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, action]);
}
