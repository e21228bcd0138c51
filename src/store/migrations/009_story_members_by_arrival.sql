-- A story's most recent members (Store.storyMemberIds: grouping compares a newcomer with up to
-- FALLBACK_MEMBERS of them when the story is too large to re-cluster) are read from this index in
-- arrival order and stop at the limit, instead of every member being read and sorted: with
-- stories of thousands of articles that sort grew with the store. It serves plain story_id
-- lookups as well, so the single-column index goes.
CREATE INDEX articles_story_seq_idx ON articles (story_id, seq DESC);
DROP INDEX IF EXISTS articles_story_idx;
