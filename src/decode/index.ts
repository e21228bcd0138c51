export { decode, normalizeText } from './decode.ts';
export type { DecodeOptions, DecodeResult, Decoded } from './decode.ts';
