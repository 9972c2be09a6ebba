import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The fan-out benchmark's baseline: the plainest live map server. It takes the same position
 * batches on POST /api/positions and broadcasts every report, as it came, as its own JSON
 * message to every connected screen. No store, no validation, no sign-in: only the fan-out.
 */

interface Events {
  position: (report: unknown) => void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/positions') {
    answer(res, req.url === '/healthz' ? 200 : 404, { ok: req.url === '/healthz' });
    return;
  }
  readBody(req)
    .then((text) => {
      const body: unknown = JSON.parse(text);
      const reports = typeof body === 'object' && body !== null && 'reports' in body ? body.reports : undefined;
      if (!Array.isArray(reports)) {
        answer(res, 400, { ok: false, message: 'expected { reports: [...] }' });
        return;
      }
      for (const report of reports as unknown[]) io.emit('position', report);
      answer(res, 200, { ok: true, data: { accepted: reports.length } });
    })
    .catch((err: unknown) => answer(res, 400, { ok: false, message: err instanceof Error ? err.message : String(err) }));
});

const io = new Server<Record<string, never>, Events>(http, { serveClient: false, maxHttpBufferSize: 1e5 });

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'listening', url: `http://127.0.0.1:${port}` });
});

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
