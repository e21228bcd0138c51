export { DEFAULT_ACK_WAIT_MS, DEFAULT_STREAM, decodeInput, encodeInput, openQueue, queueNames, type DeadLetter, type OpenQueueOptions, type Queue, type QueueNames } from './queue.ts';
export { publishInputs, queueStatus, retryDead, type IngestOptions, type IngestSummary, type QueueStatus } from './ops.ts';
export { DEFAULT_MAX_ATTEMPTS, runWorker, transientStoreError, type WorkerEvent, type WorkerOptions, type WorkerSummary } from './worker.ts';
