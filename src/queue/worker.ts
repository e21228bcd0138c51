/**
 * A worker: takes inputs from the shared consumer, analyses each, stores it in one transaction
 * (the grouping step serialised across workers by the store's `group` lock), and acknowledges it
 * only after the commit. Redelivery after a crash is harmless: the store recognises content it
 * already has, checked again under the lock.
 *
 * Failures, by kind:
 * - the input is bad (no text, undecodable) or the analyser throws on it: it will fail the same
 *   way every time, so it goes to the dead letters at once, with the reason;
 * - the store is unreachable (PostgreSQL restarting): retried in-process with backoff, keeping the
 *   message's ack deadline alive, then handed back to the queue (nak) for a later delivery;
 * - delivered more than `maxAttempts` times (its workers crashed or timed out on it): dead letter
 *   without another try, so an input that kills its worker cannot take down worker after worker.
 */
import type { JsMsg } from '@nats-io/jetstream';
import { analyzeInputs, type AnalyzeOptions } from '../analyze/index.ts';
import type { RawInput } from '../article/article.ts';
import type { Store } from '../store/index.ts';
import { publish } from './ops.ts';
import { deadHeaders, decodeInput, type Queue } from './queue.ts';

export const DEFAULT_MAX_ATTEMPTS = 3;
/** How long one input keeps retrying an unreachable store before it goes back to the queue. */
const STORE_RETRY_MS = 60_000;

export interface WorkerSummary {
  received: number;
  analysed: number;
  unchanged: number;
  dead: number;
  requeued: number;
  /** Time spent handling inputs (pulls and idle waits excluded), in ms. */
  busyMs: number;
  /** Articles whose grouping plan was stale by the time this worker took the lock, and was made again under it. */
  replanned: number;
}

export type WorkerEvent =
  | { type: 'stored'; source: string; analysed: boolean }
  | { type: 'dead'; source: string; reason: string; deliveries: number }
  | { type: 'requeued'; source: string; reason: string }
  | { type: 'waiting'; reason: string };

export interface WorkerOptions extends Pick<AnalyzeOptions, 'exactLimit'> {
  maxAttempts?: number;
  /** Stop after the queue has had nothing for this worker for one fetch (`--exit-when-empty`). */
  exitWhenEmpty?: boolean;
  /** Messages fetched per pull request. */
  batch?: number;
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

export async function runWorker(q: Queue, store: Store, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const summary: WorkerSummary = { received: 0, analysed: 0, unchanged: 0, dead: 0, requeued: 0, busyMs: 0, replanned: 0 };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const emit = options.onEvent ?? (() => {});
  const consumer = await q.js.consumers.get(q.names.stream, q.names.consumer);
  const ackWaitMs = Math.max(1000, ((await consumer.info()).config.ack_wait ?? 30e9) / 1e6);
  // Test-only hooks, since no real input is known to crash the analyser: the analyser throws on
  // every input whose content contains STORYLINE_TEST_POISON, and the worker process dies
  // (SIGKILL, no cleanup, as an out-of-memory kill would) on one containing STORYLINE_TEST_POISON_KILL.
  const poison = process.env.STORYLINE_TEST_POISON || null;
  const killer = process.env.STORYLINE_TEST_POISON_KILL || null;

  while (!options.signal?.aborted) {
    let got = 0;
    try {
      // One message per pull: the pull is complete once the message arrives, so no heartbeat
      // timer runs while the analysis keeps the event loop busy (with larger batches nats.js
      // reports "heartbeats missed" under load and drops the rest of the batch until redelivery).
      const batch = await consumer.fetch({ max_messages: options.batch ?? 1, expires: 2000 });
      for await (const m of batch) {
        got++;
        const t = performance.now();
        await handle(m);
        summary.busyMs += performance.now() - t;
        if (options.signal?.aborted) break;
      }
    } catch (e) {
      // NATS away (restarting) or the pull failed: wait and pull again; the client reconnects.
      emit({ type: 'waiting', reason: (e as Error).message });
      await sleep(1000);
      continue;
    }
    if (got === 0 && options.exitWhenEmpty) {
      const info = await consumer.info().catch(() => null);
      if (info && info.num_pending === 0 && info.num_ack_pending === 0) break;
    }
  }
  return summary;

  async function handle(m: JsMsg): Promise<void> {
    summary.received++;
    const deliveries = m.info.deliveryCount;
    let input: RawInput;
    try {
      input = decodeInput(m.data, m.headers);
    } catch (e) {
      await dead(m, '(unreadable message)', (e as Error).message, deliveries);
      return;
    }
    if (deliveries > maxAttempts) {
      await dead(m, input.source, `delivered ${deliveries} times without being acknowledged: each time its worker crashed, timed out or could not reach the store`, deliveries);
      return;
    }
    // Keeps the ack deadline from passing while a slow input is analysed or the store is retried.
    const keepAlive = setInterval(() => m.working(), Math.max(500, ackWaitMs / 3));
    try {
      if (poison || killer) {
        const text = input.content ?? Buffer.from(input.bytes ?? []).toString('latin1');
        if (killer && text.includes(killer)) process.kill(process.pid, 'SIGKILL');
        if (poison && text.includes(poison)) throw new Error('the analyser crashed (STORYLINE_TEST_POISON)');
      }
      const outcome = await withStoreRetry(() => analyzeInputs(store, single(input), options), (reason) => emit({ type: 'waiting', reason }));
      const error = outcome.errors[0];
      if (error) {
        await dead(m, input.source, error.reason, deliveries);
        return;
      }
      m.ack();
      summary.replanned += outcome.replanned;
      if (outcome.summary.analysed) summary.analysed++;
      else summary.unchanged++;
      emit({ type: 'stored', source: input.source, analysed: outcome.summary.analysed > 0 });
    } catch (e) {
      const reason = (e as Error).message;
      if (transientStoreError(e)) {
        m.nak(5000);
        summary.requeued++;
        emit({ type: 'requeued', source: input.source, reason });
      } else {
        await dead(m, input.source, reason, deliveries);
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Publishes the dead letter (confirmed), then acknowledges the input: never lost between the two. */
  async function dead(m: JsMsg, source: string, reason: string, deliveries: number): Promise<void> {
    try {
      const id = m.headers?.get('Nats-Msg-Id');
      await publish(q, q.names.deadSubject, m.data, deadHeaders(m.headers, reason, deliveries), id ? `dead-${id}-${deliveries}` : `dead-${m.info.streamSequence}-${deliveries}`);
      m.ack();
      summary.dead++;
      emit({ type: 'dead', source, reason, deliveries });
    } catch (e) {
      m.nak(5000);
      summary.requeued++;
      emit({ type: 'requeued', source, reason: `could not write the dead letter: ${(e as Error).message}` });
    }
  }
}

async function* single(input: RawInput) {
  yield { ok: true as const, input };
}

/** Connection-level failures that a restart of PostgreSQL causes (SQLSTATE classes 08, 57P). */
export function transientStoreError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  if (/^08|^57P0[1-3]$|^53300$|^ECONNREFUSED$|^ECONNRESET$|^EPIPE$|^ETIMEDOUT$/.test(code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection/i.test((e as Error)?.message ?? '');
}

async function withStoreRetry<T>(fn: () => Promise<T>, onWait: (reason: string) => void): Promise<T> {
  const deadline = Date.now() + STORE_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!transientStoreError(e) || Date.now() > deadline) throw e;
      onWait(`store unreachable, retrying: ${(e as Error).message}`);
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
