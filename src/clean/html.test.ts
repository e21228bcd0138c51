/**
 * The HTML path on pages written for these tests: what the DOM-level rules remove and recover, the
 * JSON-LD body check, the paywall flag, and the report fields an HTML page gets.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../pipeline/index.ts';
import { extractHtml } from './html.ts';

const P1 = 'The harbour council voted on Tuesday to rebuild the old stone bridge, which has been closed to lorries since the spring floods damaged its piers.';
const P2 = 'Engineers told the meeting that the work would take about eighteen months, and that a temporary footbridge would keep the market open in the meantime.';
const P3 = 'Residents who spoke at the meeting said they welcomed the decision, although several asked why the repairs had not started a year earlier.';
const P4 = 'The council will publish the full tender documents next month, and local firms will be invited to bid for the first stage of the work.';

function page(article: string, extra = '', head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Bridge to be rebuilt | Harbour Gazette</title>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Bridge to be rebuilt</h1>${article}</article>${extra}
<footer><p>Copyright Harbour Gazette. All rights reserved.</p></footer></body></html>`;
}

const text = (html: string) => extractHtml(html).blocks.join('\n');

describe('main text from HTML', () => {
  it('keeps the article paragraphs and drops the navigation, footer and headline', () => {
    const t = text(page(`<p>${P1}</p><p>${P2}</p><p>${P3}</p>`));
    for (const p of [P1, P2, P3]) expect(t).toContain(p);
    expect(t).not.toContain('Copyright');
    expect(t).not.toMatch(/^Home$/m);
  });

  it('drops a related-articles block, a share bar, a newsletter box and a caption inside the article', () => {
    const x = extractHtml(page(`<p>${P1}</p>
      <figure><img src="a.jpg"><figcaption>The bridge at dusk. Photo: Jane Roe</figcaption></figure>
      <div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>
      <p>${P2}</p>
      <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day.</p><form><input type="email"></form></div>
      <p>${P3}</p>
      <section class="related-stories"><h2>Related stories</h2><ul><li><a href="/a">Ferry timetable changes for winter</a></li><li><a href="/b">New car park opens by the quay</a></li></ul></section>`));
    const t = x.blocks.join('\n');
    for (const p of [P1, P2, P3]) expect(t).toContain(p);
    for (const chrome of ['Facebook', 'morning briefing', 'Ferry timetable', 'Related stories', 'bridge at dusk']) expect(t).not.toContain(chrome);
    expect(x.captions.some((c) => c.includes('bridge at dusk'))).toBe(true);
    expect(x.outside).toContainEqual(expect.objectContaining({ reason: 'related' }));
  });

  it('drops the list under a "More stories" heading and a comments section', () => {
    const t = text(page(`<p>${P1}</p><p>${P2}</p>
      <h3>More stories</h3><ul><li><a href="/1">Lifeboat crew honoured</a></li><li><a href="/2">School wins sailing trophy</a></li></ul>
      <div id="comments"><h3>3 Comments</h3><div class="comment"><p>I have crossed that bridge every day for forty years and it was never this bad.</p></div></div>`));
    expect(t).toContain(P2);
    expect(t).not.toContain('Lifeboat crew');
    expect(t).not.toContain('forty years');
  });

  it('recovers lists of prose, block quotes and data tables inside the article', () => {
    const t = text(page(`<p>${P1}</p>
      <ul><li>The piers will be strengthened with new stone taken from the same quarry as the original.</li>
      <li>The deck will be widened so that two lorries can pass each other safely at the centre.</li></ul>
      <blockquote><p>"We have waited long enough for this bridge to be made safe," said the harbour master.</p></blockquote>
      <table><thead><tr><th>Stage</th><th>Cost</th></tr></thead><tbody><tr><td>Piers</td><td>1.2 million</td></tr><tr><td>Deck</td><td>0.8 million</td></tr></tbody></table>
      <p>${P2}</p>`));
    expect(t).toContain('The piers will be strengthened');
    expect(t).toContain('waited long enough');
    expect(t).toMatch(/^Piers 1\.2 million$/m); // one table row, one line
    expect(t).toContain(P2);
  });

  it('keeps an embedded post, though its box is named like a social widget', () => {
    const t = text(page(`<p>${P1}</p><div class="social-media-embed"><blockquote class="twitter-tweet"><p>The bridge is finally getting fixed, and about time too.</p>— A Resident (@resident) 3 March 2025</blockquote></div><p>${P2}</p>`));
    expect(t).toContain('finally getting fixed');
  });

  it('uses JSON-LD articleBody, when it agrees with the page, to drop blocks it does not hold', () => {
    const body = [P1, P2, P3, P4].join(' ');
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge to be rebuilt', articleBody: body })}</script>`;
    const t = text(page(`<p>${P1}</p><p>Watch our video report from the quay this afternoon</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>`, '', ld));
    expect(t).toContain(P4);
    expect(t).not.toContain('video report');
    // A summary (a body much shorter than the page's text) is not used to cut anything.
    const short = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: `${P1} ${P2.slice(0, 40)}` })}</script>`;
    expect(text(page(`<p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>`, '', short))).toContain(P4);
  });

  it('reads pages without <html> or <body> (fragments)', () => {
    expect(text(`<div><p>${P1}</p><p>${P2}</p></div>`)).toContain(P2);
  });

  it('flags a text cut off by a paywall', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false,"headline":"Bridge to be rebuilt"}</script>`;
    const x = extractHtml(page(`<p>${P1}</p><div class="paywall"><p>Subscribe to continue reading this article.</p></div>`, '', ld));
    expect(x.truncated).toMatch(/subscribers/);
    expect(extractHtml(page(`<p>${P1}</p><p>${P2}</p>`)).truncated).toBeNull();
  });
});

describe('HTML inputs in the pipeline', () => {
  const bytes = (html: string) => new TextEncoder().encode(html);

  it('gives the report fields from the markup: title without the site name, outlet, URL, date, language', () => {
    const head = `<meta property="og:site_name" content="Harbour Gazette"><link rel="canonical" href="https://gazette.example/bridge">
      <meta property="article:published_time" content="2025-03-04T09:30:00+00:00"><meta property="article:modified_time" content="2025-03-05T10:00:00+00:00">`;
    const r = analyse({ source: 'bridge.html', kind: 'html', bytes: bytes(page(`<p>${P1}</p><p>${P2}</p><p>${P3}</p>`, '', head)) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.articles[0]!;
    expect(a.title).toBe('Bridge to be rebuilt');
    expect(a.outlet).toBe('Harbour Gazette');
    expect(a.url).toBe('https://gazette.example/bridge');
    expect(a.published).toMatchObject({ value: '2025-03-04', basis: 'explicit' });
    expect(a.language).toBe('en');
    expect(a.truncated).toBeUndefined();
  });

  it('sets truncated and a clean:paywall warning on a paywalled page', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script>`;
    const r = analyse({ source: 'p.html', kind: 'html', bytes: bytes(page(`<p>${P1}</p><p>${P2}</p><div class="paywall-prompt"><p>Already a subscriber? Log in</p></div>`, '', ld)) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.articles[0]!.truncated).toBe(true);
    expect(r.articles[0]!.diagnostics).toContainEqual(expect.objectContaining({ origin: 'clean:paywall', level: 'warning' }));
  });
});

describe('hostile pages finish in bounded time with a clear result', () => {
  const para = `<p>${P1}</p>`;
  const run = (html: string) => {
    const t = performance.now();
    const r = analyse({ source: 'hostile.html', kind: 'html', bytes: new TextEncoder().encode(html) });
    return { r, seconds: (performance.now() - t) / 1000 };
  };

  it('100,000 nested elements', () => {
    const { r, seconds } = run(`<html><body>${'<div>'.repeat(100_000)}${para}${'</div>'.repeat(100_000)}</body></html>`);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.articles[0]!.text).toContain('harbour council');
      expect(r.articles[0]!.diagnostics.some((d) => d.origin === 'clean:size')).toBe(true);
    }
    expect(seconds).toBeLessThan(20);
  }, 60_000);

  it('a page of one 10 MB line', () => {
    const { r, seconds } = run(`<html><body><article><p>${P1.repeat(Math.ceil(10e6 / P1.length))}</p></article></body></html>`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.articles[0]!.diagnostics.some((d) => d.origin === 'clean:size' && d.level === 'warning')).toBe(true);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('a 50 MB page', () => {
    const chunk = `${para}<div class="related"><a href="/x">Another story</a></div>\n`;
    const { r, seconds } = run(`<html><body><article>${chunk.repeat(Math.ceil(50e6 / chunk.length))}</article></body></html>`);
    expect(r.ok).toBe(true);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('10 MB of "<", an unclosed comment, an unclosed attribute: no hang, a result or a reason', () => {
    for (const html of ['<'.repeat(10e6), `${para}<!--${'x'.repeat(10e6)}`, `${para}<div class="${'a'.repeat(10e6)}`, '<a '.repeat(3e6)]) {
      const { r, seconds } = run(html);
      expect(r.ok || r.reason.length > 0).toBe(true);
      expect(seconds).toBeLessThan(30);
    }
  }, 180_000);
});
