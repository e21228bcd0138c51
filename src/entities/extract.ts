/**
 * `extractEntities`: mention detection → normalisation → clustering, for one text.
 * See detect.ts (mentions, types, roles), normalize.ts (keys) and cluster.ts (one entity per name).
 */
import { clusterDoc } from './cluster.ts';
import { detect } from './detect.ts';
import type { EntityMention } from './types.ts';

/** Named entities mentioned in `text`, in text order, each with its cluster key. */
export function extractEntities(text: string): EntityMention[] {
  const doc = clusterDoc(detect(text));
  return doc.kept.map((c, i) => {
    const type = doc.type[i]!;
    return {
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      type,
      canonical: doc.canonical[i]!,
      role: type === 'person' ? c.role : null,
    };
  });
}
