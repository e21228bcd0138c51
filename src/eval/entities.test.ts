import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../test/seeds.ts';
import { bcubed, detokenize, evalEntities, readMeantime, scoredGold } from './entities.ts';

/** A small CAT XML document in the MEANTIME layout, written for this test. */
function catXml(): string {
  const words = [
    // sentence 0: title
    ['Acme', 0], ['buys', 0], ['Widget', 0], ['Corp', 0],
    // sentence 1: body
    ['Acme', 1], ['Inc.', 1], ['chief', 1], ['Jane', 1], ['Roe', 1], ['said', 1], ['in', 1], ['Paris', 1], ['``', 1], ['we', 1], ['won', 1], ["''", 1], ['.', 1],
    // sentence 2: beyond the annotated region
    ['Roe', 2], ['visited', 2], ['Lyon', 2], ['.', 2],
  ] as const;
  const tokens = words.map(([w, s], i) => `<token t_id="${i + 1}" sentence="${s}" number="${i}">${w}</token>`).join('\n');
  const mention = (id: number, type: string, ...t: number[]) =>
    `<ENTITY_MENTION m_id="${id}" syntactic_type="${type}">${t.map((x) => `<token_anchor t_id="${x}"/>`).join('')}</ENTITY_MENTION>`;
  return `<?xml version="1.0" ?><Document doc_id="1" doc_name="test">
${tokens}
<Markables>
${mention(1, 'NAM', 1)}
${mention(2, 'NAM', 3, 4)}
${mention(3, 'NAM', 5, 6)}
${mention(4, 'PRE.NAM', 5)}
${mention(5, 'NAM', 8, 9)}
${mention(6, 'APP', 5, 6, 7, 8, 9)}
${mention(7, 'NAM', 12)}
${mention(8, 'PRO', 14)}
${mention(9, '', 18)}
<ENTITY m_id="50" ent_type="ORG" instance_id="ORG1" external_ref="http://dbpedia.org/page/Acme"/>
<ENTITY m_id="51" ent_type="ORG" instance_id="ORG2"/>
<ENTITY m_id="52" ent_type="PER" instance_id="PER1"/>
<ENTITY m_id="53" ent_type="LOC" external_ref="http://dbpedia.org/resource/Paris"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="3"/><source m_id="4"/><source m_id="8"/><target m_id="50"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="51"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="5"/><source m_id="6"/><source m_id="9"/><target m_id="52"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="7"/><target m_id="53"/></REFERS_TO>
</Relations>
</Document>`;
}

describe('MEANTIME reading', () => {
  it('rebuilds the text with ordinary spacing and token offsets', () => {
    const { text, tokens } = detokenize([
      { id: '1', text: 'Apple', sentence: 0 },
      { id: '2', text: "'s", sentence: 0 },
      { id: '3', text: 'iPod', sentence: 0 },
      { id: '4', text: 'March', sentence: 1 },
      { id: '5', text: '1', sentence: 1 },
      { id: '6', text: '``', sentence: 2 },
      { id: '7', text: 'Yes', sentence: 2 },
      { id: '8', text: ',', sentence: 2 },
      { id: '9', text: "''", sentence: 2 },
      { id: '10', text: 'he', sentence: 2 },
      { id: '11', text: 'said', sentence: 2 },
      { id: '12', text: '(', sentence: 2 },
      { id: '13', text: 'AP', sentence: 2 },
      { id: '14', text: ')', sentence: 2 },
      { id: '15', text: '.', sentence: 2 },
    ]);
    expect(text).toBe('Apple\'s iPod\nMarch 1\n"Yes," he said (AP).');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads mentions with their instance, type and syntactic type', () => {
    const doc = readMeantime(catXml(), 'test', 'topic');
    expect(doc.text.startsWith('Acme buys Widget Corp\nAcme Inc. chief Jane Roe said in Paris "we won". Roe visited Lyon.')).toBe(true);
    const byId = new Map(doc.mentions.map((m) => [m.id, m]));
    expect(byId.get('3')).toMatchObject({ text: 'Acme Inc.', entType: 'ORG', syntactic: 'NAM', instance: 'ORG1' });
    expect(byId.get('7')).toMatchObject({ text: 'Paris', entType: 'LOC', instance: 'ref:http://dbpedia.org/resource/Paris' });
    expect(byId.get('9')).toMatchObject({ syntactic: null, sentence: 2 });
  });

  it('scores proper names only, innermost of nested names, in the annotated region', () => {
    const doc = readMeantime(catXml(), 'test', 'topic');
    const { gold, ignorable, lastSentence } = scoredGold(doc);
    expect(lastSentence).toBe(1);
    // "Acme Inc." (NAM) holds "Acme" (PRE.NAM) of the same entity: the inner one counts.
    expect(gold.map((m) => m.text).sort()).toEqual(['Acme', 'Acme', 'Jane Roe', 'Paris', 'Widget Corp']);
    expect(ignorable.map((m) => m.text)).toContain('Acme Inc.');
    // The pronoun, the apposition and the mention past the region are neither gold nor ignorable.
    expect(gold.concat(ignorable).map((m) => m.id)).not.toContain('8');
    expect(gold.concat(ignorable).map((m) => m.id)).not.toContain('9');
  });
});

describe('bcubed', () => {
  it('is perfect for the gold partition and penalises merges and splits', () => {
    expect(bcubed(['a', 'a', 'b'], ['x', 'x', 'y'])).toEqual({ precision: 1, recall: 1, f1: 1 });
    const merged = bcubed(['a', 'a', 'b'], ['x', 'x', 'x']);
    expect(merged.precision).toBeCloseTo(5 / 9, 4);
    expect(merged.recall).toBe(1);
    const split = bcubed(['a', 'a', 'b'], ['x', 'y', 'z']);
    expect(split.precision).toBe(1);
    expect(split.recall).toBeCloseTo(2 / 3, 4);
  });
});

const MEANTIME = join(SHARED_DATA, 'entities', 'meantime-dev');
describe.skipIf(!existsSync(MEANTIME))('eval entities on meantime-dev (../shared)', () => {
  if (!existsSync(MEANTIME)) it.skip(`../shared/data/entities/meantime-dev not found at ${MEANTIME}`, () => {});
  it('reports the contract fields and meets the issue-4 targets', async () => {
    const r = await evalEntities(MEANTIME, { details: true });
    expect(r).toMatchObject({ task: 'entities', items: 60, topics: 2 });
    expect(r.f1).toBe(r.mentions.f1);
    expect(r.mentions.f1).toBeGreaterThanOrEqual(0.8);
    expect(r.grouping.bcubed.f1).toBeGreaterThanOrEqual(0.85);
    expect(r.gold).toBeGreaterThan(400);
    expect(r.errors!.length).toBeGreaterThan(0);
  }, 120_000);
});
