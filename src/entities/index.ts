export { extractEntities } from './extract.ts';
export { groupMentions, mergeEntities } from './merge.ts';
export { warmLexicon } from './lexicon.ts';
export type { EntityMention, EntityType, StoryEntity } from './types.ts';
