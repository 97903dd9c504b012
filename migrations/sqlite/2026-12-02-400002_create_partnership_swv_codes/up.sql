-- The code DUO gives a partnership (samenwerkingsverband), e.g. `PO 26-01`: the school import
-- takes only the rows of the importing partnership's code.
CREATE TABLE partnership_swv_codes (
    partnership_id TEXT PRIMARY KEY NOT NULL REFERENCES partnerships (id),
    swv_code TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
