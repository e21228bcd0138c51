-- An article's analysis (about 19 KB of JSON), grouping features, removed blocks and diagnostics
-- are written once and read back whole: no query looks inside them. `jsonb` parsed each into its
-- binary form on the way in and printed it back on the way out; `json` only checks the text.
-- Measured on the embedded engine with 800 real articles: an insert of the analysis and features
-- 1.5–2.0 ms as jsonb, 1.1 ms as json (docs/benchmarks.md, 2026-12-07). Both drivers parse either
-- type into the same objects. A query that needs to look inside one can cast it to jsonb.
ALTER TABLE articles ALTER COLUMN analysis TYPE json USING analysis::json;
ALTER TABLE articles ALTER COLUMN group_features TYPE json USING group_features::json;
ALTER TABLE articles ALTER COLUMN removed TYPE json USING removed::json;
ALTER TABLE articles ALTER COLUMN diagnostics TYPE json USING diagnostics::json;
