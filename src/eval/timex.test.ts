import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalValue, dctAnchor, evalTimex, readTimeML } from './timex.ts';

const HEAD = '<?xml version="1.0" ?>\n<TimeML>\n';

// Gold: 5 timexes. The tagger finds "Friday" (exact), "April" (inside gold "in April": relaxed only),
// "three days" (exact), "last year" (exact span, but the gold value here is deliberately wrong) and
// "yesterday" (not in the gold: spurious); it misses "since then".
const DOC_A = `${HEAD}<DOCID>a</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-12" temporalFunction="false" functionInDocument="CREATION_TIME">20250312</TIMEX3></DCT>
<TEXT>
Officials met on <TIMEX3 tid="t1" type="DATE" value="2025-03-07">Friday</TIMEX3> and will meet again <TIMEX3 tid="t2" type="DATE" value="2025-04">in April</TIMEX3>. The talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>; costs rose &amp; fell <TIMEX3 tid="t4" type="DATE" value="PAST_REF">since then</TIMEX3>.

Output fell <TIMEX3 tid="t5" type="DATE" value="2023">last year</TIMEX3>, the agency reported yesterday.
</TEXT>
</TimeML>
`;

// One more document in a subdirectory, with a TIME creation time and a timex outside TEXT (not scored).
const DOC_B = `${HEAD}<DOCID>b</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-11-20T19:30" functionInDocument="CREATION_TIME">1998-11-20 19:30</TIMEX3></DCT>
<TITLE>A story from <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3></TITLE>
<TEXT>
The newspaper reported <TIMEX3 tid="t1" type="DATE" value="1998-11-20">Friday</TIMEX3> that the suspect had fled.
</TEXT>
</TimeML>
`;

describe('readTimeML', () => {
  it('strips tags, decodes entities and records gold spans in the plain text', () => {
    const doc = readTimeML(DOC_A, 'a');
    expect(doc.dct).toBe('2025-03-12');
    expect(doc.text).toContain('costs rose & fell since then.');
    expect(doc.text).not.toContain('<');
    expect(doc.gold.map((g) => [g.text, g.type, g.value])).toEqual([
      ['Friday', 'DATE', '2025-03-07'], ['in April', 'DATE', '2025-04'], ['three days', 'DURATION', 'P3D'],
      ['since then', 'DATE', 'PAST_REF'], ['last year', 'DATE', '2023'],
    ]);
    for (const g of doc.gold) expect(doc.text.slice(g.start, g.end)).toBe(g.text);
  });

  it('scores only TIMEX3 inside TEXT and reads a TIME creation time as a day anchor', () => {
    const doc = readTimeML(DOC_B, 'b');
    expect(doc.gold).toHaveLength(1);
    expect(doc.dct).toBe('1998-11-20T19:30');
    expect(dctAnchor(doc.dct)).toMatchObject({ value: '1998-11-20', basis: 'explicit' });
  });
});

describe('canonicalValue', () => {
  it('treats notational variants as equal', () => {
    expect(canonicalValue('199X')).toBe(canonicalValue('199'));
    expect(canonicalValue('2000-W7')).toBe(canonicalValue('2000-W07'));
    expect(canonicalValue('P2DE')).toBe(canonicalValue('P20Y'));
    expect(canonicalValue('P1E')).toBe(canonicalValue('P10Y'));
    expect(canonicalValue('P3Q')).toBe(canonicalValue('P9M'));
    expect(canonicalValue('1998-02')).not.toBe(canonicalValue('1998'));
  });
});

describe('evalTimex', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'timex-eval-'));
    writeFileSync(join(dir, 'a.tml'), DOC_A);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.tml'), DOC_B);
    writeFileSync(join(dir, 'notes.txt'), 'not a TimeML file');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores strict, relaxed and value matches the TempEval-3 way', async () => {
    const r = await evalTimex(dir);
    // Gold 6 (5 + 1); system 6 (5 + 1); strict 4, relaxed 5, correct values 4.
    expect(r).toMatchObject({ task: 'timex', format: 'timeml', items: 2, gold: 6, system: 6 });
    expect(r.strict).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    expect(r.relaxed).toEqual({ precision: 0.8333, recall: 0.8333, f1: 0.8333 });
    expect(r.value).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    expect([r.precision, r.recall, r.f1]).toEqual([r.relaxed.precision, r.relaxed.recall, r.relaxed.f1]);
    expect(r.docsPerSecond).toBeGreaterThan(0);
    expect(r.errors).toBeUndefined();
  });

  it('lists the errors on request', async () => {
    const r = await evalTimex(dir, { details: true });
    const kinds = r.errors!.map((e) => `${e.kind}:${e.gold?.text ?? e.system?.text}`).sort();
    expect(kinds).toEqual(['missed:since then', 'span:in April', 'spurious:yesterday', 'value:last year']);
  });
});

describe('evalTimex on the shared TimeML set (../shared)', () => {
  const TBAQ = fileURLToPath(new URL('../../../shared/data/timex/tbaq/', import.meta.url));

  it('returns the report shape and meets the issue-4 targets', async (ctx) => {
    if (!existsSync(TBAQ)) ctx.skip(`shared data absent: ${TBAQ} (see ../shared/data/README.md)`);
    const r = await evalTimex(TBAQ);
    expect(Object.keys(r).sort()).toEqual(
      ['docsPerSecond', 'f1', 'format', 'gold', 'items', 'precision', 'recall', 'relaxed', 'strict', 'system', 'task', 'type', 'value'].sort(),
    );
    expect(r.items).toBeGreaterThan(200);
    for (const k of ['strict', 'relaxed', 'value', 'type'] as const) {
      for (const v of Object.values(r[k])) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    }
    expect(r.relaxed.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.value.f1).toBeGreaterThanOrEqual(0.8);
  });
});
