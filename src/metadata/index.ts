export { metadata } from './metadata.ts';
export { detectLanguage } from './language.ts';
export { absoluteDates, explicitPublished, inferPublished, parseExplicit, reportsPast, sentences, type DateMention } from './published.ts';
export { deriveTitle, stripSiteName } from './title.ts';
