export { readInputs, readBytes, recordItem, DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, STDIN_PATH } from './read.ts';
export type { ReadItem, ReadOptions } from './read.ts';
export { watchFolder, type WatchOptions } from './watch.ts';
export { fetchUrl, isHttpUrl, USER_AGENT, type FetchOptions, type FetchResult } from './fetch.ts';
