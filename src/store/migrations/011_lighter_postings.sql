-- Each stored article writes about 40 postings (article_terms) and its MinHash bands in the same
-- statement as its row (Store.insertArticle), and nothing deletes articles. What each posting paid
-- for beyond the one index the term lookup reads (article_terms_recent_idx, migration 008) bought
-- nothing: a foreign-key check on articles per posting and per band, a primary key on
-- (term, article_id) whose uniqueness the vector already has (one weight per term), and an index
-- on article_id no query uses: about 80 index insertions and 50 foreign-key checks an article
-- fewer (measured together with migration 010 on the embedded engine, interleaved runs: an
-- article's statements 24.3 → 21.9 ms; docs/benchmarks.md, 2026-12-07). Whoever adds deleting
-- articles deletes their postings and bands with them (no ON DELETE CASCADE here any more). Two indexes of articles no
-- query reads go too: analysis_version (stale analyses are found by id) and event_id (members of
-- an event are read by story).
ALTER TABLE article_terms DROP CONSTRAINT IF EXISTS article_terms_article_id_fkey;
ALTER TABLE article_terms DROP CONSTRAINT IF EXISTS article_terms_pkey;
DROP INDEX IF EXISTS article_terms_article_idx;
ALTER TABLE article_bands DROP CONSTRAINT IF EXISTS article_bands_article_id_fkey;
DROP INDEX IF EXISTS articles_analysis_version_idx;
DROP INDEX IF EXISTS articles_event_idx;
