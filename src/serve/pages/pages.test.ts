/**
 * The page renderers on hand-made reports whose analysis sections are filled (the pipeline leaves
 * them empty for now): every section renders what the contract holds, and escapes it.
 */
import { describe, expect, it } from 'vitest';
import { assertValidReport } from '../../report/validate.ts';
import type { StoredArticle } from '../../store/index.ts';
import { articlePage, marksFor, placeRemoved } from './article.ts';
import { highlight, queryWords, snippet } from './highlight.ts';
import { storyPage } from './story.ts';
import { FILLED, FILLED_REPORT } from '../testing.ts';
import { place, timelineSvg } from './timeline.ts';

const { A1, A2, EVIL } = FILLED;
const report = FILLED_REPORT;
const story = FILLED_REPORT.stories[0]!;

describe('story page with every section filled', () => {
  const page = storyPage(report, story);

  it('the fixture is a valid report', () => assertValidReport(report));

  it('escapes everything from the data', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>Post');
    expect(page).not.toMatch(/href="javascript:/);
    expect(page).toContain('Harbour bridge &lt;script&gt;window.__xss=1&lt;/script&gt;');
  });

  it('briefing sentences cite their articles by number', () => {
    expect(page).toMatch(/<p>Varnaton is repairing its harbour bridge\.<span class="cites"><a class="cite" href="\/articles\/a1111111111111111" title="Title of a1111111111111111 — Coast Herald">\[1\]<\/a><\/span><\/p>/);
    expect(page).toMatch(/The cost is disputed &lt;script&gt;.*\[1\].*\[2\]/);
  });

  it('the timeline places dated events in date order and lists undated ones apart', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page)![0];
    expect(svg.match(/<rect /g)).toHaveLength(3);
    const order = ['Inspectors find the deck rotting.', 'The council votes', 'The bridge reopens'].map((s) => page.indexOf(s, page.indexOf('<ol class="events">')));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toMatch(/<h3>Undated events<\/h3><ul class="events undated"><li><span class="when">undated<\/span>The mayor sends a telegram/);
  });

  it('the claims table colours each status and gives each value its attribution, period and sources', () => {
    expect(page).toContain('<tbody class="claim claim-conflicting">');
    expect(page).toContain('<span class="badge status-conflicting">conflicting</span>');
    expect(page).toContain('<span class="badge status-corroborated">corroborated</span>');
    expect(page).toMatch(/<td>about 2 million euros<\/td><td>2,000,000 euros \(approx\.\)<\/td><td>the mayor<\/td><td>2025<\/td>/);
    expect(page).toMatch(/<td>nearly 5 million euros<\/td><td>at most 5,000,000 euros<\/td><td>engineers &lt;script&gt;/);
    expect(page).toMatch(/<td>six weeks<\/td><td>6 weeks<\/td><td><span class="none">the article’s own voice<\/span><\/td><td>summer 2025<\/td>/);
  });

  it('quotes are grouped by speaker with their channel; an unnamed speaker is said so', () => {
    expect(page).toMatch(/<h3 class="speaker">Mara Vell <span class="meta">2 quotes<\/span><\/h3>/);
    expect(page).toMatch(/“The bridge will reopen in June”\s*<div class="via">via Coast Wire · /);
    expect(page).toMatch(/<span class="meta">reported:<\/span> repairs were overdue/);
    expect(page).toMatch(/<h3 class="speaker">Speaker not named/);
  });

  it('entities show their variants and roles, most mentioned first', () => {
    expect(page).toMatch(/<td><a href="\/\?entity=Mara%20Vell">Mara Vell<\/a><\/td><td>person<\/td><td>Vell · M\. Vell &lt;script&gt;.*<\/td><td>mayor of Varnaton<\/td><td>4<\/td>/);
    expect(page.indexOf('Mara Vell</a>')).toBeLessThan(page.indexOf('Varnaton Council</a>'));
  });

  it('sources list outlet, date, language and a safe link', () => {
    expect(page).toContain('<a class="external" href="https://example.org/bridge" rel="noopener noreferrer nofollow" target="_blank">original</a>');
    expect(page).toContain('Valley &lt;b&gt;Post&lt;/b&gt;');
    expect(page).toMatch(/<td>2025-03-14<\/td><td>en<\/td>/);
  });
});

describe('article page', () => {
  const stored: StoredArticle = {
    ...report.articles[0]!,
    kind: 'text',
    raw: `Share this\nBridge repairs approved\nPhoto: the bridge ${EVIL}\nThe mayor said "The bridge will reopen in June" at the meeting.\nRepairs cost about 2 million euros, Mara Vell said.\nSubscribe to our newsletter`,
    text: 'The mayor said "The bridge will reopen in June" at the meeting.\n\nRepairs cost about 2 million euros, Mara Vell said.',
    removed: [{ text: 'Subscribe to our newsletter', reason: 'newsletter' }, { text: 'Share this', reason: 'share' }, { text: `Photo: the bridge ${EVIL}`, reason: 'caption' }, { text: 'Gone elsewhere', reason: 'widget' }],
    createdAt: '2025-06-18T09:30:00.000Z',
    sources: ['fixtures/a1.txt'],
  };

  it('puts removed pieces back where they stood in the input, and keeps the ones it cannot place apart', () => {
    const { blocks, unplaced } = placeRemoved(stored.raw, 'text', stored.text, stored.removed);
    expect(blocks.map((b) => (b.kind === 'kept' ? 'kept' : b.reason))).toEqual(['share', 'caption', 'kept', 'kept', 'newsletter']);
    expect(unplaced.map((r) => r.reason)).toEqual(['widget']);
  });

  it('finds pieces in HTML input through tags and entities', () => {
    const raw = '<div class="share">Share&nbsp;this</div><p>First &amp; only paragraph.</p><aside>Read <b>more</b></aside>';
    const { blocks } = placeRemoved(raw, 'html', 'First & only paragraph.', [{ text: 'Read more', reason: 'related' }, { text: 'Share\u00a0this', reason: 'share' }]);
    expect(blocks.map((b) => (b.kind === 'kept' ? 'kept' : b.reason))).toEqual(['share', 'kept', 'related']);
  });

  it('marks the story’s quotes, figures and names in the text, escaped', () => {
    const page = articlePage({ article: stored, story, children: [] });
    expect(page).toContain('<mark class="quote" title="Mara Vell, via Coast Wire">The bridge will reopen in June</mark>');
    expect(page).toContain('<mark class="figure" title="Cost of the repairs (conflicting)">about 2 million euros</mark>');
    expect(page).toMatch(/<mark class="entity" title="Mara Vell · person · mayor of Varnaton">Mara Vell<\/mark>/);
    expect(page).toContain('<p class="removed" data-reason="caption"><span class="reason">caption</span>Photo: the bridge &lt;script&gt;window.__xss=1&lt;/script&gt;</p>');
    expect(page).not.toContain('<script>window');
    expect(page).toContain('<div class="evidence">Evidence: Published 14 March 2025</div>');
  });

  it('marks only this article’s quotes and figures, and every entity name', () => {
    const kinds = marksFor(A2, story).map((m) => `${m.kind}:${m.text}`);
    expect(kinds).toContain('quote:repairs were overdue');
    expect(kinds).not.toContain('quote:The bridge will reopen in June');
    expect(kinds).toContain('figure:nearly 5 million euros');
    expect(kinds).toContain('entity:Vell');
  });
});

describe('highlighting and snippets', () => {
  it('marks whole words only, and escapes around and inside marks', () => {
    expect(highlight('Kim met Kimberly <b>', [{ text: 'Kim', kind: 'entity' }]).value).toBe('<mark class="entity">Kim</mark> met Kimberly &lt;b&gt;');
    expect(highlight('a <x> b', [{ text: '<x>', kind: 'match' }]).value).toBe('a <mark class="match">&lt;x&gt;</mark> b');
  });

  it('overlapping marks: the earlier, then the longer one wins', () => {
    expect(highlight('Kim Jong Un said', [{ text: 'Jong Un', kind: 'entity' }, { text: 'Kim Jong Un', kind: 'entity' }]).value).toBe('<mark class="entity">Kim Jong Un</mark> said');
  });

  it('query words drop operators and excluded words; snippets centre on the first match', () => {
    expect(queryWords('"artillery shells" Shoigu or -Kyiv')).toEqual(['artillery shells', 'Shoigu']);
    const text = `${'filler words here. '.repeat(30)}Then Shoigu arrived in Pyongyang.`;
    const s = snippet(text, ['shoigu']).value;
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('<mark class="match">Shoigu</mark> arrived');
  });
});

describe('timeline placement', () => {
  it('spans the days a partial date covers, and leaves undated events out', () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    expect(place({ date: '2024', earliest: null, latest: null, summary: '', articleIds: [A1] })).toMatchObject({ start: day('2024-01-01'), end: day('2024-12-31') });
    expect(place({ date: '2024-02', earliest: null, latest: null, summary: '', articleIds: [A1] })).toMatchObject({ start: day('2024-02-01'), end: day('2024-02-29') });
    expect(place({ date: null, earliest: '2023-08-01', latest: '2024-01-31', summary: '', articleIds: [A1] })).toMatchObject({ start: day('2023-08-01'), end: day('2024-01-31') });
    expect(place({ date: null, earliest: null, latest: null, summary: '', articleIds: [A1] })).toBeNull();
  });

  it('draws a wider bar for a vaguer date', () => {
    const placed = [
      place({ date: '2024-06-19', earliest: null, latest: null, summary: 'day', articleIds: [A1] })!,
      place({ date: '2024', earliest: null, latest: null, summary: 'year', articleIds: [A1] })!,
    ];
    const widths = [...timelineSvg(placed).value.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]).toBeGreaterThan(widths[0]! * 20);
  });

  it('draws a date known only as "after" a day as a faded bar to the edge, never a dot', () => {
    const after = place({ date: null, earliest: '2023-12-25', latest: null, summary: 'after', articleIds: [A1] })!;
    expect(after.open).toBe('after');
    const placed = [place({ date: '2022-02', earliest: null, latest: null, summary: 'month', articleIds: [A1] })!, after];
    const svg = timelineSvg(placed).value;
    expect(svg).toMatch(/<g class="event open">/);
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]).toBeGreaterThan(widths[0]!);
  });
});
