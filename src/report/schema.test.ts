import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, PublishedDate, Removed } from '../article/article.ts';
import { UNKNOWN_DATE } from '../article/article.ts';
import { REPORT_VERSION } from './schema.ts';
import type { Report, ReportArticle, ReportDiagnostic, ReportPublished, ReportRemoved } from './schema.ts';
import { REPORT_SCHEMA_URL, assertValidReport, validateReport } from './validate.ts';

// Compile-time drift check: the pipeline's records must fit the report's types (tsc fails otherwise).
type Fits<A extends B, B> = A extends B ? true : never;
const fits: [Fits<PublishedDate, ReportPublished>, Fits<Removed, ReportRemoved>, Fits<Diagnostic, ReportDiagnostic>] = [true, true, true];
void fits;

const A1 = 'a0123456789abcdef';
const A2 = 'a00000000000000aa';
const A3 = 'a1111111111111111';
const S1 = 's0123456789abcdef';
const S0 = 'sfedcba9876543210';

function article(over: Partial<ReportArticle> = {}): ReportArticle {
  return {
    id: A1,
    source: 'inputs/harbour.html',
    parentId: null,
    title: null,
    titleDerived: false,
    published: { ...UNKNOWN_DATE },
    language: null,
    text: '',
    removed: [],
    url: null,
    outlet: null,
    storyId: null,
    diagnostics: [],
    ...over,
  };
}

const minimal: Report = {
  version: REPORT_VERSION,
  generatedAt: '2025-06-18T09:30:00.000Z',
  summary: { inputs: 0, analysed: 0, unchanged: 0, failed: 0, articles: 0, stories: 0 },
  articles: [],
  stories: [],
  errors: [],
};

/** Every field filled in (the story's analysis arrays are empty in v1 output, but the schema covers them). */
const full: Report = {
  version: 1,
  generatedAt: '2025-06-18T09:30:00.000Z',
  summary: { inputs: 3, analysed: 1, unchanged: 1, failed: 1, articles: 3, stories: 1 },
  articles: [
    article({
      id: A1,
      source: 'inputs/harbour.html',
      url: 'https://example.org/news/harbour-bridge',
      outlet: 'Example Gazette',
      title: 'Council approves harbour bridge repairs',
      published: {
        value: '2025-03-14',
        earliest: '2025-03-14',
        latest: '2025-03-14',
        basis: 'explicit',
        evidence: 'Published 14 March 2025, 08:10',
      },
      language: 'en',
      text: 'The town council voted on Thursday to repair the harbour bridge.\n\nWork is due to start in May.',
      removed: [
        { text: 'Subscribe to our newsletter', reason: 'newsletter' },
        { text: 'Photo: the bridge at dusk (Example Gazette)', reason: 'caption' },
      ],
      storyId: S1,
      diagnostics: [{ origin: 'decode:charset', level: 'info', message: 'no charset declared; detected UTF-8' }],
      truncated: false,
      times: [
        { text: 'Thursday', start: 36, end: 44, type: 'DATE', value: '2025-03-13', precision: 'day', earliest: '2025-03-13', latest: '2025-03-13', relative: true, resolved: true },
      ],
      figures: [
        { text: 'twice as long', start: 70, end: 83, low: 2, high: 2, unit: null, approx: false, bound: '=', kind: 'ratio', factor: 2, change: 'up', period: null, attribution: null },
      ],
      mentions: [{ text: 'council', start: 4, end: 11, type: 'organization', entity: 'Town Council' }],
    }),
    article({
      id: A2,
      source: 'inputs/digest.txt',
      parentId: A3,
      title: 'Bridge repairs to cost about 2 million',
      titleDerived: true,
      published: {
        value: '2025',
        earliest: '2025-03-01',
        latest: '2025-12-31',
        basis: 'inferred',
        evidence: 'the vote "in March"',
      },
      language: 'en',
      text: 'Repairs to the harbour bridge will cost about 2 million euros, the mayor said.',
      storyId: S1,
    }),
    article({ id: A3, source: 'inputs/digest.txt', text: 'Digest page.', removed: [{ text: 'Related Articles', reason: 'related' }] }),
  ],
  stories: [
    {
      id: S1,
      title: 'Harbour bridge repairs',
      articleIds: [A1, A2],
      entities: [{ name: 'Anna Example', type: 'person', aliases: ['Example'], role: 'mayor', mentions: 3, articleIds: [A1, A2] }],
      quotes: [
        {
          speaker: 'Anna Example',
          text: 'The bridge will stay open during the work.',
          articleId: A1,
          via: null,
          direct: true,
          partial: false,
          cue: 'said',
          speakerMention: 'she',
          start: 0,
          end: 42,
        },
      ],
      claims: [
        {
          measure: 'cost of the bridge repairs',
          status: 'single-source',
          values: [
            {
              text: 'twice as much',
              low: 4_000_000,
              high: 4_000_000,
              unit: 'EUR',
              approx: true,
              attribution: 'the opposition',
              period: null,
              articleIds: [A1],
              derived: 'twice as much as about 2 million euros',
              increment: false,
            },
            {
              text: 'about 2 million euros',
              low: 2_000_000,
              high: 2_000_000,
              unit: 'EUR',
              approx: true,
              attribution: 'the mayor',
              period: null,
              articleIds: [A2],
            },
          ],
          kind: 'figure',
          reason: 'one source gives this figure',
        },
      ],
      events: [
        {
          date: '2025-03',
          earliest: '2025-03-01',
          latest: '2025-03-31',
          summary: 'The council votes to repair the bridge.',
          articleIds: [A1, A2],
          precision: 'month',
          basis: 'text',
          dateText: 'in March',
        },
      ],
      voice: [{ articleId: A1, outlet: 'Example Gazette', own: [{ word: 'reckless', count: 1 }], quoted: [{ word: 'shameful', count: 2 }] }],
      provenance: [{ channel: 'Example Wire', articleIds: [A1], quotes: 1, sentences: [{ text: 'The mayor told Example Wire the bridge would stay open.', articleId: A1 }] }],
      briefing: [{ text: 'The council approved repairs to the harbour bridge, due to start in May.', articleIds: [A1] }],
      createdAt: '2025-06-17T12:00:00Z',
      updatedAt: '2025-06-18T09:30:00+02:00',
      mergedFrom: [S0],
    },
  ],
  errors: [{ path: 'inputs/broken.pdf', reason: 'unsupported file type' }],
};

/** A deep copy of `full` changed by `edit` (loosely typed, to build invalid reports). */
function broken(edit: (r: any) => void): unknown {
  const copy = structuredClone(full);
  edit(copy);
  return copy;
}

function errorsOf(obj: unknown): string[] {
  const result = validateReport(obj);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('validateReport: valid reports', () => {
  it('accepts a minimal report', () => {
    expect(validateReport(minimal)).toEqual({ ok: true });
  });

  it('accepts a full example with an entity, quote, claim, event and briefing sentence', () => {
    expect(validateReport(full)).toEqual({ ok: true });
    expect(() => assertValidReport(full)).not.toThrow();
  });

  it('accepts fields added later (additional properties), at every level', () => {
    const extended = broken((r) => {
      r.extra = 1;
      r.summary.extra = 1;
      r.articles[0].extra = 1;
      r.articles[0].published.extra = 1;
      r.articles[0].removed[0].extra = 1;
      r.stories[0].extra = 1;
      r.stories[0].claims[0].values[0].extra = 1;
      r.errors[0].extra = 1;
    });
    expect(validateReport(extended)).toEqual({ ok: true });
  });

  it('accepts an open-ended figure and an undated event', () => {
    const ok = broken((r) => {
      r.stories[0].claims[0].values[0].high = null;
      r.stories[0].events[0] = { date: null, earliest: null, latest: null, summary: 'A telegram is sent.', articleIds: [A1] };
    });
    expect(validateReport(ok)).toEqual({ ok: true });
  });
});

describe('validateReport: invalid reports, with useful messages', () => {
  it('rejects an unknown date basis, naming the field and the allowed values', () => {
    const errors = errorsOf(broken((r) => (r.articles[0].published.basis = 'guessed')));
    expect(errors).toContain(
      '/articles/0/published/basis must be equal to one of the allowed values: "explicit", "inferred", "unknown" (got "guessed")',
    );
  });

  it('rejects a date value that is not YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const errors = errorsOf(broken((r) => (r.articles[0].published.value = '2024-7-1')));
    expect(errors).toEqual([expect.stringMatching(/^\/articles\/0\/published\/value must match pattern .* \(got "2024-7-1"\)$/)]);
  });

  it('rejects an impossible bound date', () => {
    const errors = errorsOf(broken((r) => (r.stories[0].events[0].latest = '2025-02-30')));
    expect(errors).toEqual(['/stories/0/events/0/latest must match format "date" (got "2025-02-30")']);
  });

  it('rejects a report without `errors`', () => {
    const errors = errorsOf(broken((r) => delete r.errors));
    expect(errors).toEqual(["(report) must have required property 'errors'"]);
  });

  it('rejects a renamed field, naming both the missing and the unknown name', () => {
    const errors = errorsOf(
      broken((r) => {
        r.articles[1].parent_id = r.articles[1].parentId;
        delete r.articles[1].parentId;
      }),
    );
    expect(errors).toEqual(["/articles/1 must have required property 'parentId' (unknown properties here: parent_id)"]);
  });

  it('rejects a bad article id, wherever it appears', () => {
    expect(errorsOf(broken((r) => (r.articles[0].id = 'a0123456789ABCDEF')))).toEqual([
      expect.stringMatching(/^\/articles\/0\/id must match pattern "\^a\[0-9a-f\]\{16\}\$" \(got "a0123456789ABCDEF"\)$/),
    ]);
    expect(errorsOf(broken((r) => (r.stories[0].articleIds[1] = 's0123456789abcdef')))[0]).toMatch(/^\/stories\/0\/articleIds\/1 must match pattern/);
  });

  it('rejects a bad story id', () => {
    expect(errorsOf(broken((r) => (r.articles[0].storyId = 'story-1')))[0]).toMatch(/^\/articles\/0\/storyId must match pattern/);
  });

  it('rejects another version', () => {
    expect(errorsOf({ ...minimal, version: 2 })).toEqual(['/version must be 1 (got 2)']);
  });

  it('rejects a language that is not an ISO 639-1 code', () => {
    expect(errorsOf(broken((r) => (r.articles[0].language = 'eng')))[0]).toMatch(/^\/articles\/0\/language must match pattern/);
  });

  it('rejects a timestamp without a time zone', () => {
    expect(errorsOf({ ...minimal, generatedAt: '2025-06-18 09:30' })[0]).toMatch(/^\/generatedAt must match/);
  });

  it('rejects a wrongly typed field, saying what it got', () => {
    expect(errorsOf(broken((r) => (r.articles[0].titleDerived = 'no')))).toEqual(['/articles/0/titleDerived must be boolean (got string)']);
  });

  it('rejects a removed reason that is not a short code', () => {
    expect(errorsOf(broken((r) => (r.articles[0].removed[0].reason = 'Newsletter box')))[0]).toMatch(/^\/articles\/0\/removed\/0\/reason must match pattern/);
  });

  it('rejects a date where basis is unknown (an invented date)', () => {
    const errors = errorsOf(broken((r) => (r.articles[2].published.value = '2025-03-14')));
    expect(errors).toContain('/articles/2/published/value must be null (got string)');
    expect(errors).toContain('/articles/2/published breaks the rule: basis "unknown" means nothing is known, so value, earliest, latest and evidence must all be null');
  });

  it('rejects an explicit basis without a value', () => {
    const errors = errorsOf(broken((r) => (r.articles[0].published.value = null)));
    expect(errors).toContain('/articles/0/published/value must be string (got null)');
  });

  it('rejects an inferred basis without evidence or without any date', () => {
    const noDate = errorsOf(
      broken((r) => Object.assign(r.articles[1].published, { value: null, earliest: null, latest: null })),
    );
    expect(noDate).toEqual([
      '/articles/1/published breaks the rule: basis "inferred" needs evidence (a string) and at least one of value, earliest, latest',
    ]);
    const noEvidence = errorsOf(broken((r) => (r.articles[1].published.evidence = null)));
    expect(noEvidence).toContain('/articles/1/published/evidence must be string (got null)');
  });

  it('rejects a value that cites no article', () => {
    expect(errorsOf(broken((r) => (r.stories[0].briefing[0].articleIds = []))))
      .toEqual(['/stories/0/briefing/0/articleIds must NOT have fewer than 1 items']);
  });

  it('lists every problem, not just the first', () => {
    const errors = errorsOf(
      broken((r) => {
        r.articles[0].id = 'x';
        r.stories[0].claims[0].status = 'disputed';
      }),
    );
    expect(errors.length).toBe(2);
  });

  it('assertValidReport throws with the list', () => {
    expect(() => assertValidReport({ ...minimal, errors: undefined })).toThrow(/invalid report:\n {2}\(report\) must have required property 'errors'/);
  });
});

// --- The schema file itself, and its agreement with the types and docs. -----------------------------

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as Node;
const defs = schema.$defs as Record<string, Node>;

function resolve(node: Node): Node {
  const ref = node.$ref;
  return typeof ref === 'string' ? resolve(defs[ref.replace('#/$defs/', '')] as Node) : node;
}

/** Every object schema in the document, with a readable location. */
function objectSchemas(): [string, Node][] {
  const out: [string, Node][] = [['(root)', schema]];
  for (const [name, def] of Object.entries(defs)) if (def.type === 'object') out.push([name, def]);
  return out;
}

describe('the schema document', () => {
  it('is JSON Schema 2020-12 with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^urn:storyline:schema:report:1$/);
  });

  it('lets every object grow (additionalProperties: true) and requires every listed field', () => {
    // Fields added after v1's first release are optional (older v1 reports lack them): list them here as `object.field`.
    const optional = new Set<string>([
      'article.truncated', 'article.times', 'article.figures', 'article.mentions',
      'entity.articleIds', 'quote.partial', 'quote.cue', 'quote.speakerMention', 'quote.start', 'quote.end',
      // Present only for some figures (ratios, changes), in every version.
      'figure.factor', 'figure.change',
      'claim.kind', 'claim.reason', 'claimValue.derived', 'claimValue.increment', 'event.precision', 'event.basis', 'event.dateText',
      'story.voice', 'story.provenance',
    ]);
    for (const [where, node] of objectSchemas()) {
      expect(node.additionalProperties, where).toBe(true);
      const fields = Object.keys(node.properties as Node).filter((f) => !optional.has(`${where}.${f}`));
      expect([...(node.required as string[])].sort(), where).toEqual(fields.sort());
    }
  });

  it('titles and describes every field', () => {
    for (const [where, node] of objectSchemas()) {
      expect(node.title, where).toBeTypeOf('string');
      for (const [field, prop] of Object.entries(node.properties as Record<string, Node>)) {
        const described = { ...resolve(prop), ...prop };
        expect(described.title, `${where}.${field}`).toBeTypeOf('string');
        expect(described.description, `${where}.${field}`).toBeTypeOf('string');
      }
    }
  });

  it('has every field in the typed full example (so the TypeScript types cover the schema)', () => {
    // `full` is an object literal typed as `Report`, so tsc rejects any key the types lack.
    const missing: string[] = [];
    const walk = (node: Node, value: unknown, where: string): void => {
      node = resolve(node);
      if (node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array'))) {
        const items = value as unknown[];
        if (node.items && items.length > 0) walk(node.items as Node, items[0], `${where}[0]`);
        else if (node.items && resolve(node.items as Node).type === 'object') missing.push(`${where}[] (empty)`);
        return;
      }
      if (!node.properties) return;
      for (const [field, prop] of Object.entries(node.properties as Record<string, Node>)) {
        const v = (value as Node)[field];
        if (!(field in (value as Node))) missing.push(`${where}.${field}`);
        else walk(prop, v, `${where}.${field}`);
      }
    };
    walk(schema, full, 'report');
    expect(missing).toEqual([]);
  });

  const docs = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');

  it('is documented: every field name appears in docs/report.md', () => {
    const names = new Set<string>();
    for (const [, node] of objectSchemas()) for (const field of Object.keys(node.properties as Node)) names.add(field);
    const undocumented = [...names].filter((n) => !docs.includes(`\`${n}\``));
    expect(undocumented).toEqual([]);
  });

  it('matches the example in docs/report.md', () => {
    const blocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(validateReport(JSON.parse(block))).toEqual({ ok: true });
  });
});
