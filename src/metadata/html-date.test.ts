/**
 * Publication dates from HTML: the patterns, the order of trust, published against updated, and
 * the blocks a date is never taken from. Pages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parsePage, prepareMarkup } from '../clean/dom.ts';
import { findDates, isDateStamp, parseDate } from './html-date.ts';
import { parseJsonLd, readMetaTags, readPageMeta } from './html-meta.ts';

function dates(html: string, url: string | null = null) {
  const prepared = prepareMarkup(html);
  const { index } = parsePage(prepared.html);
  const broken: string[] = [];
  const jsonLd = parseJsonLd(prepared.jsonLd, broken);
  const meta = readMetaTags(index);
  const page = readPageMeta(index, jsonLd, meta);
  return findDates(index, { jsonLd, brokenJsonLd: broken, article: page.article, meta, url, canonicalUrl: page.canonicalUrl, language: page.language, title: page.title });
}
const first = (html: string, url: string | null = null) => dates(html, url).find((d) => d.kind === 'published')?.value ?? null;
const body = (inner: string, head = '') => `<html lang="en"><head><title>Ferry service returns</title>${head}</head><body>${inner}</body></html>`;
const PARA = '<p>The ferry to the island returned to its winter timetable this week after the pier repairs were finished ahead of schedule.</p>';

describe('date patterns', () => {
  it.each([
    ['2020-03-14T10:00:00Z', '2020-03-14'],
    ['20200414T00:38:07Z', '2020-04-14'],
    ['March 14, 2020', '2020-03-14'],
    ['Sat, 14 Mar 2020 10:00', '2020-03-14'],
    ['14. März 2020', '2020-03-14'],
    ['le 14 mars 2020', '2020-03-14'],
    ['14 de marzo de 2020', '2020-03-14'],
    ['14.03.2020, 10:00 Uhr', '2020-03-14'],
    ['2020年3月14日', '2020-03-14'],
    ['الأربعاء، 07 أكتوبر 2020 - 12:09 م', '2020-10-07'],
    ['24 نيسان / أبريل 2020', '2020-04-24'],
  ])('%s → %s', (text, value) => expect(parseDate(text, 'dmy', '2030-01-01')).toBe(value));

  it('reads ambiguous numeric dates in the page convention, unambiguous ones either way', () => {
    expect(parseDate('03/04/2020', 'dmy', '2030-01-01')).toBe('2020-04-03');
    expect(parseDate('03/04/2020', 'mdy', '2030-01-01')).toBe('2020-03-04');
    expect(parseDate('13/04/2020', 'mdy', '2030-01-01')).toBe('2020-04-13');
  });

  it('rejects impossible and implausible dates', () => {
    expect(parseDate('2020-02-30', 'dmy', '2030-01-01')).toBeNull();
    expect(parseDate('1990-05-01', 'dmy', '2030-01-01')).toBeNull(); // before 1995
    expect(parseDate('2031-05-01', 'dmy', '2030-01-01')).toBeNull(); // after today
  });

  it('recognises blocks that are only a date stamp', () => {
    expect(isDateStamp('PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019')).toBe(true);
    expect(isDateStamp('Veröffentlicht am 12.03.2020 um 14:30 Uhr')).toBe(true);
    expect(isDateStamp('On 3 March 2020 the council met to discuss the bridge.')).toBe(false);
  });
});

describe('order of trust', () => {
  it('meta tags, then JSON-LD of the article, then <time>, then visible text', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-03-01T08:00:00+01:00","dateModified":"2020-03-09T08:00:00+01:00"}</script>`;
    const meta = '<meta property="article:published_time" content="2020-03-02T08:00:00+01:00">';
    const time = '<time datetime="2020-03-03T08:00:00+01:00">3 March 2020</time>';
    const text = '<div class="post-date">4 March 2020</div>';
    expect(first(body(`<article><h1>Ferry service returns</h1>${time}${text}${PARA}</article>`, `${ld}${meta}`))).toBe('2020-03-02');
    expect(first(body(`<article><h1>Ferry service returns</h1>${time}${text}${PARA}</article>`, ld))).toBe('2020-03-01');
    expect(first(body(`<article><h1>Ferry service returns</h1>${time}${text}${PARA}</article>`))).toBe('2020-03-03');
    expect(first(body(`<article><h1>Ferry service returns</h1>${text}${PARA}</article>`))).toBe('2020-03-04');
  });

  it('keeps the update apart, last, and uses the URL only when the input gives one', () => {
    const meta = '<meta property="article:modified_time" content="2020-03-09T08:00:00Z">';
    const found = dates(body(`<article><h1>Ferry service returns</h1>${PARA}</article>`, meta));
    expect(found).toEqual([expect.objectContaining({ value: '2020-03-09', kind: 'updated' })]);
    expect(first(body(`<article>${PARA}</article>`), 'https://news.example/2020/03/14/ferry')).toBe('2020-03-14');
    expect(first(body(`<article>${PARA}</article>`))).toBeNull();
  });

  it('reads the date fields of JSON-LD that is not valid JSON', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00", }</script>';
    expect(first(body(`<article>${PARA}</article>`, ld))).toBe('2020-10-26');
  });

  it('prefers the date the page shows when the best machine date is a UTC stamp a day off', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-18T02:18:11Z"}</script>';
    const shown = '<div class="byline">By Ana Ruiz | <time>17 de febrero de 2020</time></div>';
    expect(first(body(`<article><h1>Ferry service returns</h1>${shown}${PARA}</article>`, ld))).toBe('2020-02-17');
  });

  it('finds the headline whose title the meta tags escape twice, and the date under it', () => {
    const head = '<meta property="og:title" content="Harbour&amp;#039;s ferry returns">';
    expect(first(`<html lang="en"><head>${head}</head><body><div><h2>Harbour's ferry returns</h2><p>Wire<br>13 Jan 2020, 22:11 GMT+10</p>${PARA}</div></body></html>`)).toBe('2020-01-13');
  });

  it('finds the date in the lines under the headline when nothing marks it', () => {
    expect(first(body(`<h2>Ferry service returns</h2><div><span>Jane Roe | </span> 2020-03-04 16:52:59</div>${PARA}`))).toBe('2020-03-04');
  });
});

describe('the lines under the headline', () => {
  const STANDFIRST = '<div class="standfirst">The island ferry is back on its winter timetable after the pier repairs finished early, and the operator says the summer sailings will return in May as usual, with two extra crossings on Saturdays.</div>';

  it('reads a byline list and a <time> that shows no date by its machine value', () => {
    const byline = '<ul class="thread-info"><li><a href="/members/ana">Ana Ruiz</a></li><li><a href="/t/ferry"><time datetime="2020-03-18T12:22:42-0400">1 minute ago</time></a></li></ul>';
    expect(first(body(`<div><h1>Ferry service returns</h1>${byline}</div>${PARA}`))).toBe('2020-03-18');
  });

  it('skips the date a profile label stands before', () => {
    const user = '<div class="user"><a href="/members/ana">Ana Ruiz</a><dl><dt>Joined</dt><dd>May 11, 2017</dd></dl><dl><dt>Posts</dt><dd>3,066</dd></dl></div>';
    expect(first(body(`<div><h1>Ferry service returns</h1>${user}<div>Posted 18 March 2020</div></div>${PARA}`))).toBe('2020-03-18');
    expect(first(body(`<div><h1>Ferry service returns</h1>${user}</div>${PARA}`))).toBeNull();
  });

  it('reads the whole header: a date line after a standfirst', () => {
    expect(first(body(`<div><h1>Ferry service returns</h1><div>Ana Ruiz</div>${STANDFIRST}<div>August 06, 2019</div></div>${PARA}`))).toBe('2019-08-06');
  });

  it('never takes the date a caption or a standfirst talks about', () => {
    const caption = '<div><img src="a.jpg"><br>FILE PHOTO: The ferry leaves the harbour on its first winter sailing since the repairs in Portmore, Ireland, January 16, 2020. Photo by Ana Ruiz for the Harbour Gazette</div>';
    expect(first(body(`<div><h1>Ferry service returns</h1>${caption}<p>January 18, 2020</p></div>${PARA}`))).toBe('2020-01-18');
  });
});

describe('dates that belong to something else', () => {
  it('never come from related articles, comments, navigation or the page header', () => {
    const html = body(`<header class="site-header"><span class="date">Tuesday, 8 December 2020</span></header>
      <article><h1>Ferry service returns</h1>${PARA}
      <aside class="related"><ul><li><a href="/a">Pier repairs begin</a> <time datetime="2020-01-05">5 January 2020</time></li></ul></aside>
      <div class="comments"><div class="comment"><span class="date">6 March 2020</span><p>Good news at last.</p></div></div></article>`);
    expect(dates(html)).toEqual([]);
  });

  it('are not taken from scripts', () => {
    expect(first(body(`<article>${PARA}<script>var published = "2020-03-14";</script></article>`))).toBeNull();
  });
});
