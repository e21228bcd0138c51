export {};
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimeMention = any;
export function tagTimes(..._a: any[]): any[] { return []; }
