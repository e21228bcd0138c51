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
  /** Addition in v1 (optional: older reports lack it): time expressions in `text`, resolved where the date allows. */
  times?: ReportTime[];
  /** Addition in v1 (optional): numbers in `text` with unit, qualifier, period and attribution. */
  figures?: ReportFigure[];
  /** Addition in v1 (optional): where `text` names an entity of its story. */
  mentions?: ReportMention[];
}

/** Character offsets into an article's `text`, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ReportTime extends TextSpan {
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TimeML value (`2025-04`, `2024-FA`, `P3Y`, `PAST_REF`; X placeholders when unresolved). */
  value: string | null;
  precision: string | null;
  earliest: DateBound | null;
  latest: DateBound | null;
  relative: boolean;
  resolved: boolean;
}

export interface ReportFigure extends TextSpan {
  text: string;
  low: number | null;
  high: number | null;
  unit: string | null;
  approx: boolean;
  bound: '=' | '~' | '>' | '<' | '>=' | '<=';
  kind: 'count' | 'amount' | 'percent' | 'ratio' | 'fraction' | 'money' | 'measure';
  factor?: number;
  change?: 'up' | 'down';
  period: string | null;
  attribution: string | null;
}

export interface ReportMention extends TextSpan {
  text: string;
  type: EntityType;
  /** Name of the story entity it belongs to. */
  entity: string;
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
  /** Addition in v1: the articles that mention it. */
  articleIds?: ArticleId[];
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
  /** Addition in v1: quoted words inside reported speech. */
  partial?: boolean;
  /** Addition in v1: the reporting expression ("said", "according to"). */
  cue?: string | null;
  /** Addition in v1: the speaker as written (a pronoun or surname resolved to `speaker`). */
  speakerMention?: string | null;
  /** Addition in v1: offsets of `text` in the article's text. */
  start?: number;
  end?: number;
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
  /** Addition in v1: how a relative figure was converted ("three times higher than approximately 1.6 million artillery shells"). */
  derived?: string;
  /** Addition in v1: an increment on an earlier figure ("3,000 additional troops"), listed but not compared. */
  increment?: boolean;
}

export interface Claim {
  measure: string;
  status: ClaimStatus;
  values: ClaimValue[];
  /** Addition in v1: a figure, or the date of a happening. */
  kind?: 'figure' | 'date';
  /** Addition in v1: why the status, naming the values and sources that decide it. */
  reason?: string;
}

export interface StoryEvent {
  date: PartialDate | null;
  earliest: DateBound | null;
  latest: DateBound | null;
  summary: string;
  articleIds: ArticleId[];
  /** Addition in v1: granularity of the date (`day`, `month`, `season`, `year`, `range`), null when undated. */
  precision?: string | null;
  /** Addition in v1: `text` (the sentence dates it), `published` (bounded by the article's publication date), `none` (undated). */
  basis?: 'text' | 'published' | 'none';
  /** Addition in v1: the date as the text words it ("In April", "on Wednesday"). */
  dateText?: string | null;
}

/** Addition in v1: loaded words in one article, its own voice apart from the words it quotes. */
export interface VoiceEntry {
  articleId: ArticleId;
  outlet: string;
  own: Array<{ word: string; count: number }>;
  quoted: Array<{ word: string; count: number }>;
}

/** Addition in v1: a wire, agency or other organisation the articles cite as their source. */
export interface ProvenanceEntry {
  channel: string;
  articleIds: ArticleId[];
  quotes: number;
  sentences: Array<{ text: string; articleId: ArticleId }>;
}

export interface BriefingSentence {
  text: string;
  articleIds: ArticleId[];
}

export interface ReportStory {
  id: StoryId;
  title: string;
  articleIds: ArticleId[];
  /** The people, organisations and places of the story, variants merged, most mentioned first. */
  entities: Entity[];
  /** Who said what, in article order. */
  quotes: Quote[];
  /** Figures and dates compared across sources, each group with a status. */
  claims: Claim[];
  /** The timeline: dated events in date order, undated ones last. */
  events: StoryEvent[];
  /** A short briefing, every sentence citing its articles. */
  briefing: BriefingSentence[];
  /** Addition in v1: loaded words per article, own voice apart from quoted words. */
  voice?: VoiceEntry[];
  /** Addition in v1: wires, agencies and other sources the articles cite. */
  provenance?: ProvenanceEntry[];
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
