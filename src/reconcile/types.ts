/** What the reconcile stage reads: a story's articles with what the understand stage found in them. */
import type { Analysis, PublishedDate } from '../article/article.ts';

export interface StoryArticle {
  id: string;
  text: string;
  title: string | null;
  outlet: string | null;
  source: string;
  published: PublishedDate;
  analysis: Analysis | null;
  /** The article this one is a copy of (syndicated or republished), when the grouping stage marked it. */
  duplicateOf?: string | null;
}
