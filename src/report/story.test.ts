/** The story views escape what the articles hold: hostile titles and text render as text. */
import { describe, expect, it } from 'vitest';
import type { Report } from './schema.ts';
import { renderStory } from './story.ts';

const A = 'a0123456789abcdef';
const S = 's0123456789abcdef';
const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) \u001b[31mred';

const report: Report = {
  version: 1,
  generatedAt: '2026-01-01T00:00:00.000Z',
  summary: { inputs: 1, analysed: 1, unchanged: 0, failed: 0, articles: 1, stories: 1 },
  articles: [
    {
      id: A, source: 'evil.html', parentId: null, title: EVIL, titleDerived: false,
      published: { value: null, earliest: null, latest: null, basis: 'unknown', evidence: null },
      language: 'en', text: EVIL, removed: [], url: 'javascript:alert(4)', outlet: EVIL, storyId: S, diagnostics: [],
    },
  ],
  stories: [
    {
      id: S, title: EVIL, articleIds: [A], entities: [], quotes: [],
      claims: [{ measure: EVIL, status: 'conflicting', kind: 'figure', reason: EVIL, values: [{ text: EVIL, low: 1, high: 1, unit: null, approx: false, attribution: EVIL, period: null, articleIds: [A] }] }],
      events: [{ date: null, earliest: null, latest: null, summary: EVIL, articleIds: [A], precision: null, basis: 'none', dateText: EVIL }],
      briefing: [{ text: EVIL, articleIds: [A] }],
      voice: [{ articleId: A, outlet: EVIL, own: [{ word: EVIL, count: 1 }], quoted: [] }],
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', mergedFrom: [],
    },
  ],
  errors: [],
};

describe('story views', () => {
  it('escape everything in HTML: no tag, handler or javascript: link from an article survives', () => {
    for (const view of ['brief', 'timeline', 'claims'] as const) {
      const html = renderStory(report, report.stories[0]!, view, 'html');
      // The words survive as text (&lt;img ... onerror=...&gt;); no element or link is made of them.
      expect(html).not.toMatch(/<script|<img|href="javascript/i);
      expect(html).toContain('&lt;script&gt;');
      expect(html).toMatch(/default-src 'none'/);
      expect(html).not.toContain('\u001b');
    }
  });

  it('strip terminal escapes and neutralise Markdown', () => {
    for (const view of ['brief', 'timeline', 'claims'] as const) {
      const text = renderStory(report, report.stories[0]!, view, 'text');
      expect(text).not.toContain('\u001b');
      const md = renderStory(report, report.stories[0]!, view, 'md');
      expect(md).not.toMatch(/<script|<img/);
      expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    }
  });
});
