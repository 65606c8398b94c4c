-- Land, Kreise and Gemeinden by their official key (AGS). Kind and parent follow from the
-- key's length (2, 5, 8 digits); they are stored for queries and checked on write.
CREATE TABLE regions (
    ags TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('land', 'kreis', 'gemeinde')),
    parent_ags TEXT REFERENCES regions (ags)
);
CREATE INDEX regions_parent_ags ON regions (parent_ags);
