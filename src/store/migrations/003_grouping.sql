-- Grouping, second version (issue 5): stories are re-clustered from stored features, hold events,
-- and near-duplicate copies are marked.

-- What the similarity of two articles needs (term vector, title and entity vectors, dates), so a
-- neighbourhood can be re-clustered from the store without re-reading any text.
ALTER TABLE articles ADD COLUMN group_features jsonb;
-- The connected group of articles linked at the story threshold (union-find label): a story never
-- spans two components, so re-clustering a component is exact.
ALTER TABLE articles ADD COLUMN component text;
ALTER TABLE articles ADD COLUMN event_id text;
-- The stored article this one is a near-duplicate or syndicated copy of (first stored of its copies).
ALTER TABLE articles ADD COLUMN duplicate_of text REFERENCES articles (id);
CREATE INDEX articles_component_idx ON articles (component);
CREATE INDEX articles_event_idx ON articles (event_id);

CREATE TABLE components (
  id   text PRIMARY KEY,
  size integer NOT NULL
);

-- A story that was split off another keeps a pointer to where its articles were before.
ALTER TABLE stories ADD COLUMN split_from text REFERENCES stories (id);

-- Events: one happening inside a story (Kim meets Shoigu in Pyongyang, June 2025).
CREATE TABLE events (
  id          text PRIMARY KEY,
  story_id    text NOT NULL REFERENCES stories (id),
  title       text NOT NULL,
  date_value  text,
  earliest    date,
  latest      date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  merged_into text REFERENCES events (id)
);
CREATE INDEX events_story_idx ON events (story_id);

-- MinHash band keys of each article's word shingles (locality-sensitive hashing: two texts share a
-- band with high probability when their shingle sets overlap strongly), for near-duplicate lookup.
CREATE TABLE article_bands (
  band       text NOT NULL,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
);

-- Arrival order in the term index, so a lookup reads only each term's most recent postings: the
-- cost of finding candidates stays flat however large the store grows.
ALTER TABLE article_terms ADD COLUMN seq bigint;
CREATE INDEX article_terms_recent_idx ON article_terms (term, seq DESC);
