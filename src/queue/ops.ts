/**
 * What `ingest`, `status` and `retry` do with the queue: publish inputs, report depth and
 * failures, and put dead letters back to work. Batch operations give per-input status.
 */
import type { MsgHdrs } from '@nats-io/transport-node';
import type { ReadItem } from '../read/index.ts';
import type { Store } from '../store/index.ts';
import { copyHeaders, DEAD_HEADERS, describeDead, encodeInput, type DeadLetter, type Queue } from './queue.ts';

export interface IngestSummary {
  inputs: number;
  /** Queued now. */
  published: number;
  /** Already queued (same source and content within the duplicate window): not queued again. */
  duplicates: number;
  failed: number;
}

export interface IngestOptions {
  onError?: (path: string, reason: string) => void;
  onInput?: (summary: IngestSummary, source: string) => void;
  /** Publishes awaiting their acknowledgement at once (pipelining; each is still confirmed). */
  window?: number;
}

/** How long a publish keeps retrying while NATS is unreachable (a restart takes seconds). */
const PUBLISH_RETRY_MS = 60_000;

export async function publishInputs(q: Queue, items: AsyncIterable<ReadItem>, options: IngestOptions = {}): Promise<{ summary: IngestSummary; errors: Array<{ path: string; reason: string }> }> {
  const summary: IngestSummary = { inputs: 0, published: 0, duplicates: 0, failed: 0 };
  const errors: Array<{ path: string; reason: string }> = [];
  const maxPayload = q.nc.info?.max_payload ?? 1024 * 1024;
  const inFlight = new Set<Promise<void>>();
  const fail = (path: string, reason: string) => {
    summary.failed++;
    errors.push({ path, reason });
    options.onError?.(path, reason);
  };
  for await (const item of items) {
    summary.inputs++;
    if (!item.ok) {
      fail(item.path, item.reason);
      options.onInput?.(summary, item.path);
      continue;
    }
    const message = encodeInput(item.input);
    if (message.data.length > maxPayload - 4096) {
      fail(item.input.source, `${message.data.length} bytes is over the NATS server's message limit (max_payload ${maxPayload})`);
      continue;
    }
    const source = item.input.source;
    const p = publish(q, q.names.subject, message.data, message.headers, message.id)
      .then((ack) => {
        if (ack.duplicate) summary.duplicates++;
        else summary.published++;
      }, (e: Error) => fail(source, `not queued: ${e.message}`))
      .finally(() => {
        inFlight.delete(p);
        options.onInput?.(summary, source);
      });
    inFlight.add(p);
    if (inFlight.size >= (options.window ?? 64)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { summary, errors };
}

/** A confirmed publish, retried (same id, so never twice in the stream) while NATS is away. */
export async function publish(q: Queue, subject: string, data: Uint8Array, headers: MsgHdrs, msgID: string): Promise<{ duplicate: boolean }> {
  const deadline = Date.now() + PUBLISH_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await q.js.publish(subject, data, { msgID, headers, timeout: 5000 });
    } catch (e) {
      if (Date.now() > deadline || !transientNatsError(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.min(2000, 200 * 2 ** attempt)));
    }
  }
}

function transientNatsError(e: unknown): boolean {
  const text = `${(e as Error)?.name ?? ''} ${(e as Error)?.message ?? ''}`.toLowerCase();
  return /timeout|no responders|disconnect|closed|reconnect|connection/.test(text);
}

export interface QueueStatus {
  stream: string;
  /** Inputs not yet done: waiting for a worker, or with one and not yet acknowledged. */
  depth: number;
  /** Messages held by the work stream (normally the same as depth; see queueStatus). */
  streamMessages: number;
  /** Of those, handed to a worker and not yet acknowledged. */
  inProgress: number;
  redelivered: number;
  /** Pull requests waiting: workers idle for lack of work. */
  idleWorkerRequests: number;
  consumers: number;
  deadLetters: number;
  recentDead: DeadLetter[];
  store?: { articles: number; stories: number; storedLastMinute: number; perSecond: number };
}

export async function queueStatus(q: Queue, store?: Store, recent = 10): Promise<QueueStatus> {
  const { names, jsm } = q;
  const [work, consumer, dead] = await Promise.all([jsm.streams.info(names.stream), jsm.consumers.info(names.stream, names.consumer), jsm.streams.info(names.deadStream)]);
  let consumers = 0;
  for await (const _ of jsm.consumers.list(names.stream)) consumers++;
  const recentDead: DeadLetter[] = [];
  for (let seq = dead.state.last_seq; seq >= dead.state.first_seq && seq > 0 && recentDead.length < recent; seq--) {
    const m = await jsm.streams.getMessage(names.deadStream, { seq }).catch(() => null);
    if (m) recentDead.push(describeDead(seq, m.header));
  }
  const status: QueueStatus = {
    stream: names.stream,
    // From the consumer, which is what the workers will still be given. After a NATS crash the
    // stream can keep messages whose acknowledgement it had not yet written to disk, while the
    // consumer's state already has them done: they are counted in streamMessages only.
    depth: consumer.num_pending + consumer.num_ack_pending,
    streamMessages: work.state.messages,
    inProgress: consumer.num_ack_pending,
    redelivered: consumer.num_redelivered,
    idleWorkerRequests: consumer.num_waiting,
    consumers,
    deadLetters: dead.state.messages,
    recentDead,
  };
  if (store) {
    const [counts, lastMinute] = await Promise.all([store.counts(), store.storedSince(60)]);
    status.store = { ...counts, storedLastMinute: lastMinute, perSecond: +(lastMinute / 60).toFixed(1) };
  }
  return status;
}

/**
 * Republishes every dead letter to the work stream (without its error headers) and removes it
 * from the dead letters. A fresh message id, since the first one may still be in the duplicate
 * window; storing twice is still impossible, the store recognises content it has.
 */
export async function retryDead(q: Queue): Promise<{ retried: number; failed: Array<{ seq: number; reason: string }> }> {
  const { names, jsm } = q;
  const dead = await jsm.streams.info(names.deadStream);
  let retried = 0;
  const failed: Array<{ seq: number; reason: string }> = [];
  for (let seq = dead.state.first_seq; seq <= dead.state.last_seq && seq > 0; seq++) {
    const m = await jsm.streams.getMessage(names.deadStream, { seq }).catch(() => null);
    if (!m) continue;
    try {
      const id = `${m.header?.get('Nats-Msg-Id') || `dead-${seq}`}-retry-${Date.now()}`;
      await publish(q, names.subject, m.data, copyHeaders(m.header, DEAD_HEADERS), id);
      await jsm.streams.deleteMessage(names.deadStream, seq);
      retried++;
    } catch (e) {
      failed.push({ seq, reason: (e as Error).message });
    }
  }
  return { retried, failed };
}
