//! Which notification mails a user receives (`GET`/`PUT /api/v1/me/notification-preferences`).
//! Every event is on until the user switches it off. Mails name the kind of event and carry a
//! link, never pupil content.

use serde::{Deserialize, Serialize};

/// One switch per kind of event; a user only gets mails for events that concern them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotificationPreferences {
    /// A school submitted an application (consultants).
    pub request_submitted: bool,
    /// The consultant approved an application or asked for changes (school staff).
    pub advice_given: bool,
    /// An arrangement was granted or rejected (school staff and the executor).
    pub decision_taken: bool,
    /// A new version of a child's plan (OPP) asks for the guardian's consent (parents).
    pub consent_requested: bool,
}

impl Default for NotificationPreferences {
    fn default() -> Self {
        NotificationPreferences {
            request_submitted: true,
            advice_given: true,
            decision_taken: true,
            consent_requested: true,
        }
    }
}

/// The kinds of event, as stored (`notification_preferences.event`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotificationEvent {
    RequestSubmitted,
    AdviceGiven,
    DecisionTaken,
    ConsentRequested,
}

impl NotificationEvent {
    pub const ALL: [NotificationEvent; 4] = [
        NotificationEvent::RequestSubmitted,
        NotificationEvent::AdviceGiven,
        NotificationEvent::DecisionTaken,
        NotificationEvent::ConsentRequested,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationEvent::RequestSubmitted => "request_submitted",
            NotificationEvent::AdviceGiven => "advice_given",
            NotificationEvent::DecisionTaken => "decision_taken",
            NotificationEvent::ConsentRequested => "consent_requested",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == value)
    }
}

impl NotificationPreferences {
    pub fn get(&self, event: NotificationEvent) -> bool {
        match event {
            NotificationEvent::RequestSubmitted => self.request_submitted,
            NotificationEvent::AdviceGiven => self.advice_given,
            NotificationEvent::DecisionTaken => self.decision_taken,
            NotificationEvent::ConsentRequested => self.consent_requested,
        }
    }

    pub fn set(&mut self, event: NotificationEvent, on: bool) {
        match event {
            NotificationEvent::RequestSubmitted => self.request_submitted = on,
            NotificationEvent::AdviceGiven => self.advice_given = on,
            NotificationEvent::DecisionTaken => self.decision_taken = on,
            NotificationEvent::ConsentRequested => self.consent_requested = on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_and_preferences_switch_one_at_a_time() {
        let mut p = NotificationPreferences::default();
        for e in NotificationEvent::ALL {
            assert_eq!(NotificationEvent::parse(e.as_str()), Some(e));
            assert!(p.get(e));
            p.set(e, false);
            assert!(!p.get(e));
        }
        assert_eq!(NotificationEvent::parse("other"), None);
    }
}
