/**
 * The API's description, OpenAPI 3.1. Its data shapes are the report contract's JSON Schema
 * (schema/report.schema.json, read from the repository, never copied), so the two cannot drift:
 * the schema's definitions become the document's components.
 */
import { readFileSync } from 'node:fs';
import { MAX_LIMIT } from '../store/search.ts';
import { MAX_BATCH, MAX_OFFSET, MAX_QUERY_CHARS } from './params.ts';

const REPORT_SCHEMA = new URL('../../schema/report.schema.json', import.meta.url);

type Json = Record<string, unknown>;

/** JSON Schema `#/$defs/x` references → OpenAPI `#/components/schemas/x`. */
function rehome(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rehome);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/').replace(/^#$/, '#/components/schemas/Report') : rehome(v)]));
  }
  return value;
}

let cached: Json | undefined;

/** Read once: the schema file does not change while the server runs. */
function reportSchemas(): Json {
  if (cached) return cached;
  const { $defs, $schema: _s, $id: _i, ...report } = JSON.parse(readFileSync(REPORT_SCHEMA, 'utf8')) as Json & { $defs: Json };
  cached = { ...(rehome($defs) as Json), Report: rehome(report) };
  return cached;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const NULLABLE_DATE = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

function apiSchemas(): Json {
  return {
    Error: {
      type: 'object', required: ['status', 'message'], additionalProperties: false,
      properties: { status: { type: 'integer', description: 'The HTTP status again.' }, message: { type: 'string', description: 'What went wrong and what to do.' } },
    },
    StoryList: {
      type: 'object', required: ['total', 'limit', 'offset', 'stories'],
      properties: {
        total: { type: 'integer', minimum: 0, description: 'Live stories in the store.' },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        stories: {
          type: 'array', description: 'Most recent activity first.',
          items: {
            allOf: [ref('story'), {
              type: 'object', required: ['stats'],
              properties: {
                stats: {
                  type: 'object', required: ['articles', 'outlets', 'earliest', 'latest'],
                  properties: {
                    articles: { type: 'integer', minimum: 0 },
                    outlets: { type: 'integer', minimum: 0, description: 'Distinct outlets (by name, else URL host); 0 when none is known.' },
                    earliest: { ...NULLABLE_DATE, description: 'Earliest day the articles can have been published.' },
                    latest: { ...NULLABLE_DATE, description: 'Latest day the articles can have been published.' },
                  },
                },
              },
            }],
          },
        },
      },
    },
    SearchResult: {
      type: 'object', required: ['query', 'total', 'results'],
      properties: {
        query: { type: 'object', description: 'The parameters as understood (dates widened to full days).' },
        total: { type: 'integer', minimum: 0, description: 'Matches in all; `results` is one page of them.' },
        results: {
          type: 'array',
          items: {
            type: 'object', required: ['id', 'storyId', 'title', 'outlet', 'url', 'published', 'language', 'rank', 'snippet'],
            properties: {
              id: ref('articleId'),
              storyId: { anyOf: [ref('storyId'), { type: 'null' }] },
              title: { type: ['string', 'null'] },
              outlet: { type: ['string', 'null'] },
              url: { type: ['string', 'null'] },
              published: ref('published'),
              language: { type: ['string', 'null'] },
              rank: { type: 'number', description: 'Relevance to `q` (0 without `q`).' },
              snippet: { type: 'string', description: 'Plain text around the first match.' },
            },
          },
        },
      },
    },
    ArticleInput: {
      type: 'object', description: 'One article, as in the `.json` input files: `text` or `html` is required.',
      properties: {
        text: { type: 'string', description: 'The article as plain text (a text dump).' },
        html: { type: 'string', description: 'The page as HTML (used when `text` is absent).' },
        url: { type: 'string' },
        title: { type: 'string', description: 'The headline, when the scraper knows it.' },
        published: { type: 'string', description: 'The publication date as stated (ISO or as written).' },
        source: { type: 'string', description: 'The outlet or site name.' },
      },
      anyOf: [{ required: ['text'] }, { required: ['html'] }],
    },
    IngestResponse: {
      type: 'object', required: ['summary', 'items'],
      properties: {
        summary: {
          type: 'object', required: ['inputs', 'analysed', 'unchanged', 'failed'],
          properties: { inputs: { type: 'integer' }, analysed: { type: 'integer' }, unchanged: { type: 'integer' }, failed: { type: 'integer' } },
        },
        items: {
          type: 'array', description: 'One entry per article sent, in order.',
          items: {
            type: 'object', required: ['index', 'source', 'status', 'articleIds', 'storyIds', 'reason'],
            properties: {
              index: { type: 'integer', minimum: 0 },
              source: { type: 'string', description: '`api#N` for the N-th article of the request.' },
              status: { enum: ['analysed', 'unchanged', 'failed'], description: '`unchanged`: the same content was already stored.' },
              articleIds: { type: 'array', items: ref('articleId'), description: 'Several when the page held several articles and was split.' },
              storyIds: { type: 'array', items: ref('storyId') },
              reason: { type: ['string', 'null'], description: 'Why it failed.' },
            },
          },
        },
      },
    },
  };
}

const idParam = (kind: 'article' | 'story') => ({
  name: 'id', in: 'path', required: true,
  schema: { type: 'string', pattern: kind === 'article' ? '^a[0-9a-f]{16}$' : '^s[0-9a-f]{16}$' },
});
const intParam = (name: string, max: number, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'integer', minimum: name === 'limit' ? 1 : 0, maximum: max } });
const textParam = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string', maxLength: MAX_QUERY_CHARS } });
const dateParam = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } });

export function openApiDocument(maxBytes: number): Json {
  const badRequest = error('A malformed parameter or id; the message says what a good one looks like.');
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Storyline API',
      version: '1',
      description: 'Stories and articles of a Storyline store, in the shapes of the report contract (docs/report.md). Errors are JSON `{status, message}`. Writes need `Authorization: Bearer TOKEN` when the server has a token, and are refused without one unless it listens on loopback only (docs/web.md).',
    },
    paths: {
      '/api/stories': {
        get: {
          summary: 'Live stories, most recent activity first',
          parameters: [intParam('limit', MAX_LIMIT, 'Page size (default 50).'), intParam('offset', MAX_OFFSET, 'Stories to skip.')],
          responses: { 200: json(ref('StoryList'), 'A page of stories with their counts.'), 400: badRequest },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story with all its articles, as a report',
          description: 'The id of a story merged into another answers with the story it now lives in (its `mergedFrom` lists the id).',
          parameters: [idParam('story')],
          responses: { 200: json(ref('Report'), 'A report holding the story and every article it lists.'), 400: badRequest, 404: error('No such story.') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: clean text, what was removed and why, the date evidence',
          parameters: [idParam('article')],
          responses: { 200: json(ref('article'), 'The article.'), 400: badRequest, 404: error('No such article.') },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over articles',
          parameters: [
            textParam('q', 'Words (all must occur), "quoted phrases", `or`, and `-excluded` words; no stemming.'),
            textParam('entity', 'A name, matched as a phrase.'),
            dateParam('from', 'Articles that can have been published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD); undated ones drop out.'),
            dateParam('to', 'Articles that can have been published on or before this day.'),
            intParam('limit', MAX_LIMIT, 'Page size (default 20).'),
            intParam('offset', MAX_OFFSET, 'Results to skip.'),
          ],
          responses: { 200: json(ref('SearchResult'), 'Matches, best first with `q`, else most recently published first.'), 400: badRequest },
        },
      },
      '/api/articles': {
        post: {
          summary: 'Analyse articles into the store',
          description: `One article object or an array of up to ${MAX_BATCH}; each is analysed as \`storyline analyze\` would and gets its own status. Bodies over ${maxBytes} bytes are refused with 413.`,
          security: [{ token: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [ref('ArticleInput'), { type: 'array', items: ref('ArticleInput'), minItems: 1, maxItems: MAX_BATCH }] } } } },
          responses: {
            200: json(ref('IngestResponse'), 'Per-article status (a failed article does not fail the others).'),
            400: error('The body is not JSON, or not an object or array.'),
            401: error('A token is needed, or the one sent is wrong.'),
            403: error('Writes are off: the server is reachable from other machines and has no token.'),
            413: error('The body or the batch is too large.'),
            415: error('The body is not declared as application/json.'),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
    },
    components: {
      schemas: { ...reportSchemas(), ...apiSchemas() },
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The token given to `storyline serve --token` (or STORYLINE_TOKEN).' } },
    },
  };
}
