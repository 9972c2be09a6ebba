/**
 * Text and attribute values for KML (XML 1.0). Incident titles and descriptions are typed by
 * people and may hold anything: markup characters are escaped, and characters XML 1.0 cannot
 * carry at all (control characters, lone surrogate halves, U+FFFE/U+FFFF) are dropped, since
 * Google Earth and QGIS refuse the whole file over one of them.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for an element's content or a quoted attribute.
 * @example escapeXml('Tom & Jerry <"quoted">') === 'Tom &amp; Jerry &lt;&quot;quoted&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
