-- When the store was last VACUUMed and ANALYZEd, as the newest article's seq then (Store.maintain).
-- The embedded engine has no autovacuum: without statistics the planner guesses (the term lookup
-- ran as a bitmap heap scan), and without the visibility map the covering term index cannot be
-- read index-only (migration 008). The mark is in the store, not in a process, so that a store
-- filled by many short runs is maintained like one filled by a long one.
CREATE TABLE maintenance (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  vacuumed_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO maintenance DEFAULT VALUES;
