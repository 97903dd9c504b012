-- Which notification mails a user wants. A missing row means "yes": every event is on until
-- the user switches it off.
CREATE TABLE notification_preferences (
    user_id TEXT NOT NULL REFERENCES users (id),
    event TEXT NOT NULL CHECK (event IN ('request_submitted', 'advice_given', 'decision_taken', 'consent_requested')),
    enabled BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, event)
);
