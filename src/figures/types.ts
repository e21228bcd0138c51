/** Types of the figures extractor (numeric claims in news text). */
import type { Span } from '../nlp/index.ts';

/**
 * How the written value relates to the true one. `=` exact ("82 settlements"), `~` approximate ("about",
 * "nearly"), `>` / `<` strict bounds ("more than", "fewer than"), `>=` / `<=` inclusive bounds ("at least",
 * "up to"). The same codes as NewsQuant's `change` field, plus the two inclusive bounds.
 */
export type Bound = '=' | '~' | '>' | '<' | '>=' | '<=';

/**
 * What the number is. `count`: things counted ("12,000 troops"); `amount`: a bare number with no unit;
 * `percent`: "%", "per cent", "percentage points"; `ratio`: "three times higher", "doubled";
 * `fraction`: "half", "two-thirds of"; `money`: a currency; `measure`: a unit of measurement or a duration.
 */
export type FigureKind = 'count' | 'amount' | 'percent' | 'ratio' | 'fraction' | 'money' | 'measure';

export interface Figure {
  /** The figure as worded, qualifier and unit included: "approximately 1.6 million artillery shells". */
  text: string;
  /** Character offsets of `text` in the input. */
  start: number;
  end: number;
  /**
   * The interval the text allows. Exact or approximate values: low = high. Ranges ("10,000-12,000",
   * "between 3 and 5"): low < high. Lower bounds ("more than 70"): high = null; upper bounds ("up to
   * 400"): low = null. Percentages are in percent (5% → 5), fractions as a share (half → 0.5), ratios as
   * the factor (three times → 3).
   */
  low: number | null;
  high: number | null;
  /**
   * The unit or the counted noun: "troops", "artillery shells", "%", "$", "km²", "years". Money uses a
   * currency symbol ("$", "US$", "€", "£", "¥", ...); measures use one canonical spelling per unit. Null
   * for a bare number.
   */
  unit: string | null;
  /** True when the text hedges the value (any qualifier other than an exact one). */
  approx: boolean;
  bound: Bound;
  kind: FigureKind;
  /** For `ratio`: the multiplication factor ("three times higher" → 3, "halved" → 0.5). */
  factor?: number;
  /** Direction of a change the figure measures ("rose 5%" → up, "fell 2%" → down), when the text says. */
  change?: 'up' | 'down';
  /** The time the figure covers, as worded in its sentence: "between August 2023 and January 2024". */
  period: string | null;
  /** Who the sentence credits for the figure: "the Center for Advanced Defense Studies (C4ADS)", "reportedly". */
  attribution: string | null;
  /** The sentence the figure is in. */
  sentence: string;
}

export interface FigureOptions {
  /**
   * Sentence spans of `text` when the caller already has them (e.g. from `sentenceSpans`): saves
   * splitting the text again. Default: `sentenceSpans(text)`.
   */
  sentences?: Span[];
  /**
   * Use wink-nlp part-of-speech tags to find the counted noun after a number (default true). Off: a
   * cheaper suffix heuristic, for bulk runs where speed matters more than the unit.
   */
  pos?: boolean;
  /**
   * Also report ratios written without a number ("doubled", "twice as", "halved"). Default true.
   */
  wordRatios?: boolean;
}
