import { isUtf8 } from 'node:buffer';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { BlockList, createServer, isIPv4, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Tracker } from '../tracking/tracker.js';
import { CotStreamSplitter, parseCotEvent, TAK_PROTOBUF_MAGIC } from './cot.js';
import { ingestPositions } from './pipeline.js';

export interface CotListenerOptions {
  tracker: Tracker;
  logger: Logger;
  /** networks allowed to send CoT (the streaming port has no authentication of its own) */
  allow: BlockList;
  /** most events a connection or sender may send per second before the rest are dropped */
  eventsPerSecond?: number;
}

/** Parses CIDR lists like "127.0.0.0/8,10.0.0.0/8,::1/128" into a BlockList. */
export function networkList(cidrs: string): BlockList {
  const list = new BlockList();
  for (const raw of cidrs.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = raw.split('/');
    if (!address) continue;
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const plainAddress = (address: string) => address.replace(/^::ffff:/, '');

/**
 * Cursor on Target from TAK devices: streaming TCP (events back to back, split after
 * `</event>`) and UDP (one event a datagram). Position events of units on the roster go through
 * the same ingest path as every other tracker; emergencies set the unit's SOS.
 */
export class CotListener {
  private tcp: Server | undefined;
  private udp: UdpSocket | undefined;
  private readonly warnedUids = new Map<string, number>();
  /** counts of what happened, for logs and tests */
  readonly stats = { accepted: 0, refused: 0, ignored: 0 };

  constructor(private readonly options: CotListenerOptions) {}

  private allowed(address: string | undefined): boolean {
    if (!address) return false;
    const plain = plainAddress(address);
    return this.options.allow.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  }

  listenTcp(port: number, host: string): Promise<number> {
    const server = createServer((socket) => this.serveConnection(socket));
    this.tcp = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  listenUdp(port: number, host: string): Promise<number> {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    this.udp = socket;
    socket.on('message', (message, remote) => {
      if (!this.allowed(remote.address)) {
        this.refuse(`UDP from ${remote.address}`, 'address not allowed to send CoT');
        return;
      }
      if (message[0] === TAK_PROTOBUF_MAGIC) {
        this.refuse(`UDP from ${remote.address}`, 'TAK protobuf (0xBF) is not supported: set the device to send CoT XML');
        return;
      }
      if (!isUtf8(message)) {
        this.refuse(`UDP from ${remote.address}`, 'the datagram is not valid UTF-8');
        return;
      }
      void this.handle(message.toString('utf8'), `UDP ${remote.address}`);
    });
    socket.on('error', (err) => this.options.logger.error({ err }, 'CoT UDP socket error'));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => resolve(socket.address().port));
    });
  }

  async close(): Promise<void> {
    await Promise.all([
      this.tcp ? new Promise<void>((r) => this.tcp?.close(() => r())) : undefined,
      this.udp ? new Promise<void>((r) => this.udp?.close(() => r())) : undefined,
    ]);
  }

  private serveConnection(socket: Socket): void {
    const peer = `TCP ${socket.remoteAddress ?? '?'}`;
    if (!this.allowed(socket.remoteAddress)) {
      this.refuse(peer, 'address not allowed to send CoT');
      socket.destroy();
      return;
    }
    socket.setTimeout(10 * 60_000, () => socket.destroy());
    const splitter = new CotStreamSplitter();
    // A character split across two packets is joined again; bytes that are not UTF-8 end the stream.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const limit = this.options.eventsPerSecond ?? 200;
    let windowStart = Date.now();
    let inWindow = 0;
    let first = true;
    // Events from one connection are handled in the order they came.
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      if (first && chunk[0] === TAK_PROTOBUF_MAGIC) {
        this.refuse(peer, 'TAK protobuf (0xBF) is not supported: set the device to send CoT XML');
        socket.destroy();
        return;
      }
      first = false;
      let events: string[];
      try {
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw new Error('the stream is not valid UTF-8');
        }
        events = splitter.push(text);
      } catch (err) {
        this.refuse(peer, err instanceof Error ? err.message : 'stream error');
        socket.destroy();
        return;
      }
      for (const xml of events) {
        const now = Date.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          inWindow = 0;
        }
        if (++inWindow > limit) {
          // Said once a second, not once an event: a flood must not flood the log too.
          if (inWindow === limit + 1) this.options.logger.warn({ peer }, `CoT refused from ${peer}: more than ${limit} events a second; the rest of this second are dropped`);
          this.stats.refused += 1;
          continue;
        }
        queue = queue.then(() => this.handle(xml, peer));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (splitter.pending.trim() !== '') this.refuse(peer, `the connection closed in the middle of an event (${splitter.pending.length} bytes): it was dropped`);
    });
  }

  private async handle(xml: string, peer: string): Promise<void> {
    try {
      const parsed = parseCotEvent(xml);
      if (!parsed.ok) {
        this.refuse(peer, parsed.reason);
        return;
      }
      const event = parsed.event;
      // Only things with a position on the ground that can be units: atoms and emergencies.
      if (!event.type.startsWith('a-') && event.emergency === null) {
        this.stats.ignored += 1;
        return;
      }
      const reply = await ingestPositions(this.options.tracker, { kind: 'trusted' }, [event.report]);
      if (!reply.ok) {
        if (reply.code === 'unknown_unit') this.warnUnknown(event.subjectUid, event.callsign);
        else this.refuse(peer, `${reply.message}: ${reply.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
        return;
      }
      if (reply.result.rejected.length > 0) {
        this.refuse(peer, reply.result.rejected.map((r) => r.reason).join('; '));
        return;
      }
      if (!event.emergency) await this.options.tracker.announceIdentity(event.subjectUid, event.callsign, event.group);
      else await this.options.tracker.setActivity(event.subjectUid, event.emergency === 'raised' ? 'sos' : 'on-patrol');
      this.stats.accepted += 1;
      if (event.emergency) {
        this.options.logger.warn({ uid: event.subjectUid, type: event.type }, `CoT emergency ${event.emergency} for ${event.subjectUid}`);
      }
    } catch (err) {
      this.options.logger.error({ err, peer }, 'CoT event could not be handled');
    }
  }

  private refuse(peer: string, reason: string): void {
    this.stats.refused += 1;
    this.options.logger.warn({ peer }, `CoT refused from ${peer}: ${reason}`);
  }

  /** Says once an hour per uid how to put an unknown TAK device on the roster. */
  private warnUnknown(uid: string, callsign: string | undefined): void {
    this.stats.refused += 1;
    const last = this.warnedUids.get(uid) ?? 0;
    if (Date.now() - last < 3600_000) return;
    this.warnedUids.set(uid, Date.now());
    this.options.logger.warn(
      { uid, callsign },
      `CoT from a uid not on the roster: ${uid}${callsign ? ` (${callsign})` : ''}; register it with \`npm run admin -- add-unit ${uid} …\``,
    );
  }
}
