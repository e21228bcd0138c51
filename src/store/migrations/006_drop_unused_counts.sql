-- `term_df` (document frequencies) and `counters` were written with every article and read by
-- nothing: grouping weighs terms by a fixed background list (src/group/features.ts), so that an
-- article's vector never changes as the store grows. Their upserts were a fifth of the cost of
-- storing an article, and the single `counters` row serialised concurrent writers on a server.
DROP TABLE IF EXISTS term_df;
DROP TABLE IF EXISTS counters;
