export { analyse, analysePage, articleId, prepare, type AnalyseResult, type PrepareResult } from './pipeline.ts';
