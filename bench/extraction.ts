/**
 * Extraction speed and memory: Storyline's HTML path (`prepare` + `readPage`, what `analyze` and
 * the extraction eval run) against Readability.js 0.6 on linkedom (same decoding), on the pages of
 * the three extraction sets in ../shared/data/extraction. Part of `npm run bench`; alone:
 *
 *   npm run bench:extraction                 # 3 runs of each system on each set
 *   npm run bench:extraction -- --passes 5
 *
 * Each system runs on each set in its own child process, so that its time includes its own garbage
 * collection and its peak RSS is its own: the modules and pages loaded, a warm-up pass (JIT), then
 * one timed pass (one thread, so one core), by wall clock and by the process's CPU time (less
 * sensitive to other load on the machine). The children run one after the other (never two at
 * once), --passes times per system, the two systems taking turns (S R, R S, S R ...) so a burst of
 * other load falls on both alike; the median run of each is reported, and the highest peak RSS.
 * Prints one JSON object.
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
/** Default runs of each system on each set: the median of three rides out a burst of other load. */
const DEFAULT_PASSES = 3;

interface Run {
  pages: number;
  pagesPerSecond: number;
  pagesPerCpuSecond: number;
  /** Resident memory once the modules and pages are loaded, before any extraction (the same for both). */
  loadedRssMB: number;
  peakRssMB: number;
  /** Characters extracted in the pass: a check that the system did the work. */
  chars: number;
}

/** One system on one set, in this process: warm-up pass, then one timed pass. */
function run(system: System, set: ExtractionFormat): Run {
  const pages = extractionPages(set, join(DATA, EXTRACTION_SETS.find((s) => s.format === set)!.dir));
  const loadedRss = process.memoryUsage().rss;
  const extract = SYSTEMS[system];
  for (const p of pages) extract(p.html, p.id);
  let chars = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of pages) chars += extract(p.html, p.id).length;
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return {
    pages: pages.length,
    pagesPerSecond: +(pages.length / seconds).toFixed(1),
    pagesPerCpuSecond: +(pages.length / ((c.user + c.system) / 1e6)).toFixed(1),
    loadedRssMB: Math.round(loadedRss / 1e6),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    chars,
  };
}

function runInChild(system: System, set: ExtractionFormat): Run {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', system, '--set', set], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`extraction bench (${system}, ${set}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Every system on every set, each run in a child process, one at a time. */
export function runExtractionBench(passes = DEFAULT_PASSES) {
  const systems = Object.keys(SYSTEMS) as System[];
  const sets = EXTRACTION_SETS.map(({ format }) => {
    const runs: Record<System, Run[]> = { storyline: [], readability: [] };
    for (let i = 0; i < passes; i++) {
      for (const sys of i % 2 === 0 ? systems : [...systems].reverse()) runs[sys].push(runInChild(sys, format));
    }
    const summary = (rs: Run[]) => ({
      pagesPerSecond: median(rs.map((r) => r.pagesPerSecond)),
      pagesPerCpuSecond: median(rs.map((r) => r.pagesPerCpuSecond)),
      peakRssMB: Math.max(...rs.map((r) => r.peakRssMB)),
      chars: rs[0]!.chars,
    });
    const ours = summary(runs.storyline);
    const base = summary(runs.readability);
    return {
      set: format,
      pages: runs.storyline[0]!.pages,
      loadedRssMB: runs.storyline[0]!.loadedRssMB,
      storyline: ours,
      readability: base,
      speedup: +(ours.pagesPerSecond / base.pagesPerSecond).toFixed(2),
      cpuSpeedup: +(ours.pagesPerCpuSecond / base.pagesPerCpuSecond).toFixed(2),
    };
  });
  return { task: 'bench:extraction', date: new Date().toISOString().slice(0, 10), node: process.version, passes, readability: 'readability.js 0.6.0 on linkedom', sets };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { run: { type: 'string' }, set: { type: 'string' }, passes: { type: 'string', default: String(DEFAULT_PASSES) } } });
  if (values.run) console.log(JSON.stringify(run(values.run as System, values.set as ExtractionFormat)));
  else console.log(JSON.stringify(runExtractionBench(Number(values.passes)), null, 2));
}
