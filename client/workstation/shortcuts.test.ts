import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionFromTitle, SHORTCUTS, shortcutsOnScreen } from './shortcuts.js';

const CLIENT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sources(path));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(path);
  }
  return files;
}

describe('the list of keyboard shortcuts', () => {
  it('names every key the code listens for', () => {
    const inCode = new Set<string>();
    for (const file of sources(CLIENT)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/useKeyShortcut\(\s*'([^']+)'/g)) inCode.add((m[1] ?? '').toUpperCase());
      for (const m of text.matchAll(/aria-keyshortcuts="([^"]+)"/g)) inCode.add((m[1] ?? '').toUpperCase());
      if (/key === 'Escape'/.test(text)) inCode.add('ESC');
    }
    // The scan itself works: the units list's U is found.
    expect(inCode).toContain('U');
    const listed = new Set(SHORTCUTS.map((s) => s.key.toUpperCase()));
    expect([...inCode].filter((key) => !listed.has(key))).toEqual([]);
  });

  it('lists a key tied to a control only while that control is on screen', () => {
    const keys = (controls: { keys: string; title: string }[]) => shortcutsOnScreen(controls).map((s) => s.key);
    const noReport = keys([
      { keys: 'U', title: 'Units list (U)' },
      { keys: 'A', title: 'Alert queue (A)' },
    ]);
    expect(noReport).toContain('U');
    expect(noReport).not.toContain('I');
    expect(noReport).toContain('C');
    expect(noReport.at(-1)).toBe('?');
    expect(keys([{ keys: 'i', title: 'Report an incident (I)' }])).toContain('I');
  });

  it('lists a key some other control announces, in its own words', () => {
    const listed = shortcutsOnScreen([{ keys: 'X', title: 'Export for the briefing (X)' }]);
    expect(listed.find((s) => s.key === 'X')?.action).toBe('Export for the briefing');
    expect(listed.at(-1)?.key).toBe('?');
  });

  it('reads what a control does from its title', () => {
    expect(actionFromTitle('Units list (U)')).toBe('Units list');
    expect(actionFromTitle('Alert queue: 3 to acknowledge (A)')).toBe('Alert queue: 3 to acknowledge');
    expect(actionFromTitle('Measure')).toBe('Measure');
  });
});
