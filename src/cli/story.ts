/**
 * `storyline brief|timeline|claims STORY_ID`: one story's briefing, timeline or claims table, read
 * from the store (nothing is re-analysed).
 */
import { type Command, Option } from 'commander';
import { buildStoryReport } from '../report/build.ts';
import { type StoryFormat, type StoryView, renderStory } from '../report/story.ts';
import { forTerminal } from '../report/text.ts';
import { UsageError, dbOption, positiveInt } from './main.ts';
import { openStoreFor } from './open.ts';

const VIEWS: Array<{ name: StoryView; description: string; example: string }> = [
  {
    name: 'brief',
    description: 'a short briefing of a story (at most --words words), every sentence citing its articles; disputed figures stated as disputed',
    example: '  $ storyline brief s1a2b3c4d5e6f7a8b\n  $ storyline brief s1a2b3c4d5e6f7a8b --format html > brief.html\n  $ storyline brief s1a2b3c4d5e6f7a8b --words 120 --format md',
  },
  {
    name: 'timeline',
    description: 'the dated events of a story in date order, with their precision; undated events last',
    example: '  $ storyline timeline s1a2b3c4d5e6f7a8b\n  $ storyline timeline s1a2b3c4d5e6f7a8b --format json | jq \'.events[]\'',
  },
  {
    name: 'claims',
    description: 'figures and dates across sources: each group with its status (conflicting, changed, corroborated, single-source) and every value\'s source, attribution and period',
    example: '  $ storyline claims s1a2b3c4d5e6f7a8b\n  $ storyline claims s1a2b3c4d5e6f7a8b --format md > claims.md',
  },
];

export function registerStoryCommands(cli: Command): void {
  for (const view of VIEWS) {
    const cmd = cli
      .command(view.name)
      .description(view.description)
      .argument('<story-id>', 'a story id as printed by `storyline stories` (ids of merged stories still work)')
      .addOption(dbOption())
      .addOption(new Option('-f, --format <format>', 'text, md, html or json (default: text on a terminal, json otherwise)').choices(['text', 'md', 'html', 'json']));
    if (view.name === 'brief') cmd.option('--words <n>', 'longest briefing, in words', positiveInt, 250);
    cmd
      .addHelpText('after', `\nExamples:\n${view.example}\n\nThe JSON is the story object of the report (docs/report.md).`)
      .action(async (id: string, opts: { db: string; format?: string; words?: number }) => {
        if (!/^s[0-9a-f]{16}$/.test(id)) throw new UsageError(`'${forTerminal(id)}' is not a story id (they look like s1a2b3c4d5e6f7a8b); list them with \`storyline stories\``);
        const store = await openStoreFor(opts.db, { mustExist: true });
        try {
          const story = await store.getStory(id);
          if (!story) throw new UsageError(`no story ${id} in ${store.description}; list them with \`storyline stories\``);
          if (story.id !== id) process.stderr.write(`storyline: story ${id} was merged into ${story.id}\n`);
          const report = await buildStoryReport(store, [story], { words: opts.words });
          const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'json');
          const s = report.stories[0]!;
          if (format === 'json') {
            const picked = view.name === 'brief' ? { id: s.id, title: s.title, briefing: s.briefing, claims: s.claims.filter((c) => c.status === 'conflicting') } : view.name === 'timeline' ? { id: s.id, title: s.title, events: s.events } : { id: s.id, title: s.title, claims: s.claims };
            process.stdout.write(`${JSON.stringify({ ...picked, articles: report.articles.map((a) => ({ id: a.id, title: a.title, source: a.source, url: a.url, outlet: a.outlet, published: a.published })) }, null, 2)}\n`);
          } else {
            process.stdout.write(renderStory(report, s, view.name, format as StoryFormat));
          }
        } finally {
          await store.close();
        }
      });
  }
}
