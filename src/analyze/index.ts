export { analyzeInputs, analyzePaths, type AnalyzeOptions, type AnalyzeOutcome, type AnalyzeSummary, type InputError } from './analyze.ts';
export { MAX_READER_THREADS, defaultReaderThreads } from './readers.ts';
