-- Issue 6: full-text search moves to Lucene (search/SearchIndex), updated after the row commit
-- instead of by per-row triggers inside it. H2's FullText triggers, word tables (schema FT),
-- aliases and the post_text documents go; the bodies' text lives in the Lucene index.
CALL FT_DROP_ALL();
DROP ALIAS IF EXISTS FT_CREATE_INDEX;
DROP ALIAS IF EXISTS FT_DROP_INDEX;
DROP ALIAS IF EXISTS FT_SEARCH;
DROP ALIAS IF EXISTS FT_SEARCH_DATA;
DROP ALIAS IF EXISTS FT_REINDEX;
DROP ALIAS IF EXISTS FT_DROP_ALL;
DROP ALIAS IF EXISTS FT_INIT;
DROP TABLE post_text;

-- What the link check (content/LinkChecker) needs of each post, so that after a restart an
-- unchanged file is only hashed, never read and rendered again. NULL: not known (a row written
-- before this column existed); such a file is read once. CLOB, not VARCHAR (at most 1,000,000
-- characters in H2): a 2 MB file with many headings must not fail the reindex; small values are
-- stored in the row anyway.
ALTER TABLE post ADD COLUMN body_line INT;            -- 1-based file line on which the body starts
ALTER TABLE post ADD COLUMN anchors CLOB;             -- every id in the HTML, one per line
ALTER TABLE post ADD COLUMN link_refs CLOB;           -- JSON list of {url, line, image}, as written
-- The file's warnings (problems that did not stop publication), so /health and check still show
-- them after a restart that does not read the file: JSON list of {file, line, severity, message}.
ALTER TABLE post ADD COLUMN warnings CLOB;
