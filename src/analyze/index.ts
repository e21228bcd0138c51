export { analyzeInputs, analyzePaths, type AnalyzeOptions, type AnalyzeOutcome, type AnalyzeSummary, type InputError } from './analyze.ts';
