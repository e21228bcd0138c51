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
 * A full stop, question or exclamation mark or ellipsis (with any closing quotes or brackets) that
 * has text after it: where a sentence could end inside a paragraph. More than half of the
 * paragraphs with a number in news have none (1,304 of 2,172 in the bench corpus) and are one
 * sentence; the model split 14 of them all the same, at a ticker ("(BA.N) 777") or a stray "?" in
 * place of a space ("£24?million"), which a paragraph kept whole avoids.
 */
const INTERIOR_END = /[.!?…]["'”’)\]]*\s+\S/;

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
    if (!INTERIOR_END.test(para.trim())) {
      // Nothing inside could end a sentence: the paragraph is one, and the model is not asked.
      const at = para.search(/\S/);
      const s = para.trim();
      out.push({ text: s, start: base + at, end: base + at + s.length });
      continue;
    }
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
