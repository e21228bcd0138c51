/** Public types of the time-expression tagger. */
import type { ValuePrecision } from './calendar.ts';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export type TimexPrecision = ValuePrecision;

export interface TimeMention {
  /** The expression as written, and its offsets into the input text. */
  text: string;
  start: number;
  end: number;
  type: TimexType;
  /**
   * TimeML value: `2025-04`, `2024-FA`, `2025`, `2025-03-14`, `2024-W30`, `2025-Q1`, `199` (decade),
   * `19` (century), `2025-03-14T06:56`, `2025-03-14TMO`, `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`,
   * `P3Y`, `P2DE`, `XXXX-WXX-5` (a set), or a placeholder with X's when a relative expression cannot
   * be resolved (`XXXX-04`, `XXXX-XX-XX`).
   */
  value: string | null;
  /** Granularity of a date or time value (kept from the text: a month stays a month). */
  precision: TimexPrecision | null;
  /** `YYYY-MM-DD` bounds of a resolved date or time value; null otherwise. */
  earliest: string | null;
  latest: string | null;
  /** The value needed an anchor (publication date) or an earlier mention to be resolved. */
  relative: boolean;
  /** False when relative and the anchor was missing or too imprecise: the value keeps X placeholders. */
  resolved: boolean;
}

export interface TagOptions {
  /**
   * Direction for expressions that need one (a bare weekday or month, "the third quarter") when the
   * sentence gives no tense cue. News reports the past: 'past' by default.
   */
  defaultDirection?: 'past' | 'future';
  /** Direction when the nearest tense cue is the present tense ("the deadline is Friday"). Default 'past'. */
  presentDirection?: 'past' | 'future';
}
