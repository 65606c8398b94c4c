-- Full-text index of the catalogue (tsvector, weighted by column, GIN). Columns hold the
-- normalized, stemmed terms of domain::search, so PostgreSQL and SQLite see the same words;
-- the 'simple' configuration therefore adds no stemming of its own.
CREATE TABLE service_search (
    slug TEXT PRIMARY KEY REFERENCES services (slug) ON DELETE CASCADE,
    title TEXT NOT NULL,
    synonyms TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', synonyms), 'A')
        || setweight(to_tsvector('simple', summary), 'B')
        || setweight(to_tsvector('simple', body), 'D')
    ) STORED
);
CREATE INDEX service_search_document ON service_search USING GIN (document);
