/**
 * `storyline watch DIR`: the inputs a scraper drops into a folder, as they arrive. Polls the
 * folder (fs.watch misses events on network file systems and reports half-written files), and
 * takes a file once its size and modification time have stayed the same across `settleMs`: a
 * scraper still writing it would have changed one of them. Each file is taken once per run, and
 * again if it changes later; re-reading after a restart is harmless, the store recognises content.
 * Only files of the types `analyze` reads are considered, so a scraper's temporary files are not
 * reported as errors.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readInputs, SUPPORTED_EXTENSIONS, type ReadItem, type ReadOptions } from './read.ts';

export interface WatchOptions extends ReadOptions {
  /** How often the folder is listed. */
  intervalMs?: number;
  /** How long a file must stay unchanged before it is read. */
  settleMs?: number;
  signal?: AbortSignal;
}

export async function* watchFolder(dir: string, opts: WatchOptions = {}): AsyncGenerator<ReadItem> {
  const interval = opts.intervalMs ?? 1000;
  const settle = opts.settleMs ?? 2000;
  const seen = new Map<string, { key: string; since: number; taken: boolean }>();
  while (!opts.signal?.aborted) {
    for (const path of await listFiles(dir)) {
      let key: string;
      try {
        const s = await stat(path);
        key = `${s.size}:${s.mtimeMs}`;
      } catch {
        continue; // gone between listing and stat
      }
      const now = Date.now();
      const known = seen.get(path);
      if (!known || known.key !== key) {
        seen.set(path, { key, since: now, taken: false });
        continue;
      }
      if (known.taken || now - known.since < settle) continue;
      known.taken = true;
      yield* readInputs([path], opts);
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      opts.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      }, { once: true });
    });
  }
}

/** Files under `dir`, recursively, skipping dot-files and dot-folders (as `analyze` does). */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Dot-files, and files of other types: scrapers write `page.html.part` or `.tmp` and rename.
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else if (e.isFile() && SUPPORTED_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext))) out.push(path);
  }
  return out;
}
