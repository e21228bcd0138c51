/**
 * One shared wink-nlp instance with its lite English model (shipped in the npm package: no
 * download), for part-of-speech tags (the figures' counted nouns). Loading the model takes a
 * while, so it is loaded once, on first use. Sentences come from sentences.ts.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: ReturnType<typeof winkNLP> | null = null;

/** The full pipeline (tokens, sentences, part of speech, entities, negation, sentiment). */
export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}
