-- The school's answers to the partnership's preconditions, part of the proposal (a table of
-- its own: the arrangements table is at diesel's 32-column limit).
-- NULL = not answered yet, TRUE = confirmed, FALSE = not so.
CREATE TABLE arrangement_preconditions (
    arrangement_id TEXT PRIMARY KEY NOT NULL REFERENCES arrangements (id) ON DELETE CASCADE,
    counsellor_supports BOOLEAN,
    opp_signed_by_parents BOOLEAN,
    half_year_needs_based_work BOOLEAN,
    own_support_route_followed BOOLEAN,
    anonymised_at_request BOOLEAN,
    updated_at TIMESTAMP NOT NULL
);
