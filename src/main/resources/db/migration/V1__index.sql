-- The derived index of posts/ (design.md invariant 1: deleting it loses nothing). One schema, not a
-- migration history: an index built under another schema or renderer is never migrated, it is
-- deleted and rebuilt from the files (content/IndexStore compares its fingerprint, whose format
-- number changes with this file).

-- One row per post file the indexer has read successfully: what it needs to skip the file while
-- its bytes are unchanged and to check links across the site without reading it again.
CREATE TABLE indexed_file (
    path       VARCHAR(1024) PRIMARY KEY,   -- the file, as authors name it
    hash       CHAR(64)      NOT NULL,      -- SHA-256 of its bytes, hex
    body_line  INT           NOT NULL,      -- 1-based file line on which the body starts
    anchors    CLOB          NOT NULL,      -- JSON list of every id in the body's HTML
    link_refs  CLOB          NOT NULL,      -- JSON list of {url, line, image}: links and images as written
    warnings   CLOB          NOT NULL       -- JSON list of {file, line, severity, message}
);

-- One row per published-or-not essay; what readers see. Its file's row owns it.
CREATE TABLE post (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    source_path     VARCHAR(1024) NOT NULL UNIQUE REFERENCES indexed_file (path) ON DELETE CASCADE,
    source_hash     CHAR(64)      NOT NULL,
    slug            VARCHAR(255)  NOT NULL,
    path            VARCHAR(1024) NOT NULL,          -- the canonical URL path, as served (essayist.permalink)
    path_key        VARCHAR(1024) NOT NULL UNIQUE,   -- the same without a trailing slash: what requests match
    bundle          VARCHAR(1024),                   -- the page bundle's folder, whose files are served under path
    guid            VARCHAR(512)  NOT NULL UNIQUE,
    title           VARCHAR(1024) NOT NULL,
    summary         VARCHAR(4096) NOT NULL,
    html            CLOB          NOT NULL,
    headings        CLOB          NOT NULL,   -- JSON list of {level, id, text}
    has_code        BOOLEAN       NOT NULL,   -- the body has a code block (pages load the highlighter)
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE,
    draft           BOOLEAN       NOT NULL,
    authors         CLOB          NOT NULL,   -- JSON list of names; empty: the site's author
    -- When readers may see it: its publish date (else its date) for a post that is not a draft,
    -- NULL (never) for a draft, the epoch for every post in preview mode; until visible_until
    -- (Hugo's expiryDate), NULL for never. "Published" is PostRepository.PUBLISHED.
    visible_from    TIMESTAMP WITH TIME ZONE,
    visible_until   TIMESTAMP WITH TIME ZONE,
    word_count      INT           NOT NULL,
    reading_minutes INT           NOT NULL
);
CREATE INDEX post_visible ON post (visible_from, published_at DESC, id DESC);
CREATE INDEX post_slug ON post (slug);

CREATE TABLE tag (
    id   BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(255) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL
);

CREATE TABLE post_tag (
    post_id BIGINT NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    tag_id  BIGINT NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tag_tag ON post_tag (tag_id);

-- Old root-relative paths that answer 301 to their post.
CREATE TABLE alias (
    path    VARCHAR(1024) PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES post (id) ON DELETE CASCADE
);

-- The link graph: which post links to which root-relative path of this site ("Referenced by"),
-- without a trailing slash.
CREATE TABLE link (
    post_id     BIGINT        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    target_path VARCHAR(1024) NOT NULL,
    PRIMARY KEY (post_id, target_path)
);
CREATE INDEX link_target ON link (target_path);

-- Standalone pages such as /about (posts/pages/*.md).
CREATE TABLE page (
    slug        VARCHAR(255)  PRIMARY KEY,
    source_path VARCHAR(1024) NOT NULL UNIQUE,
    source_hash CHAR(64)      NOT NULL,
    title       VARCHAR(1024) NOT NULL,
    summary     VARCHAR(4096) NOT NULL,
    html        CLOB          NOT NULL,
    data        CLOB          NOT NULL,   -- JSON of the page's structured front matter (page.PageData)
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the rows were built under besides the files (content/IndexStore's fingerprint) and the
-- state token of the last row commit that the search index must match (search/SearchIndex).
CREATE TABLE index_meta (
    name    VARCHAR(64)   PRIMARY KEY,
    setting VARCHAR(4096) NOT NULL
);
