export { analyse, analysePage, articleId, datePage, prepare, type AnalyseResult, type PrepareResult } from './pipeline.ts';
