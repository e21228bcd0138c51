-- Full-text search over articles (the web app's search box and GET /api/search).
-- The 'simple' configuration does no stemming and drops no stop words: the corpus is multilingual
-- and names ("Shoigu", "KCNA") matter more than English morphology. The vector is stored, not
-- computed per query: ranking and index rechecks would otherwise re-parse every matching text
-- (seconds for a common word over 10,000 articles on PGlite).
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_search_idx ON articles USING gin (search);
