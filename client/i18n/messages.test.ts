import { describe, expect, it } from 'vitest';
import { defineMessages, messagesNow } from './messages.js';
import { useLangStore } from './lang.js';

describe('messages', () => {
  const m = defineMessages({
    en: { title: 'Alerts', open: (n: number) => (n === 1 ? '1 open alert' : `${n} open alerts`) },
    fr: { title: 'Alertes', open: (n) => (n <= 1 ? `${n} alerte ouverte` : `${n} alertes ouvertes`) },
  });

  it('follows the chosen language', () => {
    useLangStore.setState({ lang: 'en' });
    expect(messagesNow(m).title).toBe('Alerts');
    expect(messagesNow(m).open(2)).toBe('2 open alerts');
    useLangStore.setState({ lang: 'fr' });
    expect(messagesNow(m).title).toBe('Alertes');
    expect(messagesNow(m).open(0)).toBe('0 alerte ouverte');
  });

  it('refuses, at compile time, a French text that is missing', () => {
    defineMessages({
      en: { a: 'A', b: 'B' },
      // @ts-expect-error -- "b" has no French text
      fr: { a: 'A' },
    });
    expect(true).toBe(true);
  });
});
