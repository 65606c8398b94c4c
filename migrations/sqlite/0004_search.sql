-- Full-text index of the catalogue (FTS5). Columns hold the normalized, stemmed terms of
-- domain::search, so SQLite and PostgreSQL see the same words.
CREATE VIRTUAL TABLE service_search USING fts5 (
    slug UNINDEXED,
    title,
    synonyms,
    summary,
    body,
    tokenize = 'unicode61'
);
