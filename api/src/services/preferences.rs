//! The caller's own settings (today: the language of the web app). Only the user writes them,
//! for themselves; they hold no pupil data, so they are not in the audit log.

use arrangeer_shared::api::preferences::{Language, PreferencesResponse, UpdatePreferencesRequest};

use super::ServiceError;
use crate::auth::AuthUser;
use crate::db::preferences::{self, PreferencesRow};
use crate::db::{Db, DbConnection, DbError, now, utc};

/// The stored language of a user, `None` when none was chosen.
pub fn language_of(conn: &mut DbConnection, user_id: &str) -> Result<Option<Language>, DbError> {
    preferences::find(conn, user_id)?.map(|row| parse_language(&row.language)).transpose()
}

fn parse_language(value: &str) -> Result<Language, DbError> {
    Language::parse(value)
        .ok_or_else(|| DbError::Corrupt { column: "user_preferences.language", value: value.to_owned() })
}

/// Stores the caller's choice (creating the row on the first change), in one transaction.
pub async fn update_preferences(
    db: &Db,
    user: AuthUser,
    request: UpdatePreferencesRequest,
) -> Result<PreferencesResponse, ServiceError> {
    let user_id = user.id.to_string();
    db.write(move |conn| {
        let at = now();
        let language = request.language.as_str();
        if preferences::update_language(conn, &user_id, language, at)? == 0 {
            preferences::insert(
                conn,
                &PreferencesRow {
                    user_id: user_id.clone(),
                    language: language.to_owned(),
                    created_at: at,
                    updated_at: at,
                    version: 1,
                },
            )?;
        }
        let row = preferences::find(conn, &user_id)?.ok_or(ServiceError::NotFound("preferences"))?;
        Ok(PreferencesResponse {
            language: parse_language(&row.language)?,
            updated_at: utc(row.updated_at),
            version: row.version,
        })
    })
    .await
}
