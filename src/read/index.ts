export { readInputs, readBytes, recordItem, DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, STDIN_PATH } from './read.ts';
export type { ReadItem, ReadOptions } from './read.ts';
