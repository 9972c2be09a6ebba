/** One key and what it does at a desk. */
export interface Shortcut {
  /** as printed on the keyboard */
  key: string;
  action: string;
  /**
   * Listed only while a control offering the key is on the screen (its `aria-keyshortcuts`):
   * "Report an incident" only for those who may report, for instance.
   */
  needsControl: boolean;
  /** read from a control's own title (already in the screen's language), not from this list */
  fromTitle?: boolean;
}

/**
 * Every keyboard shortcut of the desk, in the order the help lists them. None fires while
 * someone is typing in a field, or with Ctrl, Alt or Meta held (client/chrome/shortcut.ts).
 * shortcuts.test.ts fails when a key is added in the code and not here.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'N', action: 'Incidents list: open or close', needsControl: true },
  { key: 'U', action: 'Units list: open or close', needsControl: true },
  { key: 'P', action: 'Patrol orders: open or close', needsControl: true },
  { key: 'A', action: 'Alert queue: open or close', needsControl: true },
  { key: 'I', action: 'Report an incident: click the map where it happened; I again cancels', needsControl: true },
  { key: 'R', action: 'Replay: what happened, patrols and incidents together', needsControl: true },
  { key: 'G', action: 'Go to a grid reference or latitude, longitude', needsControl: true },
  { key: 'M', action: 'Measure a distance: click points on the map; M again ends it', needsControl: true },
  { key: 'C', action: 'Copy the grid reference under the pointer', needsControl: false },
  { key: 'Backspace', action: 'While measuring: take back the last point', needsControl: false },
  { key: 'Esc', action: 'Close what is on top: this list, a tool, the details, then the list opened last', needsControl: false },
  { key: '?', action: 'This list of keys', needsControl: false },
];

/** What a control's title says it does, without the "(U)" it ends with. */
export function actionFromTitle(title: string): string {
  return title.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/**
 * The shortcuts to list now: the fixed ones whose control is on screen, then any other key a
 * control on screen announces (a tool added since, described by its own title).
 */
export function shortcutsOnScreen(controls: readonly { keys: string; title: string }[]): Shortcut[] {
  const announced = new Map<string, string>();
  for (const control of controls) {
    for (const key of control.keys.split(/\s+/).filter((k) => k !== '')) {
      if (!announced.has(key.toUpperCase())) announced.set(key.toUpperCase(), actionFromTitle(control.title));
    }
  }
  const known = new Set(SHORTCUTS.map((s) => s.key.toUpperCase()));
  const listed = SHORTCUTS.filter((s) => !s.needsControl || announced.has(s.key.toUpperCase()));
  const others: Shortcut[] = [];
  for (const [key, action] of announced) {
    if (!known.has(key) && action !== '') others.push({ key, action, needsControl: true, fromTitle: true });
  }
  // Before Esc and ?, which close the list.
  const tail = listed.filter((s) => s.key === 'Esc' || s.key === '?');
  return [...listed.filter((s) => !tail.includes(s)), ...others, ...tail];
}
