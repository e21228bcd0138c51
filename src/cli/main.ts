/**
 * The `storyline` command. Exit codes (docs/report.md): 0 everything analysed, 2 some inputs
 * failed, 1 usage error or nothing analysed.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { MAX_READER_THREADS, analyzePaths, defaultReaderThreads } from '../analyze/index.ts';
import { CLUSTERING_FORMATS, evalClustering, type ClusteringFormat } from '../eval/clustering.ts';
import { DATES_FORMATS, evalDates } from '../eval/dates.ts';
import { evalBriefing } from '../eval/briefing.ts';
import { evalEntities } from '../eval/entities.ts';
import { evalQuantities } from '../eval/quantities.ts';
import { evalQuotes } from '../eval/quotes.ts';
import { evalTimex } from '../eval/timex.ts';
import { EXTRACTION_FORMATS, evalExtraction, type ExtractionFormat } from '../eval/extraction.ts';
import { DEFAULT_MAX_BYTES } from '../read/index.ts';
import { buildReport, buildStoryReport } from '../report/build.ts';
import { FORMATS, type Format, describeDate, forTerminal, render } from '../report/render.ts';
import type { Store, StoredStory } from '../store/index.ts';
import { openStoreFor, DEFAULT_DB } from './open.ts';
import { registerScaleCommands } from './scale.ts';
import { registerStoryCommands } from './story.ts';

export const EXIT = { ok: 0, usage: 1, partial: 2 } as const;

export class UsageError extends Error {}

export function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format: text, md or json (default: text on a terminal, json otherwise)').choices(FORMATS as string[]);
}

export function dbOption(): Option {
  return new Option('--db <dir>', 'folder of the embedded store, or a postgres:// URL (?schema=NAME picks a schema)').default(DEFAULT_DB).env('DATABASE_URL');
}

export function chosenFormat(f: string | undefined): Format {
  return (f as Format | undefined) ?? (process.stdout.isTTY ? 'text' : 'json');
}

/**
 * Runs `fn` on one stored story, for the commands that take a STORY_ID: checks the id, opens the
 * store (which must exist), resolves a merged id to its live story (saying so) and closes the store.
 */
export async function withStory(id: string, db: string, fn: (store: Store, story: StoredStory) => Promise<void>): Promise<void> {
  if (!/^s[0-9a-f]{16}$/.test(id)) throw new UsageError(`'${forTerminal(id)}' is not a story id (they look like s1a2b3c4d5e6f7a8b); list them with \`storyline stories\``);
  const store = await openStoreFor(db, { mustExist: true });
  try {
    const story = await store.getStory(id);
    if (!story) throw new UsageError(`no story ${id} in ${store.description}; list them with \`storyline stories\``);
    if (story.id !== id) process.stderr.write(`storyline: story ${id} was merged into ${story.id}\n`);
    await fn(store, story);
  } finally {
    await store.close();
  }
}

/** An option parser for whole numbers from `min` (commander calls it with the option's text). */
function wholeNumber(min: 0 | 1): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(min === 1 ? 'expected a positive whole number' : 'expected a whole number, 0 or more');
    return n;
  };
}

export const positiveInt = wholeNumber(1);
const nonNegativeInt = wholeNumber(0);

/**
 * Progress on stderr: a line redrawn in place on a terminal; with --progress elsewhere (logs, other
 * programs), one plain line per interval, each counting inputs already stored.
 */
function progress(forced: boolean) {
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const interval = tty ? 100 : 500;
  let last = 0;
  return {
    update(done: number, failed: number, source: string) {
      if (!tty && !forced) return;
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      const counts = `analysing: ${done} input${done === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}`;
      if (!tty) {
        process.stderr.write(`${counts}\n`);
        return;
      }
      const name = source.length > 50 ? `\u2026${source.slice(-49)}` : source;
      process.stderr.write(`\r\u001b[2K${counts} \u00b7 ${forTerminal(name)}`);
    },
    done() {
      if (tty && last) process.stderr.write('\r\u001b[2K');
    },
  };
}

export function program(): Command {
  const cli = new Command('storyline')
    .description('Turn scraped news into clean articles grouped into stories.\n\nThe store is an embedded PostgreSQL database in a folder (--db, default ./.storyline);\nre-running on the same files changes nothing, new files join the stories already stored.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(`storyline: ${str.replace(/^error: /, '')}`) })
    .exitOverride();

  cli
    .command('analyze')
    .description('analyse files and folders of scraped news into the store, and print the report')
    .argument('<path...>', 'files, folders (recursive) or URLs: .txt, .html/.htm, .json, .jsonl, .warc(.gz), .rss/.atom/.xml; - reads JSON Lines from standard input')
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(new Option('--max-bytes <n>', 'largest input file accepted, in bytes').default(DEFAULT_MAX_BYTES).argParser(positiveInt))
    .addOption(new Option('--threads <n>', 'threads that read pages (clean, understand) while the main one stores; 0 reads in the main thread only').default(defaultReaderThreads(), `${defaultReaderThreads()} here: one fewer than the cores, at most ${MAX_READER_THREADS}`).argParser(nonNegativeInt))
    .option('--progress', 'report progress on stderr even when it is not a terminal (one line every half second)')
    .option('--fetch', 'for feeds, fetch and analyse the page each item links to instead of the feed\'s copy')
    .addHelpText('after', `
Examples:
  $ storyline analyze ../shared/corpus/seeds
  $ storyline analyze CC-NEWS-20250301.warc.gz https://news.example/feed.rss
  $ storyline analyze page.html dump.txt --format md > report.md
  $ storyline analyze scraped/ --db ./newsroom --format json | jq '.stories[].title'
  $ cat articles.jsonl | storyline analyze -

Inputs: .txt (text dumps), .html/.htm (web pages), .json (one article object or an
array), .jsonl (one object per line). JSON objects need "text" or "html", and may
carry "url", "title", "published" and "source". Web archives: .warc and .warc.gz
(each HTML response record). Feeds: .rss, .atom, .xml files and http(s) URLs (each
item; --fetch analyses its linked page). A URL that is not a feed is one page.

Exit codes: 0 all inputs analysed (or already stored), 2 some inputs failed (one line
each on stderr, and an entry in the report's "errors"), 1 usage error or nothing analysed.`)
    .action(async (paths: string[], opts: { db: string; format?: string; maxBytes: number; threads: number; progress?: boolean; fetch?: boolean }) => {
      const format = chosenFormat(opts.format);
      const store = await openStoreFor(opts.db);
      try {
        const bar = progress(opts.progress === true);
        const outcome = await analyzePaths(store, paths, {
          maxBytes: opts.maxBytes,
          readerThreads: opts.threads,
          fetchLinks: opts.fetch === true,
          onNote: (path, message) => process.stderr.write(`storyline: ${forTerminal(path)}: ${forTerminal(message)}\n`),
          onInput: (s, source) => bar.update(s.inputs, s.failed, source),
          onWarning: (source, message) => {
            bar.done();
            process.stderr.write(`storyline: warning: ${forTerminal(source)}: ${forTerminal(message)}\n`);
          },
          onError: (e) => {
            bar.done();
            process.stderr.write(`storyline: skipped ${forTerminal(e.path)}: ${forTerminal(e.reason)}\n`);
          },
        });
        bar.done();
        const report = await buildReport(store, outcome.articleIds, { errors: outcome.errors, summary: outcome.summary });
        process.stdout.write(render(report, format));
        for (const m of outcome.merges) process.stderr.write(`storyline: story ${m.from} was merged into ${m.into}\n`);
        for (const s of outcome.splits) process.stderr.write(`storyline: story ${s.id} was split off ${s.from}\n`);
        const { summary } = outcome;
        if (summary.analysed + summary.unchanged === 0) {
          process.stderr.write(summary.inputs === 0 ? 'storyline: no inputs found in the given paths\n' : 'storyline: nothing could be analysed\n');
          process.exitCode = EXIT.usage;
        } else if (summary.failed > 0) {
          process.exitCode = EXIT.partial;
        }
      } finally {
        await store.close();
      }
    });

  cli
    .command('stories')
    .description('list the stored stories, most recently updated first')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--limit <n>', 'how many stories', positiveInt, 50)
    .addHelpText('after', '\nExamples:\n  $ storyline stories\n  $ storyline stories --format json --limit 10')
    .action(async (opts: { db: string; format?: string; limit: number }) => {
      const store = await openStoreFor(opts.db, { mustExist: true });
      try {
        const stories = await store.listStories({ limit: opts.limit });
        const format = chosenFormat(opts.format);
        if (format === 'text') {
          if (stories.length === 0) process.stdout.write('No stories yet: run `storyline analyze PATH` first.\n');
          for (const s of stories) process.stdout.write(`${s.id}  ${String(s.articleIds.length).padStart(4)} article${s.articleIds.length === 1 ? ' ' : 's'}  ${forTerminal(s.title)}\n`);
        } else {
          process.stdout.write(render(await buildStoryReport(store, stories), format));
        }
      } finally {
        await store.close();
      }
    });

  cli
    .command('show')
    .description('show one story with its articles')
    .argument('<story-id>', 'a story id as printed by `storyline stories` (ids of merged stories still work)')
    .addOption(dbOption())
    .addOption(formatOption())
    .addHelpText('after', '\nExamples:\n  $ storyline show s1a2b3c4d5e6f7a8b\n  $ storyline show s1a2b3c4d5e6f7a8b --format md > story.md')
    .action(async (id: string, opts: { db: string; format?: string }) => {
      await withStory(id, opts.db, async (store, story) => {
        process.stdout.write(render(await buildStoryReport(store, [story]), chosenFormat(opts.format)));
      });
    });

  cli
    .command('articles')
    .description('list the stored articles, or show one')
    .argument('[article-id]', 'show this article in full: clean text, what was removed and why')
    .addOption(dbOption())
    .addOption(formatOption())
    .option('--limit <n>', 'how many articles', positiveInt, 100)
    .addHelpText('after', '\nExamples:\n  $ storyline articles\n  $ storyline articles a0f3c2d1e4b5a6978 --format json')
    .action(async (id: string | undefined, opts: { db: string; format?: string; limit: number }) => {
      if (id !== undefined && !/^a[0-9a-f]{16}$/.test(id)) throw new UsageError(`'${forTerminal(id)}' is not an article id (they look like a0f3c2d1e4b5a6978)`);
      const store = await openStoreFor(opts.db, { mustExist: true });
      try {
        const format = chosenFormat(opts.format);
        const articles = id ? await store.getArticles([id]) : await store.listArticles({ limit: opts.limit });
        if (id && articles.length === 0) throw new UsageError(`no article ${id} in ${store.description}`);
        if (format !== 'text') {
          const report = await buildReport(store, articles.map((a) => a.id));
          process.stdout.write(render({ ...report, stories: format === 'json' ? report.stories : [] }, format));
          return;
        }
        if (articles.length === 0) process.stdout.write('No articles yet: run `storyline analyze PATH` first.\n');
        for (const a of articles) {
          process.stdout.write(`${a.id}  ${describeDate(a.published).padEnd(24)} ${forTerminal(a.title ?? '(no title)')}${a.titleDerived ? ' [derived]' : ''}\n`);
          if (id) {
            process.stdout.write(`\nsource: ${forTerminal(a.sources.join(', '))}\nstory: ${a.storyId ?? '-'}\nlanguage: ${a.language ?? 'unknown'}\n`);
            if (a.published.evidence) process.stdout.write(`date evidence: ${forTerminal(a.published.evidence)}\n`);
            process.stdout.write(`\n${forTerminal(a.text)}\n`);
            if (a.removed.length) {
              process.stdout.write('\nRemoved:\n');
              for (const r of a.removed) process.stdout.write(`  [${r.reason}] ${forTerminal(r.text.replace(/\s+/g, ' ').slice(0, 120))}\n`);
            }
          }
        }
      } finally {
        await store.close();
      }
    });

  registerStoryCommands(cli);
  cli
    .command('serve')
    .description('serve the web app (stories, timelines, articles, ingest) and the JSON API over the store')
    .addOption(new Option('--db <dir|url>', 'the store: a folder (created if missing) or a postgres:// URL').default(DEFAULT_DB))
    .option('--host <address>', 'address to listen on; any but loopback (127.0.0.1, ::1, localhost) needs a token for writes', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', (v: string) => (v === '0' ? 0 : positiveInt(v)), 8080)
    .addOption(new Option('--token <token>', 'secret that writes (POST /api/articles, the ingest form) must carry').env('STORYLINE_TOKEN'))
    .addOption(new Option('--max-bytes <n>', 'largest request body accepted, in bytes (larger ones get 413)').default(DEFAULT_MAX_BYTES).argParser(positiveInt))
    .addHelpText('after', `
Examples:
  $ storyline analyze ../shared/corpus/seeds --db ./seeds; storyline serve --db ./seeds
      then open http://127.0.0.1:8080 (analyze exits 2 there: EXPECTED.md is not an article)
  $ storyline serve --db postgres://user@dbhost/news --port 3000
  $ STORYLINE_TOKEN=$(openssl rand -hex 16) storyline serve --host 0.0.0.0
  $ curl -H 'Content-Type: application/json' -d '{"text":"...","title":"..."}' http://127.0.0.1:8080/api/articles

The API is described at /api/openapi.json. On an address other than loopback, writes are
refused unless a token is set (prefer STORYLINE_TOKEN: command lines are visible to other users);
clients send it as 'Authorization: Bearer TOKEN'. More in docs/web.md.`)
    .action(async (opts: { db: string; host: string; port: number; token?: string; maxBytes: number }) => {
      const { startServer, isLoopback } = await import('../serve/index.ts');
      const store = await openStoreFor(opts.db);
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(store, { host: opts.host, port: opts.port, token: opts.token ?? null, maxBytes: opts.maxBytes });
      } catch (e) {
        await store.close();
        throw e;
      }
      process.stderr.write(`storyline: serving ${store.description} at ${server.url} (Ctrl-C to stop)\n`);
      if (!opts.token && !isLoopback(opts.host)) process.stderr.write('storyline: warning: no token, so writes are refused on this address; set STORYLINE_TOKEN to allow them\n');
      await new Promise((stop) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, stop)));
      await server.close();
      await store.close();
    });

  const evaluate = cli
    .command('eval')
    .description('measure Storyline on a public evaluation set (formats and metrics: ../shared/data/README.md); prints one JSON object')
    .addHelpText('after', `
Examples:
  $ storyline eval extraction --format scrapinghub ../shared/data/extraction/scrapinghub --compare readability
  $ storyline eval extraction --format trafilatura ../shared/data/extraction/trafilatura-sample
  $ storyline eval dates --format htmldate ../shared/data/dates/htmldate-mediacloud/eval_mediacloud_2020.json
  $ storyline eval clustering --format basil ../shared/data/clustering/basil-dev --compare tfidf`);

  evaluate
    .command('extraction')
    .description('main-text extraction from HTML: shingle F1 (scrapinghub, cleaneval) or must-include/exclude segments (trafilatura)')
    .argument('<path>', 'the folder of the set (for trafilatura, the folder holding evaldata.json)')
    .addOption(new Option('--format <format>', 'the set\'s format').choices(EXTRACTION_FORMATS as string[]).makeOptionMandatory())
    .addOption(new Option('--compare <baseline>', 'also run a baseline on the same pages in this process').choices(['readability']))
    .option('--json', 'print JSON (the default; accepted for scripts that pass it)')
    .action((path: string, opts: { format: ExtractionFormat; compare?: 'readability' }) => {
      mustExist(path);
      printJson(evalExtraction(opts.format, path, { compare: opts.compare }));
    });

  evaluate
    .command('dates')
    .description('publication dates from HTML: exact-day precision, recall and F (htmldate\'s evaluation)')
    .argument('<file>', 'the JSON file of the set; the HTML is looked up in test_set/, eval/ or cache/ beside it')
    .addOption(new Option('--format <format>', 'the set\'s format').choices(DATES_FORMATS as string[]).makeOptionMandatory())
    .option('--json', 'print JSON (the default)')
    .action((file: string) => {
      mustExist(file);
      printJson(evalDates(file));
    });

  evaluate
    .command('clustering')
    .description('grouping into stories: BCubed and pairwise precision/recall/F1 (top level = BCubed)')
    .argument('<path>', 'basil: the basil-dev folder; wikiref: the wikiref220 folder; mstream: News.jsonl or its folder')
    .addOption(new Option('--format <format>', 'the set\'s format').choices(CLUSTERING_FORMATS as string[]).makeOptionMandatory())
    .addOption(new Option('--compare <baseline>', 'also run a TF-IDF single-pass clusterer on the same documents').choices(['tfidf']))
    .option('--json', 'print JSON (the default)')
    .action(async (path: string, opts: { format: ClusteringFormat; compare?: 'tfidf' }) => {
      mustExist(path);
      printJson(await evalClustering(opts.format, path, { compare: opts.compare }));
    });

  const simple: Array<[string, string, string, string, (path: string) => unknown]> = [
    ['timex', 'timeml', 'time expressions: span F1 strict and relaxed, value F1 (TempEval-3); top level = relaxed', 'a folder of TimeML .tml files (searched recursively)', (p) => evalTimex(p)],
    ['quantities', 'newsquant', 'numbers and units: value F1 and value+unit F1 (top level = value)', 'the NewsQuant JSON file', (p) => evalQuantities(p)],
    ['entities', 'meantime', 'entity mentions (people, organisations, places) and their grouping (BCubed)', 'a folder of MEANTIME CAT XML files, one subfolder per topic', (p) => evalEntities(p)],
    ['quotes', 'brat', 'who said what: content and source F1 for direct quotes and all attributions', 'a folder holding text/ and attributions/', (p) => evalQuotes(p)],
    ['briefing', 'basil', 'briefings on BASIL stories: share citing two outlets, numbers no article states, disputes flagged', 'the basil-dev folder', (p) => evalBriefing(p)],
  ];
  for (const [name, format, description, pathHelp, run] of simple) {
    evaluate
      .command(name)
      .description(description)
      .argument('<path>', pathHelp)
      .addOption(new Option('--format <format>', 'the set\'s format').choices([format]).makeOptionMandatory())
      .option('--json', 'print JSON (the default)')
      .action(async (path: string) => {
        mustExist(path);
        printJson(await run(path));
      });
  }

  registerScaleCommands(cli);
  return cli;
}

function mustExist(path: string): void {
  if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const cli = program();
  try {
    if (argv.length <= 2) {
      cli.outputHelp();
      return EXIT.usage;
    }
    await cli.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`storyline: ${message}\n`);
    return EXIT.usage;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `storyline stories | head`: the reader has all it wants and closed the pipe. Stop quietly, as
  // Unix tools do, instead of an unhandled EPIPE and a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(EXIT.ok);
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
