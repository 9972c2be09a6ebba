import { describe, expect, it } from 'vitest';
import { isPlainKey, isTypingTarget } from './shortcut.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; repeat: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('take the plain key in either case, never with Ctrl, Alt or Meta', () => {
    expect(isPlainKey(key('u'), 'u')).toBe(true);
    expect(isPlainKey(key('U'), 'u')).toBe(true);
    expect(isPlainKey(key('u', { ctrlKey: true }), 'u')).toBe(false);
    expect(isPlainKey(key('u', { metaKey: true }), 'u')).toBe(false);
    expect(isPlainKey(key('u', { repeat: true }), 'u')).toBe(false);
    expect(isPlainKey(key('i'), 'u')).toBe(false);
  });
  it('leave text fields to the typist', () => {
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
