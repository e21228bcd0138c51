/**
 * Extraction speed and memory: Storyline's HTML path (`prepare` + `readPage`, what `analyze` and
 * the extraction eval run) against Readability.js 0.6 on linkedom (same decoding), on the pages of
 * the three extraction sets in ../shared/data/extraction. Part of `npm run bench`; alone:
 *
 *   npm run bench:extraction                 # 3 timed passes per system and set
 *   npm run bench:extraction -- --passes 5
 *
 * Each system runs on each set in its own child process, one after the other (never two at once),
 * so its peak RSS is its own: the pages are loaded, a warm-up pass runs (JIT), then the timed
 * passes. Pages per second is the median pass by wall clock (one thread, so one core) and by the
 * process's CPU time (less sensitive to other load on the machine). Prints one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ExtractionFormat, extractionPages, readabilityExtractor, storylineExtractor } from '../src/eval/extraction.ts';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'extraction');
export const EXTRACTION_SETS: ReadonlyArray<{ format: ExtractionFormat; dir: string }> = [
  { format: 'scrapinghub', dir: 'scrapinghub' },
  { format: 'cleaneval', dir: 'cleaneval-dev' },
  { format: 'trafilatura', dir: 'trafilatura-sample' },
];
const SYSTEMS = { storyline: storylineExtractor, readability: readabilityExtractor } as const;
type System = keyof typeof SYSTEMS;
/** Default timed passes over each set: the median of three rides out a burst of other load. */
const DEFAULT_PASSES = 3;

interface ChildResult {
  system: System;
  set: ExtractionFormat;
  pages: number;
  /** Median pass, pages per wall-clock second. */
  pagesPerSecond: number;
  /** Median pass, pages per second of the process's CPU time (user + system). */
  pagesPerCpuSecond: number;
  /** Resident memory once the pages are loaded, before any extraction (the same for both systems). */
  loadedRssMB: number;
  peakRssMB: number;
  /** Characters extracted in one pass: a check that both did the work. */
  chars: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One system on one set, in this process. */
function measure(system: System, set: ExtractionFormat, passes: number): ChildResult {
  const dir = EXTRACTION_SETS.find((s) => s.format === set)!.dir;
  const pages = extractionPages(set, join(DATA, dir));
  const loadedRss = process.memoryUsage().rss;
  const extract = SYSTEMS[system];
  let chars = 0;
  for (const p of pages) chars += extract(p.html, p.id).length; // warm-up: a whole pass
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < passes; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const p of pages) extract(p.html, p.id);
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall.push(pages.length / seconds);
    cpu.push(pages.length / ((c.user + c.system) / 1e6));
  }
  return {
    system,
    set,
    pages: pages.length,
    pagesPerSecond: +median(wall).toFixed(1),
    pagesPerCpuSecond: +median(cpu).toFixed(1),
    loadedRssMB: Math.round(loadedRss / 1e6),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    chars,
  };
}

/** Every system on every set, each in a child process, one at a time. */
export function runExtractionBench(passes = DEFAULT_PASSES) {
  const results: ChildResult[] = [];
  for (const { format } of EXTRACTION_SETS) {
    for (const system of Object.keys(SYSTEMS) as System[]) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', system, '--set', format, '--passes', String(passes)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`extraction bench (${system}, ${format}) failed: ${child.stderr}`);
      results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult);
    }
  }
  const sets = EXTRACTION_SETS.map(({ format }) => {
    const ours = results.find((r) => r.set === format && r.system === 'storyline')!;
    const base = results.find((r) => r.set === format && r.system === 'readability')!;
    const row = (r: ChildResult) => ({ pagesPerSecond: r.pagesPerSecond, pagesPerCpuSecond: r.pagesPerCpuSecond, peakRssMB: r.peakRssMB, chars: r.chars });
    return {
      set: format,
      pages: ours.pages,
      loadedRssMB: ours.loadedRssMB,
      storyline: row(ours),
      readability: row(base),
      speedup: +(ours.pagesPerSecond / base.pagesPerSecond).toFixed(2),
      cpuSpeedup: +(ours.pagesPerCpuSecond / base.pagesPerCpuSecond).toFixed(2),
    };
  });
  return { task: 'bench:extraction', date: new Date().toISOString().slice(0, 10), node: process.version, passes, readability: 'readability.js 0.6.0 on linkedom', sets };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, set: { type: 'string' }, passes: { type: 'string', default: String(DEFAULT_PASSES) } } });
  const passes = Number(values.passes);
  if (values.child) console.log(JSON.stringify(measure(values.child as System, values.set as ExtractionFormat, passes)));
  else console.log(JSON.stringify(runExtractionBench(passes), null, 2));
}
