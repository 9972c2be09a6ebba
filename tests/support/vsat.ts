import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Browser, CDPSession } from 'playwright-core';

/**
 * A field office on VSAT, as the satellite test and the first-load benchmark emulate it: 1 Mbit/s
 * (125,000 bytes a second) each way and 600 ms added round trip, in DevTools' terms.
 */
export const VSAT = { offline: false, latency: 600, downloadThroughput: 125_000, uploadThroughput: 125_000 };

/**
 * Counts the bytes that cross the link between the browser and the server, at the server's
 * sockets: HTTP answers and the live feed alike, compressed as they were sent. Only Chromium's
 * requests count; trackers posting from Node over their own sockets are left out.
 */
export class LinkMeter {
  private readonly sockets = new Set<Socket>();
  readonly requests: string[] = [];

  constructor(http: Server) {
    const note = (req: IncomingMessage) => {
      if (!req.headers['user-agent']?.includes('Chrome')) return;
      this.sockets.add(req.socket);
      this.requests.push(`${req.method ?? '?'} ${req.url ?? '?'}`);
    };
    http.on('request', note);
    http.on('upgrade', note);
  }

  /** Bytes sent to the browser (down) and received from it (up) so far. */
  totals(): { down: number; up: number } {
    let down = 0;
    let up = 0;
    for (const socket of this.sockets) {
      down += socket.bytesWritten;
      up += socket.bytesRead;
    }
    return { down, up };
  }
}

/**
 * DevTools' network emulation of a page does not reach the requests its service worker makes
 * itself (checked in Chromium 156: an answer the worker fetched came at full speed while the
 * page was throttled). Each of the app's workers on `origin` is given the VSAT link as soon as it
 * appears; `throttled()` says how many have been.
 */
export async function emulateVsatForWorkers(browser: Browser, origin: string): Promise<{ throttled: () => number }> {
  const session: CDPSession = await browser.newBrowserCDPSession();
  const attached = new Set<string>();
  let ready = 0;
  const attach = async (targetId: string) => {
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    let id = 0;
    const send = (method: string, params: object) =>
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
    await send('Network.enable', {});
    await send('Network.emulateNetworkConditions', VSAT);
    ready += 1;
  };
  session.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker' || !targetInfo.url.startsWith(origin) || attached.has(targetInfo.targetId)) return;
    attached.add(targetInfo.targetId);
    attach(targetInfo.targetId).catch((err: unknown) => console.warn(`could not emulate the link for the service worker: ${String(err)}`));
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  return { throttled: () => ready };
}
