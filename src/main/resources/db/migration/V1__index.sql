-- The derived index of posts/ (DESIGN.md invariant 1: deleting it loses nothing).
-- Every row that comes from a file carries that file's path and SHA-256, so a reindex can skip
-- unchanged files and replace exactly one file's rows.

CREATE TABLE post (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    source_path     VARCHAR(1024) NOT NULL UNIQUE,
    source_hash     CHAR(64)      NOT NULL,
    slug            VARCHAR(255)  NOT NULL UNIQUE,
    guid            VARCHAR(512)  NOT NULL UNIQUE,
    title           VARCHAR(1024) NOT NULL,
    summary         VARCHAR(4096) NOT NULL,
    html            CLOB          NOT NULL,
    headings        CLOB          NOT NULL,   -- JSON list of {level, id, text}
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE,
    draft           BOOLEAN       NOT NULL,
    word_count      INT           NOT NULL,
    reading_minutes INT           NOT NULL
);
CREATE INDEX post_published ON post (draft, published_at DESC, id DESC);

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

CREATE TABLE alias (
    path    VARCHAR(1024) PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES post (id) ON DELETE CASCADE
);

-- The link graph: which post links to which slug (for "Referenced by" and link checks).
CREATE TABLE link (
    post_id     BIGINT       NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    target_slug VARCHAR(255) NOT NULL,
    PRIMARY KEY (post_id, target_slug)
);
CREATE INDEX link_target ON link (target_slug);

-- Standalone pages such as /about (posts/pages/*.md).
CREATE TABLE page (
    slug        VARCHAR(255)  PRIMARY KEY,
    source_path VARCHAR(1024) NOT NULL UNIQUE,
    source_hash CHAR(64)      NOT NULL,
    title       VARCHAR(1024) NOT NULL,
    summary     VARCHAR(4096) NOT NULL,
    html        CLOB          NOT NULL,
    data        CLOB          NOT NULL,   -- JSON of the page's structured front matter
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
