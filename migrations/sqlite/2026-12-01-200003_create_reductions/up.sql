-- A reduction without termination (fewer hours needed): from a date the arrangement costs the
-- reduced amount; the overpayment is settled in the next payment round.
CREATE TABLE arrangement_reductions (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    effective_from DATE NOT NULL,
    -- what the whole period would have cost at the new level
    new_amount_cents BIGINT NOT NULL CHECK (new_amount_cents >= 0),
    direct_minutes_per_week INTEGER,
    indirect_minutes_per_week INTEGER,
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX arrangement_reductions_arrangement ON arrangement_reductions (arrangement_id, created_at);
