/**
 * `npm run bench:workers`: throughput of `storyline worker` on PostgreSQL and NATS JetStream with 1
 * and then 2 worker processes, on the corpus of `npm run bench` (bench/corpus.ts).
 *
 * For each worker count: a fresh schema and stream; the corpus is queued (timed as `ingest`);
 * then N `bin/storyline worker --exit-when-empty` processes run. Throughput is articles stored
 * divided by the span between the first and the last commit (from `created_at`), so process
 * start-up is not counted; peak memory is each worker's VmHWM from /proc; `lock` is the share of
 * the workers' busy time spent holding the grouping lock, and the speed-up it allows two workers;
 * `cpu` is the processor time the workers, the PostgreSQL server and NATS used (from /proc), and
 * the speed-up the machine's cores allow at that cost per article. Prints one JSON object.
 *
 *   npm run bench:workers                          # 20,000 articles (the issue's figure; long)
 *   npm run bench:workers -- --articles 2000       # quicker
 *   npm run bench:workers -- --workers 1,2,3
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openQueue, publishInputs } from '../src/queue/index.ts';
import { readInputs } from '../src/read/index.ts';
import { buildCorpus, header } from './corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    workers: { type: 'string', default: '1,2' },
    db: { type: 'string', default: process.env.STORYLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test' },
    queue: { type: 'string', default: process.env.STORYLINE_TEST_NATS ?? 'nats://127.0.0.1:4222' },
  },
});
const BIN = join(import.meta.dirname, '..', 'bin', 'storyline');

/** Peak resident memory of a process so far (VmHWM), in MB, or 0 once it is gone. */
function peakMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * The workers' own account of the grouping lock (their last log line): the share of their busy
 * time spent holding it. With a share s, N workers cannot be more than 1 / (s + (1 - s) / N) times
 * faster than one (Amdahl's law), whatever the cores.
 */
function lockShare(logs: string[]) {
  let busy = 0;
  let held = 0;
  let waited = 0;
  let replanned = 0;
  for (const log of logs) {
    const m = /busy ([\d.]+) s, holding the grouping lock ([\d.]+) s \(\d+%\), waiting for it ([\d.]+) s, (\d+) grouping plans/.exec(log);
    if (!m) continue;
    busy += Number(m[1]);
    held += Number(m[2]);
    waited += Number(m[3]);
    replanned += Number(m[4]);
  }
  if (!busy) return null;
  const share = held / busy;
  return {
    busySeconds: +busy.toFixed(1),
    heldSeconds: +held.toFixed(1),
    waitSeconds: +waited.toFixed(1),
    heldShare: +share.toFixed(2),
    replanned,
    amdahlBound2Workers: +(1 / (share + (1 - share) / 2)).toFixed(2),
  };
}

const TICKS = 100; // USER_HZ: /proc reports CPU time in clock ticks of 1/100 s on Linux (proc(5))

/**
 * A process's command name and CPU time so far, in seconds: its own (utime + stime) and its
 * exited children's (cutime + cstime); null once it is gone. proc(5): the fields after the
 * command name, which may hold spaces, so read after its closing parenthesis.
 */
function procCpu(pid: number | string): { name: string; own: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), own: (f[11]! + f[12]!) / TICKS, children: (f[13]! + f[14]!) / TICKS };
  } catch {
    return null;
  }
}

/** CPU seconds of every live process whose command is `name`, with its exited children's. */
function cpuOf(name: string): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    const p = /^\d+$/.test(d) ? procCpu(d) : null;
    if (p?.name === name) total += p.own + p.children;
  }
  return total;
}

/** Busy and total CPU time of the whole machine so far (all cores), in seconds, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = v.map(Number);
  const idle = n[3]! + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

async function runWith(workers: number, corpusDir: string) {
  const tag = `${Date.now().toString(36)}_${workers}`;
  const schema = `storyline_bench_${tag}`;
  const stream = `BENCH_${tag}`.toUpperCase();
  const db = `${values.db}?schema=${schema}`;
  const client = new pg.Client({ connectionString: values.db });
  await client.connect();
  const q = await openQueue(values.queue!, { stream });
  try {
    let t = performance.now();
    const ingest = await publishInputs(q, readInputs([corpusDir]));
    const ingestSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const before = { postgres: cpuOf('postgres'), nats: cpuOf('nats-server'), machine: machineCpu() };
    const peaks = new Array<number>(workers).fill(0);
    const cpu = new Array<number>(workers).fill(0);
    const procs = Array.from({ length: workers }, () => spawn(BIN, ['worker', '--queue', values.queue!, '--stream', stream, '--db', db, '--exit-when-empty'], { stdio: ['ignore', 'ignore', 'pipe'] }));
    const logs = procs.map(() => '');
    procs.forEach((p, i) => p.stderr!.on('data', (d) => (logs[i] += d)));
    const sample = () =>
      procs.forEach((p, i) => {
        peaks[i] = Math.max(peaks[i]!, peakMb(p.pid!));
        cpu[i] = procCpu(p.pid!)?.own ?? cpu[i]!;
      });
    const sampler = setInterval(sample, 250);
    const codes = await Promise.all(procs.map((p) => new Promise<number | null>((r) => p.on('close', r))));
    clearInterval(sampler);
    const after = { postgres: cpuOf('postgres'), nats: cpuOf('nats-server'), machine: machineCpu() };
    const wallSeconds = (performance.now() - t) / 1000;
    if (codes.some((c) => c !== 0)) throw new Error(`a worker failed:\n${logs.join('\n')}`);

    const { rows: [r] } = await client.query<{ n: string; pages: string; span: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE parent_id IS NULL) AS pages, extract(epoch FROM max(created_at) - min(created_at))::float8 AS span FROM ${schema}.articles`,
    );
    const articles = Number(r!.n);
    // Where the processor time went, per article stored. A worker's last sample may be up to 250 ms
    // before it exits (its idle wait for an empty queue): a slight undercount.
    const used = { workers: cpu.reduce((a, b) => a + b, 0), postgres: after.postgres - before.postgres, nats: after.nats - before.nats };
    const machineBusy = after.machine.busy - before.machine.busy;
    const perArticleMs = (s: number) => +((1000 * s) / articles).toFixed(1);
    return {
      workers,
      queued: ingest.summary.published,
      ingest: { seconds: +ingestSeconds.toFixed(2), inputsPerSecond: +(ingest.summary.published / ingestSeconds).toFixed(1) },
      stored: { articles, pages: Number(r!.pages) },
      processingSeconds: +r!.span.toFixed(2),
      articlesPerSecond: +(articles / r!.span).toFixed(1),
      wallSeconds: +wallSeconds.toFixed(2),
      peakRssMBPerWorker: peaks,
      lock: lockShare(logs),
      cpu: {
        cores: cpus().length,
        msPerArticle: { workers: perArticleMs(used.workers), postgres: perArticleMs(used.postgres), nats: perArticleMs(used.nats), wholeMachine: perArticleMs(machineBusy) },
        machineBusyShare: +(machineBusy / (after.machine.total - before.machine.total)).toFixed(2),
        // At this much processor time per article, the cores cannot store more than this many a second.
        coreBoundArticlesPerSecond: +((1000 * cpus().length) / ((1000 * machineBusy) / articles)).toFixed(1),
      },
    };
  } finally {
    await q.jsm.streams.delete(q.names.stream).catch(() => {});
    await q.jsm.streams.delete(q.names.deadStream).catch(() => {});
    await q.close();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

const work = mkdtempSync(join(tmpdir(), 'storyline-bench-scale-'));
try {
  const corpusDir = join(work, 'corpus');
  const corpus = buildCorpus(corpusDir, Number(values.articles));
  const runs = [];
  for (const n of values.workers!.split(',').map(Number)) runs.push(await runWith(n, corpusDir));
  const base = runs.find((r) => r.workers === 1);
  console.log(JSON.stringify({
    ...header('bench:workers', corpus),
    runs: runs.map((r) => ({
      ...r,
      speedup: base ? +(r.articlesPerSecond / base.articlesPerSecond).toFixed(2) : null,
      // The speed-up over one worker that the cores allow at this run's processor time per article.
      coreBound: base ? +(r.cpu.coreBoundArticlesPerSecond / base.articlesPerSecond).toFixed(2) : null,
    })),
    loadAverage: (await import('node:os')).loadavg().map((l) => +l.toFixed(2)),
  }, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
