-- Full-text search (/search): one plain-text document per post, indexed by H2's native full-text
-- search (org.h2.fulltext.FullText). FT_CREATE_INDEX installs triggers on post_text, so the word
-- index changes in the same transaction as every write of the indexer (DESIGN.md invariant 2).
CREATE TABLE post_text (
    post_id BIGINT        PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    title   VARCHAR(1024) NOT NULL,
    summary VARCHAR(4096) NOT NULL,
    body    CLOB          NOT NULL   -- the rendered body as plain text, code included
);

CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init';
CALL FT_INIT();
CALL FT_CREATE_INDEX('PUBLIC', 'POST_TEXT', 'TITLE,SUMMARY,BODY');
