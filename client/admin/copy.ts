/**
 * Copies text to the clipboard. The Clipboard API exists only on HTTPS or localhost, and the
 * map is often served over plain HTTP on a LAN, so fall back to selecting the text in its field
 * and the older copy command. Returns whether it worked.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission refused: try the old way
    }
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    // Deprecated, but the only copy there is outside a secure context.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
