import { describe, expect, it } from 'vitest';
import { paragraphSentences, sentenceSpans } from './sentences.ts';

const texts = (text: string) => sentenceSpans(text).map((s) => s.text);

describe('sentence splitter', () => {
  it('ends a sentence at a stop followed by a capital, a digit or an opening quote, and at every line break', () => {
    expect(texts('The vote was close. Turnout fell.\n“We lost,” she said. 2024 was worse!  Why? Nobody knows')).toEqual([
      'The vote was close.', 'Turnout fell.', '“We lost,” she said.', '2024 was worse!', 'Why?', 'Nobody knows',
    ]);
  });

  it('does not end one after an abbreviation, an initial or a lower-case word', () => {
    expect(texts('Mr. Smith met Dr. Jones and J. R. Hartley in the U.S. on Jan. 5 at 9 a.m. local time. They spoke.')).toEqual([
      'Mr. Smith met Dr. Jones and J. R. Hartley in the U.S. on Jan. 5 at 9 a.m. local time.', 'They spoke.',
    ]);
    expect(texts('Sales rose 3.5 percent. shares fell.')).toEqual(['Sales rose 3.5 percent. shares fell.']);
  });

  it('ends one after a decade or a possessive, which are not initials', () => {
    expect(texts('It began in the 1990s. The Center said so. It matched Mr. Ryan’s. But not his aide’s.')).toEqual([
      'It began in the 1990s.', 'The Center said so.', 'It matched Mr. Ryan’s.', 'But not his aide’s.',
    ]);
  });

  it('keeps tickers, times, bracketed states and decimals inside their sentence', () => {
    expect(texts('Chevron Corp (CVX.N), down 2.2 percent at $98.41, led the Dow. Harry Reid (D-Nev.) received a letter at 9.20pm about a .45-caliber pistol.')).toEqual([
      'Chevron Corp (CVX.N), down 2.2 percent at $98.41, led the Dow.',
      'Harry Reid (D-Nev.) received a letter at 9.20pm about a .45-caliber pistol.',
    ]);
  });

  it('gives offsets into the text, without the whitespace around sentences', () => {
    const text = 'No number here. None.\n\n  Two ships sank. 14 crew were saved.  \n';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => s.text)).toEqual(['No number here.', 'None.', 'Two ships sank.', '14 crew were saved.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a quotation of several sentences whole when told where it is', () => {
    const text = '“We will win. They will lose,” he said. Then he left.';
    const open = text.indexOf('“');
    const close = text.indexOf('”') + 1;
    const out: string[] = [];
    paragraphSentences(text, 0, text.length, (a, b) => out.push(text.slice(a, b)), [{ open, end: close - 1, close, closed: true }]);
    expect(out).toEqual(['“We will win. They will lose,” he said.', 'Then he left.']);
    expect(texts(text)).toEqual(['“We will win.', 'They will lose,” he said.', 'Then he left.']);
  });
});
