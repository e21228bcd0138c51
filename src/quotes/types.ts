/** What the quotation extractor returns (see `extract.ts` for how each field is found). */

export interface QuoteMention {
  /** The quoted or reported words: `text === source.slice(start, end)`, quotation marks excluded. */
  text: string;
  start: number;
  end: number;
  /** The words are the speaker's own, inside quotation marks (true), or reported speech (false). */
  direct: boolean;
  /**
   * Quoted words embedded in reported speech (`called it a “big mistake”`, `said Seoul “has nothing
   * to worry about”`): `direct` is true for the words themselves, and `clauseStart`/`clauseEnd`
   * give the reported clause that holds them.
   */
  partial: boolean;
  /** The reported clause the words belong to: equal to `start`/`end` unless `partial`. */
  clauseStart: number;
  clauseEnd: number;
  /** The person or body the words are attributed to: a name, never a pronoun; null when unknown. */
  speaker: string | null;
  /** Offsets of the mention the speaker was read from (the pronoun itself for "he said"), or null. */
  speakerStart: number | null;
  speakerEnd: number | null;
  /** That mention as written (may be a pronoun or a surname), or null. */
  speakerMention: string | null;
  /**
   * The whole source phrase as PARC 3.0 / PolNeAR annotate it: the speaker mention with its
   * apposition or relative clause ("Jane Roe, a lawyer for the family,", "Ed Poe, who chairs the
   * panel"); equal to the mention when there is none. Null when the speaker is unknown.
   */
  sourceStart: number | null;
  sourceEnd: number | null;
  /**
   * The reporting expression ("said", "was quoted saying", "according to"), or null. A quotation
   * that continues an earlier one of the same speaker ("“A,” he said. “B.”", or a quoted paragraph
   * after a quoted paragraph) carries that one's cue and offsets: mentions sharing `cueStart` are
   * one statement.
   */
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  /** The channel the words came through ("KCNA", "TASS", "Reuters"), when the text names one. */
  via: string | null;
}

export interface QuoteOptions {
  /** Also report indirect (reported) speech: `X said that ...`. Default true. */
  indirect?: boolean;
  /**
   * Also report thoughts and findings (`X believes that ...`, `a poll found that ...`), which the
   * PolNeAR/PARC annotation counts as attributions. Default true; they are always `direct: false`.
   */
  thoughts?: boolean;
  /** Let a channel named in the article's lead apply to the whole article (see `channel.ts`). Default true. */
  leadChannel?: boolean;
}
