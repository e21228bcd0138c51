/**
 * The scale-out commands: `ingest` (inputs → the NATS JetStream queue), `worker` (queue → store),
 * `status`, `retry` and `watch`. Registered on the program by `registerScaleCommands`.
 */
import { Command, Option } from 'commander';
import { analyzeInputs } from '../analyze/index.ts';
import type { Queue, QueueStatus } from '../queue/index.ts';
import { DEFAULT_MAX_BYTES, readInputs, watchFolder, type ReadItem } from '../read/index.ts';
import { forTerminal } from '../report/render.ts';
import type { Store } from '../store/index.ts';
import { EXIT, dbOption, positiveInt } from './main.ts';
import { openStoreFor } from './open.ts';

const queueOption = (required: boolean) => {
  const o = new Option('--queue <url>', 'NATS server with JetStream, e.g. nats://127.0.0.1:4222').env('STORYLINE_QUEUE');
  return required ? o.makeOptionMandatory() : o;
};
const streamOption = () => new Option('--stream <name>', 'JetStream stream name (its dead letters are NAME_DEAD)').default(DEFAULT_STREAM).env('STORYLINE_STREAM');
const formatOption = () => new Option('-f, --format <format>', 'output format: text or json (default: text on a terminal, json otherwise)').choices(['text', 'json']);

function chosenFormat(f: string | undefined): 'text' | 'json' {
  return (f as 'text' | 'json' | undefined) ?? (process.stdout.isTTY ? 'text' : 'json');
}

// The queue code (and the NATS client under it) is loaded when a scale-out command runs, not at
// the start of every `storyline` command: it costs most of a second to load.
const queue = () => import('../queue/index.ts');
/** Defaults shown in --help; the same values as src/queue (checked in test/scale-help.test.ts). */
const DEFAULT_STREAM = 'STORYLINE';
const DEFAULT_MAX_ATTEMPTS = 3;

const log = (line: string) => process.stderr.write(`storyline: ${forTerminal(line)}\n`);

/** SIGINT/SIGTERM stop a long-running command after the input in hand (a second signal exits). */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    log('stopping after the current input (send again to exit now)');
    controller.abort();
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  return controller.signal;
}

async function withQueue<T>(url: string, stream: string, name: string, fn: (q: Queue) => Promise<T>, ackWaitMs?: number): Promise<T> {
  const q = await (await queue()).openQueue(url, { stream, name, ackWaitMs });
  try {
    return await fn(q);
  } finally {
    await q.close();
  }
}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreFor(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function registerScaleCommands(cli: Command): void {
  cli
    .command('ingest')
    .description('queue files, folders, web archives, feeds and URLs for the workers (NATS JetStream)')
    .argument('<path...>', 'what `analyze` reads: files, folders, .warc(.gz), feeds, URLs; - for JSON Lines on standard input')
    .addOption(queueOption(true))
    .addOption(streamOption())
    .addOption(new Option('--db <url>', 'also prepare this store (apply migrations) before the workers start').env('DATABASE_URL'))
    .addOption(new Option('--max-bytes <n>', 'largest input accepted, in bytes').default(DEFAULT_MAX_BYTES).argParser(positiveInt))
    .option('--fetch', 'for feeds, queue the page each item links to instead of the feed\'s copy')
    .addOption(formatOption())
    .addHelpText('after', `
Examples:
  $ storyline ingest CC-NEWS-20250301.warc.gz --queue nats://127.0.0.1:4222
  $ storyline ingest scraped/ https://news.example/feed.rss --queue nats://127.0.0.1:4222 --db postgres://127.0.0.1/news
  $ cat articles.jsonl | storyline ingest - --queue nats://127.0.0.1:4222

Each input becomes one message; its id is a hash of its source and content, so ingesting the
same files again within 10 minutes queues nothing twice (counted as "duplicates"). Start
workers with \`storyline worker\` to analyse them.

Exit codes: 0 all inputs queued, 2 some inputs could not be read or queued, 1 usage error.`)
    .action(async (paths: string[], opts: { queue: string; stream: string; db?: string; maxBytes: number; fetch?: boolean; format?: string }) => {
      if (opts.db) await withStore(opts.db, async () => {});
      const outcome = await withQueue(opts.queue, opts.stream, 'storyline-ingest', async (q) =>
        (await queue()).publishInputs(q, readInputs(paths, { maxBytes: opts.maxBytes, fetchLinks: opts.fetch === true, onNote: (p, m) => log(`${p}: ${m}`) }), {
          onError: (path, reason) => log(`skipped ${path}: ${reason}`),
        }),
      );
      const { summary } = outcome;
      if (chosenFormat(opts.format) === 'json') process.stdout.write(`${JSON.stringify({ ...summary, stream: opts.stream, errors: outcome.errors })}\n`);
      else process.stdout.write(`queued ${summary.published} input(s) on ${opts.stream}${summary.duplicates ? `, ${summary.duplicates} already queued` : ''}${summary.failed ? `, ${summary.failed} failed` : ''}\n`);
      if (summary.published + summary.duplicates === 0) process.exitCode = EXIT.usage;
      else if (summary.failed) process.exitCode = EXIT.partial;
    });

  cli
    .command('worker')
    .description('analyse queued inputs into the store; run as many as you like, on any machine')
    .addOption(queueOption(true))
    .addOption(streamOption())
    .addOption(dbOption())
    .addOption(new Option('--max-attempts <n>', 'deliveries before an input goes to the dead letters').default(DEFAULT_MAX_ATTEMPTS).argParser(positiveInt))
    .addOption(new Option('--ack-wait <seconds>', 'redeliver an input whose worker has not answered in this time (sets it for all workers)').argParser(positiveInt))
    .option('--exit-when-empty', 'stop when the queue has nothing left (for batch jobs)')
    .option('--verbose', 'one line on stderr per stored input')
    .addHelpText('after', `
Examples:
  $ storyline worker --queue nats://127.0.0.1:4222 --db postgres://postgres@127.0.0.1:5432/test
  $ DATABASE_URL=postgres://127.0.0.1/news STORYLINE_QUEUE=nats://127.0.0.1:4222 storyline worker &
  $ storyline worker --queue nats://127.0.0.1:4222 --db postgres://127.0.0.1/news --exit-when-empty

An input is acknowledged only once it is stored, so killing a worker loses nothing: its inputs
are delivered again. Inputs that cannot be analysed, or were delivered --max-attempts times
without an answer, go to the dead letters (see \`storyline status\`, \`storyline retry\`).
Ctrl-C (or SIGTERM) stops after the input in hand.`)
    .action(async (opts: { queue: string; stream: string; db: string; maxAttempts: number; ackWait?: number; exitWhenEmpty?: boolean; verbose?: boolean }) => {
      const signal = stopSignal();
      await withStore(opts.db, (store) =>
        withQueue(opts.queue, opts.stream, `storyline-worker-${process.pid}`, async (q) => {
          log(`worker ${process.pid}: ${q.names.stream} at ${q.url} into ${store.description}`);
          const summary = await (await queue()).runWorker(q, store, {
            maxAttempts: opts.maxAttempts,
            exitWhenEmpty: opts.exitWhenEmpty === true,
            signal,
            onEvent: (e) => {
              if (e.type === 'dead') log(`dead letter ${e.source} (after ${e.deliveries} deliver${e.deliveries === 1 ? 'y' : 'ies'}): ${e.reason}`);
              else if (e.type === 'requeued') log(`back to the queue ${e.source}: ${e.reason}`);
              else if (e.type === 'waiting') log(`waiting: ${e.reason}`);
              else if (opts.verbose) log(`${e.analysed ? 'stored' : 'already stored'} ${e.source}`);
            },
          });
          log(`worker ${process.pid}: ${summary.received} received, ${summary.analysed} stored, ${summary.unchanged} already stored, ${summary.dead} dead letters, ${summary.requeued} requeued`);
          // What bounds adding workers: the share of each input spent holding the grouping lock
          // (bench/workers.ts reads this line).
          const lock = store.db.lockStats;
          if (lock && summary.busyMs > 0) {
            log(`worker ${process.pid}: busy ${(summary.busyMs / 1000).toFixed(1)} s, holding the grouping lock ${(lock.heldMs / 1000).toFixed(1)} s (${Math.round((100 * lock.heldMs) / summary.busyMs)}%), waiting for it ${(lock.waitMs / 1000).toFixed(1)} s, ${summary.replanned} grouping plans made again under it`);
          }
        }, opts.ackWait ? opts.ackWait * 1000 : undefined),
      );
    });

  cli
    .command('status')
    .description('queue depth, workers, throughput (stored articles in the last minute), failures and dead letters')
    .addOption(queueOption(true))
    .addOption(streamOption())
    .addOption(new Option('--db <url>', 'the store, for throughput and counts').env('DATABASE_URL'))
    .option('--retry', 'then put every dead letter back on the queue (as `storyline retry`)')
    .addOption(formatOption())
    .addHelpText('after', `
Examples:
  $ storyline status --queue nats://127.0.0.1:4222 --db postgres://127.0.0.1/news
  $ watch -n 2 storyline status --queue nats://127.0.0.1:4222 --format text
  $ storyline status --queue nats://127.0.0.1:4222 --format json | jq .deadLetters`)
    .action(async (opts: { queue: string; stream: string; db?: string; retry?: boolean; format?: string }) => {
      const status = await withQueue(opts.queue, opts.stream, 'storyline-status', async (q) => {
        const { queueStatus, retryDead } = await queue();
        const s = opts.db ? await withStore(opts.db, (store) => queueStatus(q, store)) : await queueStatus(q);
        const retried = opts.retry ? await retryDead(q) : undefined;
        return { ...s, ...(retried ? { retried: retried.retried } : {}) };
      });
      process.stdout.write(chosenFormat(opts.format) === 'json' ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status));
    });

  cli
    .command('retry')
    .description('put every dead letter back on the queue, for the workers to try again')
    .addOption(queueOption(true))
    .addOption(streamOption())
    .addHelpText('after', `
Examples:
  $ storyline retry --queue nats://127.0.0.1:4222
  $ storyline status --queue nats://127.0.0.1:4222 --retry`)
    .action(async (opts: { queue: string; stream: string }) => {
      const r = await withQueue(opts.queue, opts.stream, 'storyline-retry', async (q) => (await queue()).retryDead(q));
      process.stdout.write(`requeued ${r.retried} dead letter(s)\n`);
      for (const f of r.failed) log(`dead letter ${f.seq} not requeued: ${f.reason}`);
      if (r.failed.length) process.exitCode = EXIT.partial;
    });

  cli
    .command('watch')
    .description('analyse (or, with --queue, queue) the files a scraper drops into a folder, as they arrive')
    .argument('<dir>', 'the folder to watch (recursive; files are taken once they stop growing)')
    .addOption(queueOption(false))
    .addOption(streamOption())
    .addOption(dbOption())
    .addOption(new Option('--interval <ms>', 'how often to look').default(1000).argParser(positiveInt))
    .addOption(new Option('--settle <ms>', 'how long a file must stay unchanged before it is read').default(2000).argParser(positiveInt))
    .addOption(new Option('--max-bytes <n>', 'largest input accepted, in bytes').default(DEFAULT_MAX_BYTES).argParser(positiveInt))
    .addHelpText('after', `
Examples:
  $ storyline watch ./incoming --db postgres://127.0.0.1/news
  $ storyline watch ./incoming --queue nats://127.0.0.1:4222

Without --queue each file is analysed into the store (--db) here; with it, queued for the
workers. Runs until Ctrl-C or SIGTERM.`)
    .action(async (dir: string, opts: { queue?: string; stream: string; db: string; interval: number; settle: number; maxBytes: number }) => {
      const signal = stopSignal();
      const items: AsyncIterable<ReadItem> = watchFolder(dir, { intervalMs: opts.interval, settleMs: opts.settle, maxBytes: opts.maxBytes, signal, onNote: (p, m) => log(`${p}: ${m}`) });
      const onError = (path: string, reason: string) => log(`skipped ${path}: ${reason}`);
      log(`watching ${dir}${opts.queue ? ` for ${opts.stream} at ${opts.queue}` : ''}`);
      if (opts.queue) {
        const r = await withQueue(opts.queue, opts.stream, 'storyline-watch', async (q) => (await queue()).publishInputs(q, items, { onError, onInput: (_, source) => log(`queued ${source}`) }));
        log(`queued ${r.summary.published}, ${r.summary.duplicates} already queued, ${r.summary.failed} failed`);
      } else {
        const r = await withStore(opts.db, (store) => analyzeInputs(store, items, { onError: (e) => onError(e.path, e.reason), onInput: (_, source) => log(`analysed ${source}`) }));
        log(`analysed ${r.summary.analysed}, ${r.summary.unchanged} already stored, ${r.summary.failed} failed`);
      }
    });
}

function renderStatus(s: QueueStatus & { retried?: number }): string {
  const lines = [
    `queue ${s.stream}: ${s.depth} to do (${s.inProgress} with a worker), ${s.redelivered} redelivered`,
    `workers waiting for work: ${s.idleWorkerRequests} (open pull requests on ${s.consumers} JetStream consumer${s.consumers === 1 ? '' : 's'})`,
  ];
  if (s.store) lines.push(`store: ${s.store.articles} articles, ${s.store.stories} stories; ${s.store.storedLastMinute} stored in the last minute (${s.store.perSecond}/s)`);
  lines.push(`dead letters: ${s.deadLetters}${s.retried !== undefined ? ` (${s.retried} requeued now)` : ''}`);
  for (const d of s.recentDead) lines.push(`  #${d.seq} ${d.source} (${d.deliveries} deliveries, ${d.failedAt}): ${d.error}`);
  return `${lines.map(forTerminal).join('\n')}\n`;
}
