export { clean, type CleanResult } from './clean.ts';
export { cleanText, type TextCleanOptions, type TextCleanResult } from './text.ts';
export { extractHtml, type HtmlExtract } from './html.ts';
export { REASONS, classify, type Reason } from './rules.ts';
