-- Short-term joiners of a cluster arrangement: a pupil joins one part of the offer for a short
-- period without an OPP. Not a pupil of the arrangement (no consent flow, no OPP clock); the
-- action plan is one of the dossier's attachments, and the parents must have been informed.
CREATE TABLE short_term_joiners (
    id TEXT PRIMARY KEY NOT NULL,
    arrangement_id TEXT NOT NULL REFERENCES arrangements (id),
    pupil_id TEXT NOT NULL REFERENCES pupils (id),
    offer_part TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL CHECK (ends_on >= starts_on),
    action_plan_attachment_id TEXT NOT NULL REFERENCES attachments (id),
    parents_informed BOOLEAN NOT NULL CHECK (parents_informed),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX short_term_joiners_arrangement ON short_term_joiners (arrangement_id, starts_on);
CREATE INDEX short_term_joiners_pupil ON short_term_joiners (pupil_id);
