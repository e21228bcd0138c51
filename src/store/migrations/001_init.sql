-- Storyline schema, version 1. Plain PostgreSQL: runs unchanged on PGlite and on a PostgreSQL server.

CREATE TABLE stories (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- A story merged into another keeps its row, so its old id still resolves (and says where it went).
  merged_into text REFERENCES stories (id)
);

CREATE TABLE articles (
  id                 text PRIMARY KEY,           -- content address: a + 16 hex of SHA-256
  seq                bigserial UNIQUE,           -- arrival order
  source             text NOT NULL,
  parent_id          text REFERENCES articles (id),
  story_id           text REFERENCES stories (id),
  kind               text NOT NULL CHECK (kind IN ('text', 'html')),
  url                text,
  outlet             text,
  title              text,
  title_derived      boolean NOT NULL,
  published_value    text,
  published_earliest date,
  published_latest   date,
  published_basis    text NOT NULL CHECK (published_basis IN ('explicit', 'inferred', 'unknown')),
  published_evidence text,
  language           text,
  text               text NOT NULL,
  raw                text NOT NULL,
  removed            jsonb NOT NULL,
  diagnostics        jsonb NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_story_idx ON articles (story_id);
CREATE INDEX articles_parent_idx ON articles (parent_id);

-- Every place an article's content was seen (the same text can arrive in several files).
CREATE TABLE article_sources (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     text NOT NULL,
  PRIMARY KEY (article_id, source)
);

-- The inverted index grouping retrieves candidates from: an article's top terms, L2-normalised weights.
CREATE TABLE article_terms (
  term       text NOT NULL,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  weight     real NOT NULL,
  PRIMARY KEY (term, article_id)
);
CREATE INDEX article_terms_article_idx ON article_terms (article_id);

-- Document frequency of every term over all stored articles (for IDF), kept with each insert.
CREATE TABLE term_df (
  term text PRIMARY KEY,
  df   integer NOT NULL
);

CREATE TABLE counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('articles', 0);
