/**
 * One shared wink-nlp instance with its lite English model (shipped in the npm package: no
 * download). Loading the model takes a while, so it is loaded once, on first use.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: ReturnType<typeof winkNLP> | null = null;
let splitter: ReturnType<typeof winkNLP> | null = null;

/** The full pipeline (tokens, sentences, part of speech, entities, negation, sentiment). */
export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}

/**
 * Sentence boundaries only: wink-nlp runs just the `sbd` pipe, which gives the same sentences as
 * the full pipeline (checked on all 150 basil-dev articles) at about a third of the cost.
 */
function sentencesOnly(): ReturnType<typeof winkNLP> {
  splitter ??= winkNLP(model, ['sbd']);
  return splitter;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences with their character offsets in `text`; with `wanted`, only those of the paragraphs it
 * accepts (a caller that looks only at sentences with a digit skips splitting the rest, which is
 * most of the cost).
 */
export function sentenceSpans(text: string, wanted?: (paragraph: string) => boolean): Span[] {
  const out: Span[] = [];
  let from = 0;
  // Paragraph by paragraph: a paragraph break always ends a sentence, whatever the model thinks.
  for (const para of text.split(/\n{2,}|\n/)) {
    const base = text.indexOf(para, from);
    if (base < 0 || !para.trim()) continue;
    from = base + para.length;
    if (wanted && !wanted(para)) continue;
    let cursor = 0;
    for (const s of sentencesOnly().readDoc(para).sentences().out() as string[]) {
      const at = para.indexOf(s, cursor);
      if (at < 0) continue;
      out.push({ text: s, start: base + at, end: base + at + s.length });
      cursor = at + s.length;
    }
  }
  return out;
}
