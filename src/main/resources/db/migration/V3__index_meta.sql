-- What the rows of this index were built under besides the files (Essayist's version, time zone,
-- base URL): content/IndexStore rebuilds the index when it differs from the running process.
CREATE TABLE index_meta (
    name  VARCHAR(64)   PRIMARY KEY,
    setting VARCHAR(4096) NOT NULL
);
