//! Notification mails: who is told about which event, and their preferences.
//!
//! A mail says what kind of thing happened and links to it; it never carries pupil content
//! (no names, no pupil codes, not even the dossier's title, which the school writes freely).
//! Recipients are looked up after the change committed, in a background task: the request
//! that caused the event neither waits for it nor fails with it.

use arrangeer_shared::api::notifications::{NotificationEvent, NotificationPreferences};
use arrangeer_shared::workflow::Action;

use super::ServiceError;
use super::mailer::{Mail, Mailer};
use crate::auth::AuthUser;
use crate::db::notifications::{self, Recipient};
use crate::db::{Db, DbConnection, DbError, arrangements, now};

pub async fn get_preferences(db: &Db, user: AuthUser) -> Result<NotificationPreferences, ServiceError> {
    db.run(move |conn| Ok(load(conn, &user.id.to_string())?)).await
}

/// Replaces the caller's switches: all four at once (a full replacement, so no `If-Match`).
pub async fn put_preferences(
    db: &Db,
    user: AuthUser,
    preferences: NotificationPreferences,
) -> Result<NotificationPreferences, ServiceError> {
    db.write(move |conn| {
        let id = user.id.to_string();
        let switches: Vec<(&str, bool)> =
            NotificationEvent::ALL.iter().map(|e| (e.as_str(), preferences.get(*e))).collect();
        notifications::replace_preferences(conn, &id, &switches, now())?;
        Ok(load(conn, &id)?)
    })
    .await
}

fn load(conn: &mut DbConnection, user_id: &str) -> Result<NotificationPreferences, DbError> {
    let mut preferences = NotificationPreferences::default();
    for (event, enabled) in notifications::preferences(conn, user_id)? {
        let event = NotificationEvent::parse(&event)
            .ok_or(DbError::Corrupt { column: "notification_preferences.event", value: event.clone() })?;
        preferences.set(event, enabled);
    }
    Ok(preferences)
}

/// After a status change committed: tells whom it concerns, in the background.
pub fn arrangement_action(
    db: &Db,
    mailer: &Mailer,
    actor: &AuthUser,
    arrangement_id: String,
    action: Action,
) {
    let event = match action {
        Action::Submit => NotificationEvent::RequestSubmitted,
        Action::Approve | Action::RequestChanges => NotificationEvent::AdviceGiven,
        Action::Grant | Action::Reject => NotificationEvent::DecisionTaken,
        _ => return,
    };
    let link = format!("{}/dossiers/{arrangement_id}", mailer.public_url());
    let actor = actor.id.to_string();
    dispatch(db, mailer, event, link, move |conn| {
        let Some(row) = arrangements::find(conn, &arrangement_id)? else { return Ok(Vec::new()) };
        let mut to = match event {
            NotificationEvent::RequestSubmitted => {
                notifications::consultants(conn, row.consultant_id.as_deref(), &row.school_id)?
            }
            NotificationEvent::AdviceGiven => notifications::school_staff(conn, &row.school_id)?,
            _ => {
                let mut to = notifications::school_staff(conn, &row.school_id)?;
                if let Some(executor) = &row.executor_id {
                    to.extend(notifications::executor_staff(conn, executor)?);
                }
                to
            }
        };
        to.retain(|r| r.id != actor);
        Ok(to)
    });
}

/// After an OPP version was published: its guardians are asked for consent.
pub fn opp_published(db: &Db, mailer: &Mailer, opp_id: String) {
    let link = format!("{}/mijn-kind", mailer.public_url());
    dispatch(db, mailer, NotificationEvent::ConsentRequested, link, move |conn| {
        match notifications::pupil_of_opp(conn, &opp_id)? {
            Some(pupil) => Ok(notifications::guardians(conn, &pupil)?),
            None => Ok(Vec::new()),
        }
    });
}

fn dispatch<F>(db: &Db, mailer: &Mailer, event: NotificationEvent, link: String, recipients: F)
where
    F: FnOnce(&mut DbConnection) -> Result<Vec<Recipient>, DbError> + Send + 'static,
{
    let (db, mailer) = (db.clone(), mailer.clone());
    let task = tokio::spawn(async move {
        let found = db
            .run(move |conn| -> Result<Vec<Recipient>, DbError> {
                let mut to = recipients(conn)?;
                let ids: Vec<String> = to.iter().map(|r| r.id.clone()).collect();
                let off = notifications::switched_off(conn, &ids, event.as_str())?;
                to.retain(|r| !off.contains(&r.id));
                Ok(to)
            })
            .await;
        match found {
            Ok(to) => mailer.send_later(to.into_iter().map(|r| mail(event, &r.email, &link)).collect()),
            Err(error) => tracing::warn!(event = event.as_str(), %error, "notification recipients not found"),
        }
    });
    drop(task);
}

/// The text of a notification: the kind of event and a link, in Dutch then English.
fn mail(event: NotificationEvent, to: &str, link: &str) -> Mail {
    let (subject, nl, en) = match event {
        NotificationEvent::RequestSubmitted => (
            "Nieuwe aanvraag voor een arrangement",
            "Een school heeft een aanvraag voor een arrangement ingediend.",
            "A school submitted an application for an arrangement.",
        ),
        NotificationEvent::AdviceGiven => (
            "Advies over een aanvraag",
            "De consulent heeft een aanvraag van uw school beoordeeld.",
            "The consultant has reviewed an application of your school.",
        ),
        NotificationEvent::DecisionTaken => (
            "Besluit over een arrangement",
            "Er is een besluit genomen over een arrangement. De besluitbrief staat bij het dossier.",
            "A decision was taken on an arrangement. The decision letter is in the dossier.",
        ),
        NotificationEvent::ConsentRequested => (
            "Nieuwe versie van het ontwikkelingsperspectiefplan",
            "De school heeft een nieuwe versie van het plan van uw kind gepubliceerd en vraagt uw instemming.",
            "The school published a new version of your child's plan and asks for your consent.",
        ),
    };
    Mail {
        to: to.to_owned(),
        subject: format!("Arrangeer: {subject}"),
        body: format!(
            "{nl}\nBekijk het in Arrangeer: {link}\n\n{en}\nView it in Arrangeer: {link}\n\n\
             U krijgt dit bericht omdat u meldingen over dit soort gebeurtenissen aan hebt staan;\n\
             u kunt ze uitzetten bij uw instellingen in Arrangeer.\n"
        ),
        kind: event.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_texts_carry_the_link() {
        for event in NotificationEvent::ALL {
            let m = mail(event, "a@b.nl", "http://x/dossiers/1");
            assert!(m.body.contains("http://x/dossiers/1"));
        }
    }
}
