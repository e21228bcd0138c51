export { analyse, analysePage, articleId, datePage, prepare, readPage, type AnalyseResult, type PrepareResult } from './pipeline.ts';
