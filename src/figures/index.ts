export { claimValue } from './claim.ts';
export { extractFigures } from './extract.ts';
export { canonicalUnit, singular, unitKey, unitsMatch } from './units.ts';
export type { Bound, Figure, FigureKind, FigureOptions } from './types.ts';
