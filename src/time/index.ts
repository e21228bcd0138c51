export type { TimexType, TimexPrecision, TimeMention, TagOptions } from './types.ts';
export { tagTimes, anchorOf } from './tag.ts';
export type { Anchor } from './tag.ts';
export { describeValue } from './calendar.ts';
