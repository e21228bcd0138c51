/**
 * `storyline brief|timeline|claims STORY_ID`: one story's briefing, timeline or claims table, read
 * from the store (nothing is re-analysed).
 */
import { type Command, Option } from 'commander';
import { buildStoryReport } from '../report/build.ts';
import { type StoryFormat, type StoryView, renderStory } from '../report/story.ts';
import type { ReportStory } from '../report/schema.ts';
import { DEFAULT_BRIEFING_WORDS } from '../reconcile/index.ts';
import { chosenFormat, dbOption, positiveInt, withStory } from './main.ts';

/** Each view: what it shows, and the story fields its JSON carries (besides id, title and articles). */
const VIEWS: Array<{ name: StoryView; description: string; example: string; pick: (s: ReportStory) => Partial<ReportStory> }> = [
  {
    name: 'brief',
    description: 'a short briefing of a story (at most --words words), every sentence citing its articles; disputed figures stated as disputed',
    example: '  $ storyline brief s1a2b3c4d5e6f7a8b\n  $ storyline brief s1a2b3c4d5e6f7a8b --format html > brief.html\n  $ storyline brief s1a2b3c4d5e6f7a8b --words 120 --format md',
    pick: (s) => ({ briefing: s.briefing, claims: s.claims.filter((c) => c.status === 'conflicting') }),
  },
  {
    name: 'timeline',
    description: 'the dated events of a story in date order, with their precision; undated events last',
    example: '  $ storyline timeline s1a2b3c4d5e6f7a8b\n  $ storyline timeline s1a2b3c4d5e6f7a8b --format json | jq \'.events[]\'',
    pick: (s) => ({ events: s.events }),
  },
  {
    name: 'claims',
    description: 'figures and dates across sources: each group with its status (conflicting, changed, corroborated, single-source) and every value\'s source, attribution and period',
    example: '  $ storyline claims s1a2b3c4d5e6f7a8b\n  $ storyline claims s1a2b3c4d5e6f7a8b --format md > claims.md',
    pick: (s) => ({ claims: s.claims }),
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
    if (view.name === 'brief') cmd.option('--words <n>', 'longest briefing, in words', positiveInt, DEFAULT_BRIEFING_WORDS);
    cmd
      .addHelpText('after', `\nExamples:\n${view.example}\n\nThe JSON is the story object of the report (docs/report.md).`)
      .action(async (id: string, opts: { db: string; format?: string; words?: number }) => {
        await withStory(id, opts.db, async (store, story) => {
          const report = await buildStoryReport(store, [story], { words: opts.words });
          const s = report.stories[0]!;
          const format = chosenFormat(opts.format) as StoryFormat | 'json';
          if (format !== 'json') {
            process.stdout.write(renderStory(report, s, view.name, format));
            return;
          }
          const articles = report.articles.map((a) => ({ id: a.id, title: a.title, source: a.source, url: a.url, outlet: a.outlet, published: a.published }));
          process.stdout.write(`${JSON.stringify({ id: s.id, title: s.title, ...view.pick(s), articles }, null, 2)}\n`);
        });
      });
  }
}
