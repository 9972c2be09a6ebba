import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ClusterEnvelope, type ClusterMessage } from './messages.js';

/** What the server nodes tell each other that Socket.IO's broadcasts do not carry. */
export interface ClusterBus {
  /** Sends to every other node (never back to this one). */
  publish(message: ClusterMessage): void;
  onMessage(listener: (message: ClusterMessage) => void): () => void;
}

/** A server on its own: there is nobody to tell. */
export class LocalBus implements ClusterBus {
  publish(): void {}

  onMessage(): () => void {
    return () => undefined;
  }
}

/**
 * The bus over Redis pub/sub: one channel, each message once as JSON with its sender's id. Redis
 * hands one sender's messages to every subscriber in the order they were sent, so a node applies
 * another's changes in the order they were made. Messages are checked on arrival like any input.
 */
export class RedisBus implements ClusterBus {
  private readonly listeners = new Set<(message: ClusterMessage) => void>();

  private constructor(
    private readonly pub: Redis,
    private readonly channel: string,
    private readonly nodeId: string,
    private readonly logger: Logger,
  ) {}

  /** `sub` is given over to the bus: it stays subscribed to the channel. */
  static async open(options: { pub: Redis; sub: Redis; channel: string; nodeId: string; logger: Logger }): Promise<RedisBus> {
    const bus = new RedisBus(options.pub, options.channel, options.nodeId, options.logger);
    options.sub.on('message', (channel: string, text: string) => {
      if (channel === options.channel) bus.receive(text);
    });
    await options.sub.subscribe(options.channel);
    return bus;
  }

  publish(message: ClusterMessage): void {
    const envelope: ClusterEnvelope = { from: this.nodeId, message };
    this.pub.publish(this.channel, JSON.stringify(envelope)).catch((err: unknown) => {
      this.logger.error({ err, type: message.type }, 'could not tell the other server nodes of a change');
    });
  }

  onMessage(listener: (message: ClusterMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.logger.warn({ channel: this.channel }, 'ignored a message on the cluster channel that is not JSON');
      return;
    }
    const parsed = ClusterEnvelope.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn({ channel: this.channel, issues: parsed.error.issues.slice(0, 5) }, 'ignored a message on the cluster channel this server cannot read');
      return;
    }
    if (parsed.data.from === this.nodeId) return;
    for (const listener of this.listeners) listener(parsed.data.message);
  }
}
