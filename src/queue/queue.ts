/**
 * The work queue on NATS JetStream: one work-queue stream of raw inputs, one durable pull consumer
 * that every worker shares (JetStream hands each message to one of them), and a dead-letter stream
 * for inputs that failed. Names derive from one stream name, so several queues (or test runs) can
 * share a server.
 *
 * Delivery is at least once: a message is acknowledged only after its input is committed to the
 * store, so a worker that dies mid-input leaves it to be redelivered once the ack deadline passes
 * (JetStream docs, "Consumers: AckPolicy explicit, AckWait"). Publishing is deduplicated by the
 * `Nats-Msg-Id` header within the stream's duplicate window, so re-running an ingest does not
 * queue the same input twice; the store's content addressing makes any redelivery harmless.
 */
import { createHash } from 'node:crypto';
import { connect, headers as natsHeaders, nanos, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { InputKind, RawInput } from '../article/article.ts';

export const DEFAULT_STREAM = 'STORYLINE';
export const DEFAULT_ACK_WAIT_MS = 30_000;
/** How long JetStream remembers a message id for deduplication (its default is 2 minutes). */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
const CONSUMER = 'workers';

export interface QueueNames {
  stream: string;
  subject: string;
  deadStream: string;
  deadSubject: string;
  consumer: string;
}

export function queueNames(stream = DEFAULT_STREAM): QueueNames {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream)) throw new Error(`invalid stream name '${stream}' (letters, digits, _ and - only)`);
  const base = stream.toLowerCase();
  return { stream, subject: `${base}.inputs`, deadStream: `${stream}_DEAD`, deadSubject: `${base}.dead`, consumer: CONSUMER };
}

export interface Queue {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  names: QueueNames;
  url: string;
  close(): Promise<void>;
}

export interface OpenQueueOptions {
  stream?: string;
  /** Ack deadline of the shared consumer; set when given, else left as it is (default 30 s). */
  ackWaitMs?: number;
  /** Connection name shown by the server (`nats server report connections`). */
  name?: string;
}

/**
 * Connects and makes sure the streams and the consumer exist. Reconnects forever: a worker should
 * ride out a NATS restart, not exit (nats.js docs, "Reconnecting").
 */
export async function openQueue(url: string, options: OpenQueueOptions = {}): Promise<Queue> {
  if (!/^(nats|tls):\/\/[^/]+$/.test(url)) throw new Error(`--queue ${url}: expected a NATS URL such as nats://127.0.0.1:4222`);
  const names = queueNames(options.stream);
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: url, name: options.name ?? 'storyline', maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 5000 });
  } catch (e) {
    throw new Error(`cannot connect to NATS at ${url}: ${(e as Error).message}`);
  }
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, names, options.ackWaitMs);
    return { nc, js: jetstream(nc), jsm, names, url, close: () => nc.drain().catch(() => nc.close()) };
  } catch (e) {
    await nc.close();
    throw new Error(`cannot set up the JetStream queue ${names.stream} at ${url}: ${(e as Error).message}`);
  }
}

async function ensureStreams(jsm: JetStreamManager, n: QueueNames, ackWaitMs: number | undefined): Promise<void> {
  // Adding a stream or consumer with the same configuration again is a no-op, so workers
  // starting together need no coordination here.
  await addOrKeep(() => jsm.streams.info(n.stream), () => jsm.streams.add({
    name: n.stream, subjects: [n.subject], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  }));
  await addOrKeep(() => jsm.streams.info(n.deadStream), () => jsm.streams.add({
    name: n.deadStream, subjects: [n.deadSubject], retention: RetentionPolicy.Limits, storage: StorageType.File,
  }));
  const existing = await jsm.consumers.info(n.stream, n.consumer).catch(() => null);
  if (!existing) {
    await addOrKeep(() => jsm.consumers.info(n.stream, n.consumer), () => jsm.consumers.add(n.stream, {
      durable_name: n.consumer,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs ?? DEFAULT_ACK_WAIT_MS),
      // Unlimited here: the worker counts deliveries itself and moves an input that keeps failing
      // (or keeps killing its worker) to the dead letters, where JetStream's own max_deliver would
      // leave it stranded in the stream, never delivered and never reported.
      max_deliver: -1,
      max_ack_pending: 1000,
    }));
  } else if (ackWaitMs !== undefined && existing.config.ack_wait !== nanos(ackWaitMs)) {
    await jsm.consumers.update(n.stream, n.consumer, { ack_wait: nanos(ackWaitMs) });
  }
}

async function addOrKeep(info: () => Promise<unknown>, add: () => Promise<unknown>): Promise<void> {
  if (await info().then(() => true, () => false)) return;
  try {
    await add();
  } catch (e) {
    if (!(await info().then(() => true, () => false))) throw e; // someone else created it meanwhile: fine
  }
}

/** Header names; values are percent-encoded (NATS headers are single-line ASCII). */
const H = {
  source: 'Storyline-Source', kind: 'Storyline-Kind', encoding: 'Storyline-Encoding', url: 'Storyline-Url', title: 'Storyline-Title',
  published: 'Storyline-Published', outlet: 'Storyline-Outlet', contentType: 'Storyline-Content-Type', diagnostics: 'Storyline-Diagnostics',
  error: 'Storyline-Error', deliveries: 'Storyline-Deliveries', failedAt: 'Storyline-Failed-At',
} as const;
export const DEAD_HEADERS = [H.error, H.deliveries, H.failedAt];

export interface Encoded {
  data: Uint8Array;
  headers: MsgHdrs;
  /** Content hash of source and payload: the JetStream message id. */
  id: string;
}

/** A raw input as a message: the payload is its bytes (or its text, UTF-8), its metadata in headers. */
export function encodeInput(input: RawInput): Encoded {
  const data = input.bytes ?? Buffer.from(input.content ?? '', 'utf8');
  const h = natsHeaders();
  const set = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined) h.set(name, encodeURIComponent(value));
  };
  set(H.source, input.source);
  set(H.kind, input.kind);
  set(H.encoding, input.bytes ? 'bytes' : 'text');
  set(H.url, input.url);
  set(H.title, input.title);
  set(H.published, input.published);
  set(H.outlet, input.outlet);
  set(H.contentType, input.contentType);
  if (input.diagnostics?.length) set(H.diagnostics, JSON.stringify(input.diagnostics));
  const id = createHash('sha256').update(input.source).update('\0').update(data).digest('hex').slice(0, 32);
  return { data, headers: h, id };
}

export function decodeInput(data: Uint8Array, h: MsgHdrs | undefined): RawInput {
  const get = (name: string): string | null => {
    const v = h?.get(name);
    return v ? decodeURIComponent(v) : null;
  };
  const source = get(H.source);
  const kind = get(H.kind);
  if (!source || (kind !== 'text' && kind !== 'html')) throw new Error('not a Storyline input message (no source or kind header)');
  const input: RawInput = { source, kind: kind as InputKind, url: get(H.url), title: get(H.title), published: get(H.published), outlet: get(H.outlet) };
  if (get(H.encoding) === 'bytes') input.bytes = data;
  else input.content = Buffer.from(data).toString('utf8');
  const contentType = get(H.contentType);
  if (contentType) input.contentType = contentType;
  const diagnostics = get(H.diagnostics);
  if (diagnostics) input.diagnostics = JSON.parse(diagnostics) as RawInput['diagnostics'];
  return input;
}

/** The headers of a dead letter: the input's own, plus why and when it failed. */
export function deadHeaders(original: MsgHdrs | undefined, error: string, deliveries: number): MsgHdrs {
  const h = copyHeaders(original, DEAD_HEADERS);
  h.set(H.error, encodeURIComponent(error.slice(0, 2000)));
  h.set(H.deliveries, String(deliveries));
  h.set(H.failedAt, new Date().toISOString());
  return h;
}

/** A copy of headers without the named ones (and without Nats-Msg-Id, which the publisher sets). */
export function copyHeaders(original: MsgHdrs | undefined, drop: string[] = []): MsgHdrs {
  const h = natsHeaders();
  const skip = new Set([...drop, 'Nats-Msg-Id'].map((k) => k.toLowerCase()));
  if (original) for (const [k, values] of original) if (!skip.has(k.toLowerCase())) for (const v of values) h.append(k, v);
  return h;
}

export interface DeadLetter {
  seq: number;
  source: string;
  error: string;
  deliveries: number;
  failedAt: string;
}

export function describeDead(seq: number, h: MsgHdrs | undefined): DeadLetter {
  const get = (name: string) => {
    const v = h?.get(name);
    return v ? decodeURIComponent(v) : '';
  };
  return { seq, source: get(H.source), error: get(H.error), deliveries: Number(get(H.deliveries) || 0), failedAt: get(H.failedAt) };
}
