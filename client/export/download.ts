import { failureOf, parseJsonText } from '../http/reply.js';
import { ReplyError } from '../http/errors.js';
import { filenameFromDisposition } from './exportUrl.js';

/** A file fetched from the server, ready to save. */
export interface ExportFile {
  blob: Blob;
  filename: string;
  /** rows the server says it wrote (incidents or fixes); null when it does not say */
  rows: number | null;
}

/**
 * Fetches an export with the session cookie. A refusal (a window too long, say) comes back as
 * the server's own words in a ReplyError, never as a file holding an error message.
 */
export async function fetchExport(url: string, fallbackName: string): Promise<ExportFile> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ReplyError({ code: 'network', status: 0, message: 'the server did not answer; check the link and try again' });
  }
  if (!res.ok) throw failureOf(url, res.status, parseJsonText(await res.text()));
  const rows = res.headers.get('x-export-rows');
  return {
    blob: await res.blob(),
    filename: filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName,
    rows: rows === null || rows === '' || !Number.isFinite(Number(rows)) ? null : Number(rows),
  };
}

/** Hands a file to the browser's downloads, from a blob: URL freed once the download has started. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
