export { ANALYSIS_VERSION, MAX_UNDERSTOOD_CHARS, analyseText, understand } from './understand.ts';
