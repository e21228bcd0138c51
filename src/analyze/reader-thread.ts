/** A reader thread (readers.ts): reads each page it is sent and answers with the result. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../article/article.ts';
import { prepare } from '../pipeline/index.ts';
import { readForStore } from './readers.ts';

if (!parentPort) throw new Error('reader-thread.ts runs as a worker thread of analyze (readers.ts)');
const port = parentPort;

// The models (wink-nlp's, franc's trigrams, the lexicons) load on first use: a short page read
// before saying ready keeps that second out of the first real page's time.
const warm = prepare({ source: 'warm-up', kind: 'text', content: 'Warm-up\n\nThe council said on Monday that 12 new buses would run from March, the mayor told reporters in Leeds.' });
if (warm.ok) readForStore(warm.page);

port.on('message', (m: { id: number; page: Article }) => {
  port.postMessage({ id: m.id, page: readForStore(m.page) });
});
port.postMessage({ ready: true });
