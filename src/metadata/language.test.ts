import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

const english = 'The council agreed on Monday that the new budget would fund more buses and trains across the region, officials said in a statement. ';
const german = 'Der Stadtrat hat am Montag beschlossen, dass der neue Haushalt mehr Busse und Züge in der Region finanzieren soll, teilten Beamte mit. ';

describe('language', () => {
  it('names the language of a news text as ISO 639-1', () => {
    expect(detectLanguage(english.repeat(3))).toBe('en');
    expect(detectLanguage(german.repeat(3))).toBe('de');
  });

  it('reads on past a first part with nothing to go on (a table of figures)', () => {
    const table = Array.from({ length: 60 }, (_, i) => `${i * 13} ${i * 7}`).join(' ');
    expect(detectLanguage(`${table}\n${german.repeat(4)}`)).toBe('de');
  });

  it('says nothing for too little text', () => {
    expect(detectLanguage('Hello there.')).toBeNull();
  });
});
