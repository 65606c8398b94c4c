-- The service catalogue. Texts are German; lists are stored as JSON arrays of strings.
CREATE TABLE authorities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region_ags TEXT NOT NULL REFERENCES regions (ags),
    street TEXT,
    postcode TEXT,
    city TEXT,
    phone TEXT,
    email TEXT,
    website TEXT
);
CREATE INDEX authorities_region_ags ON authorities (region_ags);

CREATE TABLE services (
    slug TEXT PRIMARY KEY,
    leika TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    who TEXT NOT NULL,
    documents TEXT NOT NULL,
    fees TEXT NOT NULL,
    duration TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('land', 'kreis', 'gemeinde')),
    authority_kind TEXT NOT NULL,
    synonyms TEXT NOT NULL,
    online TEXT NOT NULL CHECK (online IN ('none', 'portal', 'external')),
    online_url TEXT
);

CREATE TABLE service_life_situations (
    service_slug TEXT NOT NULL REFERENCES services (slug) ON DELETE CASCADE,
    life_situation TEXT NOT NULL,
    PRIMARY KEY (service_slug, life_situation)
);
CREATE INDEX service_life_situations_by_situation ON service_life_situations (life_situation);

-- Who handles a service for a region. Resolution takes the most specific row whose region
-- contains the Gemeinde: the Gemeinde itself, then its Kreis, then the Land.
CREATE TABLE responsibilities (
    service_slug TEXT NOT NULL REFERENCES services (slug) ON DELETE CASCADE,
    region_ags TEXT NOT NULL REFERENCES regions (ags),
    authority_id TEXT NOT NULL REFERENCES authorities (id),
    PRIMARY KEY (service_slug, region_ags)
);
CREATE INDEX responsibilities_authority ON responsibilities (authority_id);
