import { describe, expect, it } from 'vitest';
import { SEED_ENTITIES, SKIP_REASON, hasSeeds, seedText } from '../../test/seeds.ts';
import { extractEntities, mergeEntities } from './index.ts';
import type { EntityMention, StoryEntity } from './index.ts';
import { abbreviates, nameKey, translitKey } from './normalize.ts';
import { tokenize } from './tokenize.ts';

const find = (ms: EntityMention[], text: string) => ms.filter((m) => m.text === text);
const one = (ms: EntityMention[], text: string) => {
  const hits = find(ms, text);
  expect(hits.length, `a mention "${text}" in ${JSON.stringify(ms.map((m) => m.text))}`).toBeGreaterThan(0);
  return hits[0]!;
};
const straight = (s: string | null) => s?.replace(/[’‘]/g, "'") ?? null;

describe('tokenize', () => {
  it('keeps abbreviations and hyphenated names whole, splits possessives and name pairs', () => {
    const toks = tokenize('Apple Inc. and the U.S. met Kim Jong-un’s envoy; DPRK-Russia ties, EADS-led.').map((t) => t.text);
    expect(toks).toContain('Inc.');
    expect(toks).toContain('U.S.');
    expect(toks).toContain('Jong-un');
    expect(toks).toContain('’s');
    expect(toks).toEqual(expect.arrayContaining(['DPRK', '-', 'Russia', 'EADS', 'led']));
  });

  it('marks sentence starts and headline lines as uninformative', () => {
    const toks = tokenize('However, Boeing said. "We agree," it added.\nNew Orders Rise Sharply In Europe');
    const by = (w: string) => toks.find((t) => t.text === w)!;
    expect(by('However').uninformative).toBe(true);
    expect(by('Boeing').uninformative).toBe(false);
    expect(by('We').uninformative).toBe(true);
    expect(by('Europe').headline).toBe(true);
  });
});

describe('normalize', () => {
  it('gives spelling variants and aliases one key', () => {
    expect(nameKey('Kim Jong-un')).toBe(nameKey('Kim Jong Un'));
    expect(nameKey('DPRK')).toBe('north korea');
    expect(nameKey('the Russian Federation')).toBe('russia');
    expect(nameKey('Apple Inc.')).toBe('apple');
    expect(nameKey('the Kursk region')).toBe('kursk');
    expect(nameKey('U.S. Air Force')).toBe('united states air force');
    expect(translitKey('zelenskyy')).toBe(translitKey('zelensky'));
    expect(translitKey('syrskyi')).toBe(translitKey('syrsky'));
  });

  it('recognises acronyms, strict and as defined in the text', () => {
    expect(abbreviates('KCNA', 'Korean Central News Agency')).toBe(true);
    expect(abbreviates('C4ADS', 'Center for Advanced Defense Studies')).toBe(true);
    expect(abbreviates('SIA', 'Singapore Airlines')).toBe(false);
    expect(abbreviates('SIA', 'Singapore Airlines', true)).toBe(true);
    expect(abbreviates('NATO', 'Korean Central News Agency', true)).toBe(false);
  });
});

describe('extractEntities', () => {
  it('finds people, organisations and places with types and offsets', () => {
    const text = 'Boeing chief executive Jim McNerney said on Monday that the company would open a plant in Charleston, South Carolina.';
    const ms = extractEntities(text);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(one(ms, 'Boeing').type).toBe('organization');
    expect(one(ms, 'Jim McNerney').type).toBe('person');
    expect(one(ms, 'Jim McNerney').role).toBe('Boeing chief executive');
    expect(one(ms, 'Charleston').type).toBe('place');
    expect(one(ms, 'South Carolina').type).toBe('place');
    expect(find(ms, 'Monday')).toHaveLength(0);
  });

  it('takes the role the text gives before or after a name', () => {
    const text = [
      "Russia's Defense Minister Andrei Belousov arrived on Friday.",
      'He met Russian security council secretary Sergei Shoigu and Deputy Defense Minister Alexei Krivoruchko.',
      "Ukraine's top army chief Oleksandr Syrskyi disagreed, as did Syrian President Bashar al-Assad.",
      'Joe Leonard, chairman of AirTran Airways, said the deal was done.',
    ].join(' ');
    const ms = extractEntities(text);
    expect(straight(one(ms, 'Andrei Belousov').role)).toBe("Russia's Defense Minister");
    expect(one(ms, 'Sergei Shoigu').role).toBe('Russian security council secretary');
    expect(one(ms, 'Alexei Krivoruchko').role).toBe('Deputy Defense Minister');
    expect(straight(one(ms, 'Oleksandr Syrskyi').role)).toBe("Ukraine's top army chief");
    expect(one(ms, 'Bashar al-Assad').role).toBe('Syrian President');
    expect(one(ms, 'Joe Leonard').role).toBe('chairman of AirTran Airways');
    expect(one(ms, 'Russia').type).toBe('place');
    expect(one(ms, 'AirTran Airways').type).toBe('organization');
  });

  it('clusters a person’s full name and surname, and spelling variants', () => {
    const ms = extractEntities('Leader Kim Jong Un spoke. Later Kim Jong-un left, and Kim said nothing more.');
    const keys = new Set(ms.filter((m) => m.text.startsWith('Kim')).map((m) => m.canonical));
    expect(keys).toEqual(new Set(['kim jong un']));
  });

  it('links an acronym to the long form it is defined with, or whose initials it is', () => {
    const ms = extractEntities(
      'According to the Center for Advanced Defense Studies (C4ADS), shipments rose. C4ADS counted crates. The official Korean Central News Agency said so, KCNA added.',
    );
    expect(one(ms, 'C4ADS').canonical).toBe(one(ms, 'Center for Advanced Defense Studies').canonical);
    expect(one(ms, 'C4ADS').type).toBe('organization');
    expect(one(ms, 'KCNA').canonical).toBe('korean central news agency');
  });

  it('reads a capital as its state when it acts, and as the city otherwise', () => {
    const ms = extractEntities(
      'Pyongyang has supplied Moscow with shells. Moscow and Pyongyang deny it. Kim met the envoy in Pyongyang, and Putin’s visit to Pyongyang was short.',
    );
    const pyongyang = find(ms, 'Pyongyang').map((m) => m.canonical);
    expect(pyongyang).toEqual(['north korea', 'north korea', 'pyongyang', 'pyongyang']);
    expect(find(ms, 'Moscow').map((m) => m.canonical)).toEqual(['russia', 'russia']);
  });

  it('keeps sentence-initial common words, demonyms and titles out', () => {
    const ms = extractEntities('However, Russian officials said. Reports indicate that the President will travel. North Korean troops moved.');
    expect(ms.map((m) => m.text)).toEqual([]);
  });

  it('types products and defined non-name acronyms as other', () => {
    const ms = extractEntities('Airbus delivered the first Airbus A380 to the airline. Maintenance, Repair and Overhaul (MRO) costs rose.');
    expect(one(ms, 'Airbus A380').type).toBe('other');
    expect(one(ms, 'Airbus').type).toBe('organization');
    expect(one(ms, 'MRO').type).toBe('other');
  });

  it('stays fast and linear on long texts', () => {
    const para = 'North Korean leader Kim Jong Un met Russia’s Defense Minister Andrei Belousov in Pyongyang, KCNA said. ';
    extractEntities(para);
    const long = para.repeat(500); // ≈ 50,000 characters
    const t0 = performance.now();
    const ms = extractEntities(long);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(ms.length).toBeGreaterThan(2000);
  });
});

describe('mergeEntities', () => {
  it('merges variants across articles and keeps types and roles', () => {
    const docs = [
      { id: 'a', mentions: extractEntities('North Korean leader Kim Jong Un met Russian President Vladimir Putin in Pyongyang.') },
      { id: 'b', mentions: extractEntities('Kim Jong-un praised Putin. The DPRK will support the Russian Federation, Kim said.') },
    ];
    const ents = mergeEntities(docs);
    const kim = ents.find((e) => e.name.startsWith('Kim'))!;
    expect(kim.type).toBe('person');
    expect(kim.role).toBe('North Korean leader');
    expect(kim.articleIds).toEqual(['a', 'b']);
    expect(new Set([kim.name, ...kim.aliases])).toEqual(new Set(['Kim Jong Un', 'Kim Jong-un', 'Kim']));
    const putin = ents.find((e) => e.name === 'Vladimir Putin')!;
    expect(putin.aliases).toEqual(['Putin']);
    expect(putin.role).toBe('Russian President');
    expect(ents.find((e) => e.name === 'North Korea')!.aliases).toContain('DPRK');
    expect(ents.find((e) => e.name === 'Russia')!.aliases).toContain('Russian Federation');
  });

  it('does not merge two full names one article keeps apart', () => {
    const docs = [
      { id: 'a', mentions: extractEntities('Apple Corps sued Apple Computer in London. Apple Corps owns the Beatles catalogue.') },
      { id: 'b', mentions: extractEntities('Apple Computer released a new iPod. Apple said sales rose.') },
      { id: 'c', mentions: extractEntities('Apple Inc. doubled its profits, the Apple board said.') },
    ];
    const ents = mergeEntities(docs);
    const corps = ents.find((e) => e.name === 'Apple Corps')!;
    const computer = ents.find((e) => e.aliases.includes('Apple Computer') || e.name === 'Apple Computer')!;
    expect(corps).not.toBe(computer);
    expect(corps.articleIds).toEqual(['a']);
    expect(computer.articleIds).toEqual(['a', 'b', 'c']);
  });
});

// ---------------------------------------------------------------------------------------------
// The seed story (EXPECTED.md section 5): the five main articles together.

describe.skipIf(!hasSeeds)('seed story entities (EXPECTED.md section 5)', () => {
  if (!hasSeeds) it.skip(SKIP_REASON, () => {});
  // 004's page holds three unrelated stories below "Related Articles": splitting them off is the
  // segment stage's job (tested there); here only its first article belongs to the story.
  const text = (p: string) => {
    const t = seedText(p);
    const cut = t.indexOf('Related Articles');
    return cut > 0 ? t.slice(0, cut) : t;
  };
  const docs = hasSeeds ? ['000', '001', '002', '003', '004'].map((id) => ({ id, mentions: extractEntities(text(id)) })) : [];
  const ents: StoryEntity[] = hasSeeds ? mergeEntities(docs) : [];
  const withName = (name: string) => ents.filter((e) => e.name === name || e.aliases.includes(name));

  it.each(SEED_ENTITIES)('%s is one entity with its variants', (name, variants, type) => {
    const e = ents.find((x) => x.name === name);
    expect(e, `entity "${name}" in ${JSON.stringify(ents.map((x) => x.name))}`).toBeTruthy();
    expect(e!.type).toBe(type);
    for (const v of variants) {
      expect(e!.aliases, `${name} has alias ${v}`).toContain(v);
      // The variant names no other person, organisation or state (the city Pyongyang is its own place).
      if (v !== 'Pyongyang' && v !== 'Moscow') expect(withName(v)).toHaveLength(1);
    }
    expect(withName(name)).toHaveLength(1);
  });

  it('gives people the roles the text gives them', () => {
    const role = (n: string) => straight(ents.find((e) => e.name === n)?.role ?? null);
    expect(role('Andrei Belousov')).toBe("Russia's Defense Minister");
    expect(role('Sergei Shoigu')).toBe('Russian security council secretary');
    expect(role('Alexei Krivoruchko')).toBe('Deputy Defense Minister');
    expect(role('Shin Won-sik')).toBe('South Korean Defense Minister');
    expect(role("Oleksandr Syrskyi")).toBe("Ukraine's top army chief");
    expect(role('Bashar al-Assad')).toBe('Syrian President');
    expect(role('Vladimir Putin')).toBe('Russian President');
    expect(role('Kim Jong Un')).toBe('North Korean leader');
  });

  it('keeps the city apart from the state in "in Pyongyang"', () => {
    expect(ents.find((e) => e.name === 'Pyongyang')?.type).toBe('place');
    expect(ents.find((e) => e.name === 'North Korea')!.articleIds).toEqual(['000', '001', '002', '003', '004']);
  });
});
