//! Notification preferences and who is to be told about what.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{consultant_assignments, guardianships, notification_preferences, opps, users};

/// A user who may get a mail: id and address.
#[derive(Debug, Clone, Queryable)]
pub struct Recipient {
    pub id: String,
    pub email: String,
}

/// The stored switches of a user, `(event, enabled)`; events without a row are on.
pub fn preferences(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<(String, bool)>> {
    notification_preferences::table
        .filter(notification_preferences::user_id.eq(user_id))
        .select((notification_preferences::event, notification_preferences::enabled))
        .load(conn)
}

/// Replaces all of a user's switches (one row per event).
pub fn replace_preferences(
    conn: &mut DbConnection,
    user_id: &str,
    switches: &[(&str, bool)],
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(notification_preferences::table.filter(notification_preferences::user_id.eq(user_id)))
        .execute(conn)?;
    for (event, enabled) in switches {
        diesel::insert_into(notification_preferences::table)
            .values((
                notification_preferences::user_id.eq(user_id),
                notification_preferences::event.eq(*event),
                notification_preferences::enabled.eq(*enabled),
                notification_preferences::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Of `candidates`, the ids of those who switched `event` off.
pub fn switched_off(conn: &mut DbConnection, candidates: &[String], event: &str) -> QueryResult<Vec<String>> {
    notification_preferences::table
        .filter(notification_preferences::user_id.eq_any(candidates.to_vec()))
        .filter(notification_preferences::event.eq(event))
        .filter(notification_preferences::enabled.eq(false))
        .select(notification_preferences::user_id)
        .load(conn)
}

/// Active accounts with `role`, attached to `school_id`.
pub fn school_staff(conn: &mut DbConnection, school_id: &str) -> QueryResult<Vec<Recipient>> {
    users::table
        .filter(users::school_id.eq(school_id))
        .filter(users::role.eq("school"))
        .filter(users::active.eq(true))
        .select((users::id, users::email))
        .order(users::id.asc())
        .load(conn)
}

/// Active accounts of an executor organisation.
pub fn executor_staff(conn: &mut DbConnection, executor_id: &str) -> QueryResult<Vec<Recipient>> {
    users::table
        .filter(users::executor_id.eq(executor_id))
        .filter(users::role.eq("executor"))
        .filter(users::active.eq(true))
        .select((users::id, users::email))
        .order(users::id.asc())
        .load(conn)
}

/// Active consultants: the named one, or else those assigned to the school.
pub fn consultants(
    conn: &mut DbConnection,
    named: Option<&str>,
    school_id: &str,
) -> QueryResult<Vec<Recipient>> {
    let ids: Vec<String> = match named {
        Some(id) => vec![id.to_owned()],
        None => consultant_assignments::table
            .filter(consultant_assignments::school_id.eq(school_id))
            .select(consultant_assignments::consultant_id)
            .load(conn)?,
    };
    users::table
        .filter(users::id.eq_any(ids))
        .filter(users::role.eq("consultant"))
        .filter(users::active.eq(true))
        .select((users::id, users::email))
        .order(users::id.asc())
        .load(conn)
}

/// Active guardians of a pupil.
pub fn guardians(conn: &mut DbConnection, pupil_id: &str) -> QueryResult<Vec<Recipient>> {
    let ids: Vec<String> = guardianships::table
        .filter(guardianships::pupil_id.eq(pupil_id))
        .select(guardianships::parent_id)
        .load(conn)?;
    users::table
        .filter(users::id.eq_any(ids))
        .filter(users::active.eq(true))
        .select((users::id, users::email))
        .order(users::id.asc())
        .load(conn)
}

/// The pupil a plan is about.
pub fn pupil_of_opp(conn: &mut DbConnection, opp_id: &str) -> QueryResult<Option<String>> {
    opps::table.find(opp_id).select(opps::pupil_id).first(conn).optional()
}
