-- Full-text search over articles (the web app's search box and GET /api/search).
-- The 'simple' configuration does no stemming and drops no stop words: the corpus is multilingual
-- and names ("Shoigu", "KCNA") matter more than English morphology. The expression must match the
-- one in src/store/search.ts exactly, or PostgreSQL will not use this index.
CREATE INDEX articles_fts_idx ON articles USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text));
