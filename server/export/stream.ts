import type { Response } from 'express';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Writes a file to the response a chunk at a time: the server keeps serving the live feed
 * between chunks, waits when a slow link's buffer is full, and stops when the reader goes.
 */
export async function writeChunks(res: Response, chunks: Iterable<string>): Promise<void> {
  let gone = false;
  const onClose = () => {
    gone = true;
  };
  res.once('close', onClose);
  try {
    for (const chunk of chunks) {
      if (gone || res.destroyed) return;
      if (!res.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.once('drain', done);
          res.once('close', done);
        });
      }
      await nextTurn();
    }
    if (!gone && !res.destroyed) res.end();
  } finally {
    res.off('close', onClose);
  }
}
