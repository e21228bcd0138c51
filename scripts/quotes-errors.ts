/**
 * Error analysis for the quotation extractor on a PolNeAR-layout directory (not a test):
 *
 *   node --import tsx scripts/quotes-errors.ts ../shared/data/quotes/polnear-train [--samples N] [--only CATEGORY] [--direct]
 *
 * Scores every document with `scoreDoc` (the evaluation's own matching, src/eval/quotes.ts) and sorts
 * each gold and system attribution of the `all` subset (or `direct` with --direct) into one category:
 *
 *   gold side (recall):   ok · source:no-speaker · source:pronoun-unresolved · source:boundary ·
 *                         source:other-entity · content:boundary (a system span overlaps, token F1 < 0.5)
 *                         · content:missed (nothing overlaps), the latter split by the gold cue's
 *                         first word, lower-cased, so the largest missing cue types show up
 *   system side (precision): ok · source-wrong · content:boundary · spurious (no gold content overlaps),
 *                         split by the system cue
 *
 * Prints counts per category (largest first) and up to N samples of each (default 3), with the
 * gold and system spans in context. Output is for reading only; it quotes the local data set, so
 * never paste it into the repository.
 */
import { goldAntecedent, loadQuotesDir, namedSourceBefore, namedSources, scoreDoc, TokenIndex, tokenF1 } from '../src/eval/quotes.ts';
import type { GoldAttribution, Range, SystemAttribution } from '../src/eval/quotes.ts';
import { extractQuotes, findQuotes } from '../src/quotes/index.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!dir) {
  console.error('usage: scripts/quotes-errors.ts DIR [--samples N] [--only CATEGORY] [--direct]');
  process.exit(2);
}
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const samples = Number(opt('--samples') ?? 3);
const only = opt('--only');
const directOnly = args.includes('--direct');

const counts = new Map<string, number>();
const examples = new Map<string, string[]>();

function note(cat: string, example: () => string): void {
  counts.set(cat, (counts.get(cat) ?? 0) + 1);
  const list = examples.get(cat) ?? [];
  if (list.length < samples && (!only || cat.startsWith(only))) list.push(example());
  examples.set(cat, list);
}

const PRONOUN = /^(he|she|him|her|his|they|them|their|it|its|we|i|you|who|which|that|this)$/i;

function show(text: string, r: Range | null | undefined): string {
  if (!r) return '∅';
  return JSON.stringify(text.slice(r[0], r[1]).slice(0, 160));
}

function context(text: string, parts: Range[]): string {
  const s = Math.max(0, parts[0]![0] - 100);
  const e = Math.min(text.length, parts[parts.length - 1]![1] + 60);
  return text.slice(s, e).replace(/\s+/g, ' ');
}

function cueWord(g: GoldAttribution): string {
  if (!g.cue) return '(no cue)';
  // The whole cue, lower-cased, when short ("has said", "declined to comment"); else its last word.
  const w = g.cue.text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  if (w.length === 0) return '(no cue)';
  return w.length <= 3 ? w.join(' ') : `… ${w[w.length - 1]}`;
}

for (const doc of loadQuotesDir(dir)) {
  const text = doc.text;
  const s = scoreDoc(text, doc.gold, extractQuotes(text));
  const idx = new TokenIndex(text);
  const named = namedSources(doc.gold, text);
  const quoted = findQuotes(text).map((q): Range => [q.open, q.close]);
  const sys: SystemAttribution[] = directOnly ? s.sys.filter((a) => a.direct) : s.sys;
  const gold: GoldAttribution[] = directOnly ? s.gold.filter((g) => g.direct) : s.gold;
  // Pairs as the evaluation makes them (recomputed for the direct subset).
  const pairOf = new Map<GoldAttribution, { a: SystemAttribution; ok: boolean }>();
  const sysPaired = new Map<SystemAttribution, boolean>();
  s.pairs.forEach(([i, j], k) => {
    const a = s.sys[i]!;
    const g = s.gold[j]!;
    if (!sys.includes(a) || !gold.includes(g)) return;
    pairOf.set(g, { a, ok: s.sourceOk[k]! });
    sysPaired.set(a, s.sourceOk[k]!);
  });
  for (const g of gold) {
    const p = pairOf.get(g);
    const where = () => `${doc.id}\n    gold content ${show(text, g.content.parts[0])} source ${show(text, g.source?.parts[0])} cue ${JSON.stringify(g.cue?.text ?? null)}`;
    if (p) {
      if (!g.source) continue;
      if (p.ok) {
        note('gold ok', where);
        continue;
      }
      const a = p.a;
      const detail = () => {
        const at = g.source!.parts[0]![0];
        const ante = PRONOUN.test(g.source!.text.trim()) ? namedSourceBefore(text, named, at) ?? goldAntecedent(text, at, g.source!.text.trim(), quoted, idx.nameIndex) : null;
        return `${where()}\n    system speaker ${JSON.stringify(a.speaker)} at ${show(text, a.speakerSpan)}${ante !== null ? ` · eval antecedent ${JSON.stringify(ante)}` : ''}\n    … ${context(text, g.source!.parts)}`;
      };
      let cat: string;
      if (!a.speaker) cat = 'gold source:no-speaker';
      else if (PRONOUN.test(g.source.text.trim())) cat = a.speakerSpan && tokenF1(idx.tokens([a.speakerSpan]), idx.tokens(g.source.parts)) > 0 ? 'gold source:pronoun-unresolved (same mention)' : 'gold source:pronoun-other';
      else if (a.speakerSpan && tokenF1(idx.tokens([a.speakerSpan]), idx.tokens(g.source.parts)) > 0) cat = 'gold source:boundary';
      else cat = 'gold source:other-entity';
      note(cat, detail);
      continue;
    }
    const gt = idx.tokens(g.content.parts);
    const near = sys.find((a) => tokenF1(idx.tokens(a.parts), gt) > 0);
    if (near) {
      note('gold content:boundary', () => `${where()}\n    system content ${show(text, near.parts[0])}`);
    } else {
      note(`gold content:missed cue=${cueWord(g)}`, () => `${where()}\n    … ${context(text, g.content.parts)}`);
    }
  }
  for (const a of sys) {
    const ok = sysPaired.get(a);
    const cue = a.mentions[0]?.cue?.toLowerCase() ?? '(none)';
    const where = () => `${doc.id}\n    system content ${show(text, a.parts[0])} speaker ${JSON.stringify(a.speaker)} cue ${JSON.stringify(cue)}\n    … ${context(text, a.parts)}`;
    if (ok === true) note('sys ok', where);
    else if (ok === false) note(a.speaker ? 'sys source-wrong' : 'sys no-speaker', where);
    else {
      const st = idx.tokens(a.parts);
      const g = gold.find((x) => tokenF1(idx.tokens(x.content.parts), st) > 0);
      note(g ? 'sys content:boundary' : `sys spurious cue=${cue}`, () => `${where()}${g ? `\n    gold content ${show(text, g.content.parts[0])}` : ''}`);
    }
  }
}

// Group the per-cue categories to totals too.
const totals = new Map<string, number>();
for (const [k, v] of counts) {
  const base = k.replace(/ cue=.*$/, '');
  if (base !== k) totals.set(base, (totals.get(base) ?? 0) + v);
}
console.log('== totals');
for (const [k, v] of [...counts].filter(([k]) => !k.includes(' cue=')).concat([...totals]).sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(6), k);
console.log('\n== by cue (top 40)');
for (const [k, v] of [...counts].filter(([k]) => k.includes(' cue=')).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(v).padStart(6), k);
if (samples > 0) {
  console.log('\n== samples');
  for (const [k, list] of [...examples].sort((a, b) => (counts.get(b[0]) ?? 0) - (counts.get(a[0]) ?? 0))) {
    if (only && !k.startsWith(only)) continue;
    if (list.length === 0) continue;
    console.log(`-- ${k} (${counts.get(k)})`);
    for (const e of list) console.log(`  ${e}`);
  }
}
