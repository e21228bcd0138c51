export { analyse, articleId, type AnalyseResult } from './pipeline.ts';
