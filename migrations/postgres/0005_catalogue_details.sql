-- Opening hours and building accessibility of authorities (free text, as published by the
-- authority), an editorial ranking of frequently used services for the start page, and the
-- postcodes of each Gemeinde for choosing a place by postcode.
ALTER TABLE authorities ADD COLUMN opening_hours TEXT;
ALTER TABLE authorities ADD COLUMN accessibility TEXT;
ALTER TABLE services ADD COLUMN popular INTEGER;

CREATE TABLE region_postcodes (
    postcode TEXT NOT NULL,
    ags TEXT NOT NULL REFERENCES regions (ags) ON DELETE CASCADE,
    PRIMARY KEY (postcode, ags)
);
CREATE INDEX region_postcodes_ags ON region_postcodes (ags);
