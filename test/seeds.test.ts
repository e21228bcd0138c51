/**
 * Acceptance: ../shared/corpus/seeds/EXPECTED.md, every section — 1 (cleaning and segmentation),
 * 2 (titles, publication dates and relative dates), 3 (one story, its timeline), 4 (who said
 * what), 5 (entities), 6 (figures across sources), 7 (briefing) and 8 (voice, provenance) — on the
 * real seed pages, read from the report as a user gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/analyze/index.ts';
import { sentences } from '../src/metadata/index.ts';
import { numbersIn } from '../src/eval/briefing.ts';
import { buildReport } from '../src/report/build.ts';
import type { Report, ReportArticle } from '../src/report/schema.ts';
import { assertValidReport } from '../src/report/validate.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { SEED_ENTITIES, SEEDS, SKIP_REASON, hasSeeds, seedPath, seedText } from './seeds.ts';

const MAIN = ['000', '001', '002', '003', '004'];

describe.skipIf(!hasSeeds)(`seed corpus${hasSeeds ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let store: Store;
  let report: Report;
  const page = (prefix: string): ReportArticle => {
    const a = report.articles.find((x) => x.source === seedPath(prefix));
    if (!a) throw new Error(`no article for seed ${prefix}`);
    return a;
  };
  const children = (prefix: string) => report.articles.filter((a) => a.parentId === page(prefix).id);
  const removedTexts = (a: ReportArticle) => a.removed.map((r) => r.text);
  const allRemoved = () => report.articles.flatMap((a) => a.removed);

  beforeAll(async () => {
    store = await openStore(null);
    const outcome = await analyzePaths(store, [SEEDS]);
    report = await buildReport(store, outcome.articleIds, { errors: outcome.errors, summary: outcome.summary });
  }, 300_000);
  afterAll(() => store?.close());

  it('produces a report that follows the contract', () => {
    assertValidReport(JSON.parse(JSON.stringify(report)));
    expect(report.errors.map((e) => e.path.split('/').pop())).toEqual(['EXPECTED.md']);
  });

  describe('1. cleaning and segmentation', () => {
    it.each([
      ['000', 'ua en ru', 'language-switcher'],
      ['000', 'Archive photo: Kim Jong Un and Vladimir Putin (', 'caption'],
      ['003', 'Images source: © KCNA', 'caption'],
      ['003', 'See also', 'related'],
    ])('%s: removes %j as %s', (seed, text, reason) => {
      expect(page(seed).removed).toContainEqual({ text, reason });
      expect(page(seed).text).not.toContain(text);
    });

    it('002: removes the paywall paragraph', () => {
      const paywall = page('002').removed.find((r) => r.text.startsWith('Already a subscriber?'));
      expect(paywall?.reason).toBe('paywall');
      expect(page('002').text).not.toContain('subscriber');
    });

    it('004: removes the AP photo caption', () => {
      const caption = page('004').removed.find((r) => r.text.includes('shakes hands with'));
      expect(caption?.reason).toBe('caption');
      expect(page('004').text).not.toContain('shakes hands');
    });

    it('001: removes every "Also Read |" line', () => {
      const raw = seedText('001').split('\n').filter((l) => l.startsWith('Also Read |'));
      expect(raw.length).toBe(2);
      for (const line of raw) expect(removedTexts(page('001'))).toContain(line.trim());
      expect(page('001').text).not.toContain('Also Read');
    });

    it('004: removes ad, widget and comment lines, and the related-item bylines', () => {
      const wanted = ['by Taboola', 'Sponsored Links', 'Promoted Links', 'You May Like', 'Buy Brass Idols', 'Luxeartisanship', 'Buy Now', 'Undo',
        'Hashtags', 'Try Our AI Features', 'Explore what Daily8 AI can do for you:', 'Comments', 'No comments yet...', 'Related Articles',
        '&w=3840&q=100)', 'Show more Show less', 'STORY CONTINUES BELOW THIS AD', 'Live Events', 'First Post', 'Time of India', '22 minutes ago'];
      const removed = allRemoved().map((r) => r.text);
      for (const w of wanted) expect(removed.some((r) => r.includes(w)), `"${w}" listed as removed`).toBe(true);
      for (const a of [page('004'), ...children('004')]) {
        for (const w of ['Taboola', 'Sponsored Links', 'STORY CONTINUES BELOW', 'Live Events', 'Show more', 'Daily8', 'No comments yet']) {
          expect(a.text, `${a.id} keeps "${w}"`).not.toContain(w);
        }
      }
      for (const r of allRemoved()) expect(r.reason).toMatch(/^[a-z]+(-[a-z]+)*$/);
    });

    it('a headline or subtitle the page repeats appears once', () => {
      expect(page('000').title).toBe('Another Russian ally supports Moscow amid Ukraine’s Kursk operation');
      expect(page('000').text).not.toContain('Another Russian ally supports Moscow');
      expect(page('003').text.split('He promised to unite with Putin').length - 1).toBe(1);
      expect(page('003').text).not.toContain('North Korea pledges strong support for Russia amid Ukraine war');
      expect(page('003').title).not.toMatch(/^News/);
    });

    it('004 is split: its article, and three stories below "Related Articles", none in the North Korea story', () => {
      const kids = children('004');
      expect(kids.map((k) => k.title)).toEqual([
        'Netherlands snap election set for October 29 after Wilders quits coalition',
        'Netanyahu admits Israel supporting anti-Hamas armed group in Gaza',
        "'Response to terrorist acts': Putin 'avenges' Ukraine's 'Spiderweb' op, strikes Kyiv with missiles",
      ]);
      expect(page('004').text).toMatch(/unconditionally support/);
      expect(page('004').text).not.toMatch(/Wilders|Netanyahu|Spiderweb/);
      for (const k of kids) expect(k.storyId).not.toBe(page('000').storyId);
    });

    it('no sentence of any main article is lost', () => {
      // Lines of the raw page that are article prose (not chrome the expectations list), split into sentences.
      const chrome = /^(Already a subscriber\?|Also Read \||North Korean leader Kim Jong Un, right, shakes hands|Another Russian ally .* Archive photo)/;
      for (const prefix of MAIN) {
        const raw = seedText(prefix).split('Related Articles')[0]!;
        const text = `${page(prefix).title} ${page(prefix).text}`.replace(/\s+/g, ' ');
        for (const line of raw.split('\n').map((l) => l.trim())) {
          // Headings carry no sentence punctuation; prose lines do.
          if (line.split(/\s+/).length < 8 || chrome.test(line) || !/[.!?]["\u201d\u2019]?(\s|$)/.test(line)) continue;
          for (const s of sentences(line.replace(/^(SEOUL|Moscow):\s*/, ''))) {
            if (s.split(/\s+/).length < 4) continue;
            expect(text, `${prefix} lost: ${s}`).toContain(s.replace(/\s+/g, ' '));
          }
        }
      }
    });
  });

  describe('2. titles and dates', () => {
    it('takes the page headlines', () => {
      expect(page('003').title).toBe('North Korea pledges strong support for Russia amid Ukraine war');
      expect(page('004').title).toBe("North Korea's Kim says he'll 'unconditionally support' Russia's war against Ukraine");
      for (const p of ['000', '003', '004']) expect(page(p).titleDerived).toBe(false);
    });

    it('marks derived titles for pages with no headline (001, 002)', () => {
      for (const p of ['001', '002']) {
        expect(page(p).titleDerived).toBe(true);
        expect(page(p).title).toBeTruthy();
        expect(page(p).text.startsWith(page(p).title!.replace(/\u2026$/, ''))).toBe(true);
      }
    });

    it('003 is explicitly dated 2024-07-19', () => {
      expect(page('003').published).toMatchObject({ value: '2024-07-19', basis: 'explicit' });
      expect(page('003').published.evidence).toContain('July 19, 2024');
    });

    it('004 is in 2025, no earlier than April 2025, inferred with evidence', () => {
      const p = page('004').published;
      expect(p).toMatchObject({ value: '2025', basis: 'inferred', earliest: '2025-04-01', latest: '2025-12-31' });
      expect(p.evidence).toContain('April 2025');
    });

    it('never invents an exact date for the undated pages', () => {
      for (const prefix of ['000', '001', '002']) {
        const p = page(prefix).published;
        expect(p.basis).not.toBe('explicit');
        expect(p.value === null || !/^\d{4}-\d{2}-\d{2}$/.test(p.value)).toBe(true);
        if (p.basis === 'inferred') expect(p.evidence).toBeTruthy();
      }
      expect(page('001').published.earliest).toBe('2024-01-01'); // "between August 2023 and January 2024, Russia received"
    });

    it.each([
      ['In April', '2025-04', 'month'],
      ['last fall', '2024-FA', 'season'],
      ['earlier this year', '2025', 'year'],
      ['in March', '2025-03', 'month'],
    ])('004: resolves %j against its bounded date to %s (%s)', (words, value, precision) => {
      const want = words.replace(/^in /i, '').toLowerCase();
      const t = page('004').times!.find((x) => x.text.toLowerCase() === want);
      expect(t, `time "${words}" in ${JSON.stringify(page('004').times!.map((x) => x.text))}`).toBeTruthy();
      expect(t).toMatchObject({ value, precision, relative: true, resolved: true });
      expect(page('004').text.slice(t!.start, t!.end)).toBe(t!.text);
    });

    it('leaves relative dates unresolved where the article has no date to resolve them against', () => {
      // 000 has no publication date or bound: "on Friday"-style expressions keep their X placeholders.
      for (const prefix of MAIN) {
        const a = page(prefix);
        for (const t of a.times!.filter((x) => x.relative)) {
          if (a.published.basis === 'unknown') expect(t.resolved, `${prefix}: ${t.text}`).toBe(false);
          if (!t.resolved) expect(t.earliest).toBeNull();
        }
      }
      // A weekday names no day without an exact publication date: never a guessed day.
      for (const t of page('004').times!.filter((x) => /day$/i.test(x.text))) expect(t.resolved).toBe(false);
    });

    it('detects English', () => {
      for (const a of report.articles) expect(a.language).toBe('en');
    });
  });

  describe('3. grouping', () => {
    it('puts the five main articles in one story, and nothing else in it', () => {
      const story = page('000').storyId;
      for (const p of MAIN) expect(page(p).storyId).toBe(story);
      const s = report.stories.find((x) => x.id === story)!;
      expect([...s.articleIds].sort()).toEqual(MAIN.map((p) => page(p).id).sort());
    });

    it('keeps the three appended stories apart from each other', () => {
      expect(new Set(children('004').map((k) => k.storyId)).size).toBe(3);
    });

    it("holds several happenings: Krivoruchko's meeting (003, July 2024) and Shoigu's (004, 2025) are different ones", () => {
      const s = report.stories.find((x) => x.id === page('000').storyId)!;
      const happenings = s.happenings ?? [];
      expect(happenings.length).toBeGreaterThanOrEqual(2);
      // Every article of the story is in exactly one happening.
      expect(happenings.flatMap((h) => h.articleIds).sort()).toEqual([...s.articleIds].sort());
      const of = (prefix: string) => happenings.find((h) => h.articleIds.includes(page(prefix).id))!;
      expect(of('003').id).not.toBe(of('004').id);
      expect(of('003').earliest).toBe('2024-07-19');
      // Titles are chosen from the articles, never invented.
      for (const h of happenings) expect(report.articles.map((a) => a.title)).toContain(h.title);
    });
  });

  describe('4. who said what', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").toLowerCase();
    const CHANNEL: Record<string, string[]> = { kcna: ['kcna', 'korean central news agency'] };
    it.each([
      ['000', 'We strongly condemn the armed attack against the Russian territory by the Zelenskyy puppet regime', ["North Korea's Ministry of Foreign Affairs", 'North Korean Ministry of Foreign Affairs'], 'Reuters'],
      ['001', 'The strong Russian people, under the energetic leadership of Comrade Putin, will firmly defend', ['Kim Jong Un'], 'TASS'],
      ['002', 'The US and the West made Kyiv authorities attack Russia\u2019s territory with their own long-range strike weapons.', ['Kim Jong Un'], 'North Korean state media'],
      ['002', 'The DPRK government, army, and people will invariably support the policy of the Russian Federation', ['Kim Jong Un'], 'North Korean state media'],
      ['004', 'unconditionally support the stand of Russia and its foreign policies', ['Kim Jong Un'], 'KCNA'],
      ['003', 'has nothing to worry about', ['Vladimir Putin'], null],
      ['003', 'big mistake', ['Vladimir Putin'], null],
      ['003', 'is not aimed at forming a military alliance in the Western mold', ['Russian Foreign Ministry', 'The Russian Foreign Ministry'], null],
    ] as const)('%s: \u201c%s\u201d', (prefix, words, speakers, via) => {
      const q = story().quotes.find((x) => x.articleId === page(prefix).id && norm(x.text).includes(norm(words)));
      expect(q, `quote in ${prefix}`).toBeTruthy();
      expect(q!.direct).toBe(true);
      // Named as its story entity: "Kim Jong-un" in 001 is the story's "Kim Jong Un".
      expect(speakers.map(norm)).toContain(norm(q!.speaker));
      if (via) expect(CHANNEL[norm(via)] ?? [norm(via)]).toContain(norm(q!.via));
      expect(page(prefix).text.slice(q!.start, q!.end)).toBe(q!.text);
    });

    it('attributes every quote to a person or body, never a pronoun', () => {
      for (const s of report.stories) for (const q of s.quotes) expect(q.speaker ?? '').not.toMatch(/^(he|she|they|it|we|i|you|him|her|them|his|its)$/i);
    });
  });

  describe('5. entities', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const named = (n: string) => story().entities.filter((e) => e.name === n || e.aliases.includes(n));
    it.each(SEED_ENTITIES)('%s: one entity with its variants', (name, variants, type) => {
      const e = story().entities.find((x) => x.name === name);
      expect(e, `"${name}" among ${JSON.stringify(story().entities.map((x) => x.name))}`).toBeTruthy();
      expect(e!.type).toBe(type);
      for (const v of variants) expect(e!.aliases).toContain(v);
      expect(named(name)).toHaveLength(1);
    });

    it('gives people the roles the text gives them', () => {
      const role = (n: string) => (story().entities.find((e) => e.name === n)?.role ?? '').replace(/\u2019/g, "'");
      expect(role('Andrei Belousov')).toBe("Russia's Defense Minister");
      expect(role('Sergei Shoigu').toLowerCase()).toBe('russian security council secretary');
    });

    it('labels each mention in an article with its story entity, at its offsets', () => {
      const a = page('001');
      expect(a.mentions!.length).toBeGreaterThan(10);
      for (const m of a.mentions!) expect(a.text.slice(m.start, m.end)).toBe(m.text);
      expect(a.mentions!.filter((m) => m.entity === 'Kim Jong Un').map((m) => m.text)).toContain('Kim Jong-un');
    });
  });

  describe('3. the timeline', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const event = (words: RegExp) => story().events.find((e) => words.test(e.summary));
    it.each([
      ['Russia\u2019s full-scale invasion', /full-scale invasion/, '2022-02', '2022-02-01', '2022-02-28'],
      ['shell deliveries counted by C4ADS', /1\.6 million artillery shells/, null, '2023-08-01', '2024-01-31'],
      ['Putin\u2019s visit and the treaty', /Putin visited the DPRK/, '2024-06', '2024-06-01', '2024-06-30'],
      ['Kim meets Krivoruchko', /Krivoruchko/, '2024-07', '2024-07-12', '2024-07-19'],
      ['Shoigu\u2019s previous visit', /Shoigu last visited/, '2025-03', '2025-03-01', '2025-03-31'],
      ['the troop deployment confirmed', /confirmed North Korean troops/, '2025-04', '2025-04-01', '2025-04-30'],
    ])('%s', (_, words, date, earliest, latest) => {
      const e = event(words);
      expect(e, `event ${words} in ${JSON.stringify(story().events.map((x) => x.summary.slice(0, 50)))}`).toBeTruthy();
      expect(e).toMatchObject({ date, earliest, latest });
    });

    it('dates Kim meeting Shoigu in 2025, no earlier than his March visit', () => {
      const e = event(/meeting with Russian security council secretary Sergei Shoigu/)!;
      expect(e.date).toBe('2025');
      expect(e.earliest! >= '2025-03-01').toBe(true);
    });

    it('cites every article that reports the June 2024 visit and treaty', () => {
      expect(event(/Putin visited the DPRK/)!.articleIds.sort()).toEqual(['001', '002', '003'].map((p) => page(p).id).sort());
    });

    it('never guesses a day: Belousov "on Friday" and the telegram are undated or a range', () => {
      const friday = event(/Belousov on Friday/)!;
      expect(friday).toMatchObject({ date: null, earliest: null, latest: null });
      const telegram = story().events.filter((e) => e.articleIds.includes(page('001').id) && e.basis === 'published');
      for (const e of telegram) expect(e.precision === 'day').toBe(false);
      for (const e of story().events) if (e.precision === 'day') expect(e.basis).toBe('text');
    });

    it('puts events in date order, undated last', () => {
      const keys = story().events.map((e) => e.earliest ?? e.latest ?? '\uffff');
      expect(keys).toEqual([...keys].sort());
    });
  });

  describe('6. figures across sources', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const claim = (measure: RegExp) => story().claims.find((c) => measure.test(c.measure));
    const ids = (...prefixes: string[]) => prefixes.map((p) => page(p).id).sort();

    it('artillery shells: conflicting, each value with its source, attribution and period', () => {
      const c = claim(/artillery shells/)!;
      expect(c.status).toBe('conflicting');
      const c4ads = c.values.find((v) => v.low === 1_600_000)!;
      expect(c4ads.attribution).toMatch(/C4ADS/);
      expect(c4ads.period).toMatch(/August 2023 and January 2024/);
      expect([...c4ads.articleIds].sort()).toEqual(ids('001', '003'));
      const five = c.values.find((v) => v.low === 5_000_000)!;
      expect(five).toMatchObject({ approx: true, attribution: 'South Korean intelligence', articleIds: ids('001') });
      // "three times higher" than 1.6 million: converted, and in agreement with ~5 million.
      const ratio = c.values.find((v) => v.derived)!;
      expect(ratio.low).toBeCloseTo(4_800_000);
      expect(ratio.attribution).toBe('South Korean intelligence');
      expect(ratio.articleIds).toEqual(ids('003'));
    });

    it('troops: the estimates agree; the 3,000 more in 2025 is a later figure, not a contradiction', () => {
      const c = claim(/^troops/)!;
      expect(c.status).toBe('corroborated');
      expect(c.values.find((v) => v.low === 12_000 && v.high === 12_000)!.articleIds).toEqual(ids('002'));
      const range = c.values.find((v) => v.low === 10_000 && v.high === 12_000)!;
      expect(range.period).toBe('last fall');
      expect(range.attribution).toMatch(/US, South Korean and Ukrain/);
      expect(c.values.find((v) => v.low === 3_000)!.increment).toBe(true);
    });

    it('ground taken in the Kursk incursion: changed over time, not a contradiction', () => {
      for (const m of [/settlements/, /km²/]) {
        const c = claim(m)!;
        expect(c.status, String(m)).toBe('changed');
        expect(c.measure).toMatch(/Kursk/);
        expect(new Set(c.values.flatMap((v) => v.articleIds))).toEqual(new Set(ids('000', '001')));
      }
    });

    it('the partnership agreement: 000 says 2023, the others June 2024 — a disagreement', () => {
      const c = story().claims.find((x) => x.kind === 'date' && x.status === 'conflicting' && /partnership/.test(x.measure))!;
      expect(c).toBeTruthy();
      const periods = c.values.map((v) => v.period);
      expect(periods).toContain('2023');
      expect(periods).toContain('2024-06');
      expect(c.values.find((v) => v.period === '2023')!.articleIds).toEqual(ids('000'));
      expect(c.values.find((v) => v.period === '2024-06')!.articleIds.length).toBeGreaterThanOrEqual(2);
    });

    it('the start of the Kursk offensive: only 000 gives a date — single-source', () => {
      const c = story().claims.find((x) => x.kind === 'date' && /offensive in the Kursk region/.test(x.measure))!;
      expect(c).toMatchObject({ status: 'single-source' });
      expect(c.values[0]!.text).toBe('July 6');
      expect(c.values[0]!.articleIds).toEqual(ids('000'));
    });
  });

  describe('7. briefing', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const text = () => story().briefing.map((b) => b.text).join(' ');
    it('has at most 250 words, every sentence citing articles of the story', () => {
      expect(text().split(/\s+/).length).toBeLessThanOrEqual(250);
      for (const b of story().briefing) {
        expect(b.articleIds.length).toBeGreaterThan(0);
        for (const id of b.articleIds) expect(story().articleIds).toContain(id);
      }
    });

    it('covers the treaty, the disputed shell counts, the troops, Kursk and Kim\u2019s support', () => {
      expect(text()).toMatch(/partnership|treaty/i);
      expect(text()).toMatch(/troops/);
      expect(text()).toMatch(/Kursk/);
      expect(story().briefing.some((b) => /Kim Jong Un/.test(b.text) && /support/.test(b.text))).toBe(true);
    });

    it('states the shell counts as disputed, with their sources', () => {
      const s = story().briefing.find((b) => /artillery shells/.test(b.text))!;
      expect(s.text).toMatch(/disagree/);
      expect(s.text).toMatch(/C4ADS/);
      expect(s.text).toMatch(/South Korean intelligence/);
    });

    it('states no figure that its articles do not contain', () => {
      const articleText = story().articleIds.map((id) => report.articles.find((a) => a.id === id)!.text).join(' ');
      // Dates are normalised (ISO) and checked by the timeline tests; every other number must be the articles' own.
      const numbers = numbersIn(text());
      for (const n of numbers) expect(articleText, n).toContain(n);
    });
  });

  describe('8. voice and provenance', () => {
    const story = () => report.stories.find((x) => x.id === page('000').storyId)!;
    const voice = (p: string) => story().voice!.find((v) => v.articleId === page(p).id)!;
    it('003 says "dictator" and "brutal assault" in its own voice', () => {
      const own = voice('003').own.map((w) => w.word);
      expect(own).toContain('dictator');
      expect(own).toContain('brutal assault');
    });

    it('"puppet regime" and "holy war" are quoted words, not the outlets\u2019', () => {
      expect(voice('000').quoted.map((w) => w.word)).toContain('puppet regime');
      expect(voice('001').quoted.map((w) => w.word)).toContain('holy war');
      for (const v of story().voice!) expect(v.own.map((w) => w.word)).not.toContain('puppet regime');
      for (const v of story().voice!) expect(v.own.map((w) => w.word)).not.toContain('holy war');
    });

    it('keeps wire and agency provenance: Reuters, TASS, KCNA, The Moscow Times', () => {
      const channels = story().provenance!.map((p) => p.channel.toLowerCase());
      for (const c of ['reuters', 'tass', 'korean central news agency', 'moscow times']) expect(channels.some((x) => x.includes(c)), c).toBe(true);
      expect(story().provenance!.find((p) => p.channel === 'Reuters')!.articleIds).toEqual([page('000').id]);
    });
  });
});
