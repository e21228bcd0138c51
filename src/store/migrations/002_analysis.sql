-- What the understand stage read in each article (time expressions, figures, entity mentions,
-- quotations), and the version of the stage that read it: `analyze` re-reads older ones.
ALTER TABLE articles ADD COLUMN analysis jsonb;
ALTER TABLE articles ADD COLUMN analysis_version integer NOT NULL DEFAULT 0;
CREATE INDEX articles_analysis_version_idx ON articles (analysis_version);
