/** Metadata from markup: title without the site name, byline, site name, language, canonical URL. */
import { describe, expect, it } from 'vitest';
import { parsePage, prepareMarkup } from '../clean/dom.ts';
import { parseJsonLd, readPageMeta } from './html-meta.ts';

function meta(html: string) {
  const prepared = prepareMarkup(html);
  return readPageMeta(parsePage(prepared.html).index, parseJsonLd(prepared.jsonLd));
}

describe('page metadata', () => {
  it('takes the JSON-LD record first, then OpenGraph and meta tags, then the document', () => {
    const m = meta(`<html lang="de-AT"><head><title>Fähre fährt wieder – Seeblatt</title>
      <meta property="og:site_name" content="Seeblatt"><meta property="og:title" content="Fähre fährt wieder | Seeblatt">
      <meta name="author" content="Meta Author"><link rel="canonical" href="https://seeblatt.example/faehre">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Seeblatt Online"},
        {"@type":"NewsArticle","headline":"Fähre fährt wieder","author":[{"@type":"Person","name":"Eva Berg"},{"@type":"Person","name":"Jan Roth"}]}]}</script>
      </head><body><h1>Fähre fährt wieder</h1></body></html>`);
    expect(m).toMatchObject({
      title: 'Fähre fährt wieder',
      siteName: 'Seeblatt',
      byline: 'Eva Berg, Jan Roth',
      language: 'de-AT',
      canonicalUrl: 'https://seeblatt.example/faehre',
    });
  });

  it('strips the site name from the document title, or takes the h1 the title holds', () => {
    expect(meta('<html><head><title>Ferry service returns | Harbour Gazette</title><meta property="og:site_name" content="Harbour Gazette"></head><body></body></html>').title).toBe('Ferry service returns');
    expect(meta('<html><head><title>Gazette Mobile :: Ferry service returns for the winter</title></head><body><h1>Ferry service returns for the winter</h1></body></html>').title).toBe('Ferry service returns for the winter');
  });

  it('decodes a meta title escaped twice', () => {
    expect(meta('<html><head><meta property="og:title" content="Harbour&amp;#039;s ferry returns"></head><body></body></html>').title).toBe("Harbour's ferry returns");
  });

  it('falls back to meta tags for the byline and language, and leaves absent fields null', () => {
    const m = meta('<html><head><meta name="author" content="Jane Roe"><meta http-equiv="content-language" content="fr"></head><body><p>x</p></body></html>');
    expect(m).toMatchObject({ byline: 'Jane Roe', language: 'fr', siteName: null, canonicalUrl: null, articleBody: null });
  });

  it('reads articleBody without its markup and entities', () => {
    const m = meta('<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<p>Europa&apos;s ferry</p><p>returns.</p>"}</script></head><body></body></html>');
    expect(m.articleBody).toBe("Europa's ferry returns.");
  });
});
