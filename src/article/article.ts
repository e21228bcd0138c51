/**
 * The one record that flows through every stage (read → decode → clean → segment → metadata →
 * understand → group).
 *
 * Stages are pure functions `(article, options) => article | article[]`; they never throw for bad
 * content. Problems become `diagnostics` on the article (like vfile's `message()`), and everything a
 * stage cuts from the text is kept in `removed` with its reason, so a user can see what was cut.
 */

import type { EntityMention } from '../entities/types.ts';
import type { Figure } from '../figures/types.ts';
import type { QuoteMention } from '../quotes/types.ts';
import type { TimeMention } from '../time/types.ts';

/** The kind of input a file or record was, which decides how the clean stage treats it. */
export type InputKind = 'text' | 'html';

/** Where an article's publication date comes from. */
export type DateBasis = 'explicit' | 'inferred' | 'unknown';

export interface PublishedDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the evidence, never more. */
  value: string | null;
  /** Bounds the evidence justifies (`YYYY-MM-DD`), for inferred or imprecise dates. */
  earliest: string | null;
  latest: string | null;
  basis: DateBasis;
  /** The text the date or bound was read from, so a user can check it. */
  evidence: string | null;
}

export interface Removed {
  text: string;
  /** Short, stable reason code (`paywall`, `caption`, `widget`, ...); see `clean/reasons.ts`. */
  reason: string;
}

export interface Diagnostic {
  /** `stage:rule`, e.g. `decode:charset` or `segment:related`. */
  origin: string;
  message: string;
  level: 'info' | 'warning';
}

/** Raw input as the reader hands it over: one file, or one record of a JSON / JSON Lines file. */
export interface RawInput {
  /** Path (with `#N` for the N-th record of a JSON array / JSONL file) or URL. */
  source: string;
  kind: InputKind;
  /** Raw bytes for files (decoded by the decode stage); already-decoded text for JSON records. */
  bytes?: Uint8Array;
  content?: string;
  /** Metadata a structured record supplied (JSON / JSONL). */
  url?: string | null;
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
  /** The MIME type a server declared for the bytes (`text/html; charset=koi8-r`), for decoding. */
  contentType?: string;
  /** Notes from reading it (e.g. the charset a JSON file was guessed to be in). */
  diagnostics?: Diagnostic[];
}

export interface StatedMetadata {
  title: string | null;
  dates: Array<{ text: string; evidence: string }>;
  language: string | null;
}

export interface Article {
  /** Content address: `a` + 16 hex chars of SHA-256 over the raw input (+ segment index). */
  id: string;
  source: string;
  /** The page this article was split from, or null. */
  parentId: string | null;
  kind: InputKind;
  url: string | null;
  /** Outlet / site name when known. */
  outlet: string | null;
  /** The decoded input, before cleaning (kept for the article view, never shown unescaped). */
  raw: string;
  title: string | null;
  titleDerived: boolean;
  published: PublishedDate;
  language: string | null;
  /** Clean text: paragraphs separated by blank lines. */
  text: string;
  removed: Removed[];
  diagnostics: Diagnostic[];
  /**
   * True when the text is cut off by a paywall or a teaser (a `clean:paywall` diagnostic says why),
   * so later stages can trust it less. Absent means not known to be cut off.
   */
  truncated?: boolean;
  /**
   * What the input states about itself (JSON fields, HTML markup, a date line in the text), most
   * trusted first: the metadata stage prefers it over what it would infer.
   */
  stated: StatedMetadata;
  /** What the text says, read by the understand stage; absent before it (and on articles stored before it existed). */
  analysis?: Analysis;
}

/** The understand stage's reading of an article's clean text (offsets are into `text`). */
export interface Analysis {
  /** Version of the stage that produced it (understand/ANALYSIS_VERSION). */
  version: number;
  times: TimeMention[];
  figures: Figure[];
  entities: EntityMention[];
  quotes: QuoteMention[];
}

export const UNKNOWN_DATE: PublishedDate = Object.freeze({
  value: null,
  earliest: null,
  latest: null,
  basis: 'unknown',
  evidence: null,
}) as PublishedDate;

/** Returns a copy of `article` with one more diagnostic (articles are treated as immutable values). */
export function withDiagnostic(article: Article, origin: string, message: string, level: Diagnostic['level'] = 'info'): Article {
  return { ...article, diagnostics: [...article.diagnostics, { origin, message, level }] };
}

/** Splits clean text into its paragraphs. */
export function paragraphs(text: string): string[] {
  return text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);
}
