/** Public types of the entity extractor. */
import type { EntityType } from '../report/schema.ts';

export type { EntityType };

/** One mention of a named entity in one text. */
export interface EntityMention {
  /** The mention as written (`text.slice(start, end)`). */
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /**
   * The cluster key: every mention of one entity in the text carries the same key, the normalised
   * fullest name ("kim jong un", "north korea", "korean central news agency").
   */
  canonical: string;
  /** The role the text gives a person at this mention ("Russia's Defense Minister"), else null. */
  role: string | null;
}

/** One entity of a story: its mentions across the story's articles merged. */
export interface StoryEntity {
  name: string;
  type: EntityType;
  /** Other names used for it (not including `name`). */
  aliases: string[];
  role: string | null;
  /** Number of mentions across the story's articles. */
  mentions: number;
  articleIds: string[];
}
