/**
 * The report contract, version 1: what `storyline analyze --format json` prints.
 *
 * This module is types plus one constant, so production code can import it freely. The machine-readable
 * contract is `schema/report.schema.json` (JSON Schema 2020-12); `validate.ts` checks an object against it
 * (test-only: it needs ajv, a devDependency). User documentation: `docs/report.md`.
 *
 * Within version 1 fields may be added, never renamed or removed. Keep these types, the schema and the
 * docs in step; `schema.test.ts` checks that typed examples pass the schema.
 */

/** Version of the report format. Bumped only for a change that renames or removes a field. */
export const REPORT_VERSION = 1;

/** ISO-8601 date-time with a time zone, e.g. `2025-06-18T09:30:00.000Z` (`Date#toISOString()`). */
export type Timestamp = string;

/** `a` + 16 lowercase hex characters. */
export type ArticleId = string;

/** `s` + 16 lowercase hex characters. */
export type StoryId = string;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the evidence, never more. */
export type PartialDate = string;

/** `YYYY-MM-DD`, an inclusive bound. */
export type DateBound = string;

export interface Report {
  version: typeof REPORT_VERSION;
  generatedAt: Timestamp;
  /** Addition in v1. */
  summary: ReportSummary;
  articles: ReportArticle[];
  stories: ReportStory[];
  /** One entry per input that could not be analysed. */
  errors: ReportError[];
}

/** Counts for one run (addition in v1). */
export interface ReportSummary {
  /** Inputs read: files, plus one per record of a JSON array / JSON Lines file. */
  inputs: number;
  /** Inputs analysed in this run. */
  analysed: number;
  /** Inputs skipped because their content was already in the store. */
  unchanged: number;
  /** Inputs that could not be analysed (each has an entry in `errors`). */
  failed: number;
  /** `articles.length`. */
  articles: number;
  /** `stories.length`. */
  stories: number;
}

export type ReportDateBasis = 'explicit' | 'inferred' | 'unknown';

/**
 * When an article was published, as far as the evidence goes; an exact date is never invented.
 * `unknown`: everything null. `explicit`: `value` set. `inferred`: `evidence` set, plus a value or a bound.
 */
export interface ReportPublished {
  value: PartialDate | null;
  earliest: DateBound | null;
  latest: DateBound | null;
  basis: ReportDateBasis;
  /** The text the date or bound was read from. */
  evidence: string | null;
}

export interface ReportRemoved {
  text: string;
  /** Short lowercase kebab-case code (`paywall`, `caption`, ...); see docs/report.md. */
  reason: string;
}

/** Addition in v1. */
export interface ReportDiagnostic {
  /** `stage:rule`, e.g. `decode:charset`. */
  origin: string;
  level: 'info' | 'warning';
  message: string;
}

export interface ReportArticle {
  id: ArticleId;
  /** File path (with `#N` for the N-th record of a JSON / JSONL file) or URL. */
  source: string;
  /** The page this article was split from, or null. */
  parentId: ArticleId | null;
  title: string | null;
  /** True when the page has no headline and `title` was derived from the text. */
  titleDerived: boolean;
  published: ReportPublished;
  /** ISO 639-1, e.g. `en`. */
  language: string | null;
  /** Clean text, paragraphs separated by blank lines. */
  text: string;
  removed: ReportRemoved[];
  /** Addition in v1. */
  url: string | null;
  /** Addition in v1. */
  outlet: string | null;
  /** Addition in v1. */
  storyId: StoryId | null;
  /** Addition in v1. */
  diagnostics: ReportDiagnostic[];
  /** Addition in v1 (optional: older reports lack it): the text is cut off by a paywall or teaser. */
  truncated?: boolean;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  name: string;
  type: EntityType;
  /** Other names for the same entity (not including `name`). */
  aliases: string[];
  role: string | null;
  /** Number of mentions across the story's articles (at least 1). */
  mentions: number;
}

export interface Quote {
  /** A person or body, never a pronoun; null when the text does not say. */
  speaker: string | null;
  text: string;
  articleId: ArticleId;
  /** Channel the article names (wire, agency, state media), or null. */
  via: string | null;
  /** Direct quotation (true) or reported speech (false). */
  direct: boolean;
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'conflicting' | 'changed';

export interface ClaimValue {
  /** The figure as worded, e.g. "about 2,000". */
  text: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  approx: boolean;
  attribution: string | null;
  period: string | null;
  articleIds: ArticleId[];
}

export interface Claim {
  measure: string;
  status: ClaimStatus;
  values: ClaimValue[];
}

export interface StoryEvent {
  date: PartialDate | null;
  earliest: DateBound | null;
  latest: DateBound | null;
  summary: string;
  articleIds: ArticleId[];
}

export interface BriefingSentence {
  text: string;
  articleIds: ArticleId[];
}

export interface ReportStory {
  id: StoryId;
  title: string;
  articleIds: ArticleId[];
  /** Empty in v1 (filled by later work). */
  entities: Entity[];
  /** Empty in v1 (filled by later work). */
  quotes: Quote[];
  /** Empty in v1 (filled by later work). */
  claims: Claim[];
  /** Empty in v1 (filled by later work). */
  events: StoryEvent[];
  /** Empty in v1 (filled by later work). */
  briefing: BriefingSentence[];
  /** Addition in v1. */
  createdAt: Timestamp;
  /** Addition in v1. */
  updatedAt: Timestamp;
  /** Ids of stories merged into this one (addition in v1). */
  mergedFrom: StoryId[];
}

export interface ReportError {
  /** The failed input: file path (with `#N` for a record) or URL. */
  path: string;
  /** Human-readable explanation. */
  reason: string;
}
