import { currentLang, useLang, type Lang } from './lang.js';

/**
 * Messages are plain objects, one per area of the screen, written in English first; the French
 * object must have exactly the same keys with the same kinds of value (checked by the compiler),
 * so a string missing in French is a type error, not a blank on the wall.
 *
 * A value is either a string or a function of its parameters (counts, names, times), which lets
 * each language build its own plurals and word order:
 *
 *   export const m = defineMessages({
 *     en: { title: 'Alerts', open: (n: number) => (n === 1 ? '1 open alert' : `${n} open alerts`) },
 *     fr: { title: 'Alertes', open: (n) => (n <= 1 ? `${n} alerte ouverte` : `${n} alertes ouvertes`) },
 *   });
 *   const t = useMessages(m);   // in a component
 *   t.open(3)
 *   messagesNow(m).title        // outside React
 */

// Any function of any parameters returning text; the French one must take what the English one takes.
type MessageValue = string | ((...args: never[]) => string);
export type MessageShape = Record<string, MessageValue>;

/** The French messages' type: the same keys, strings for strings, the same function signatures. */
export type Translation<En extends MessageShape> = { [K in keyof En]: En[K] extends string ? string : En[K] };

export type Messages<En extends MessageShape> = Record<Lang, Translation<En>>;

export function defineMessages<En extends MessageShape>(messages: { en: En; fr: Translation<NoInfer<En>> }): Messages<En> {
  return messages as Messages<En>;
}

/** An area's messages in the current language; the component re-renders when the language changes. */
export function useMessages<En extends MessageShape>(messages: Messages<En>): Translation<En> {
  return messages[useLang()];
}

/** An area's messages in the current language, outside React. */
export function messagesNow<En extends MessageShape>(messages: Messages<En>): Translation<En> {
  return messages[currentLang()];
}
