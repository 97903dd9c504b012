//! The append-only audit log. There is deliberately no update or delete here.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{audit_events, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: String,
    pub partnership_id: String,
    pub actor_id: String,
    pub actor_role: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub pupil_id: Option<String>,
    pub client_address: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &AuditRow) -> QueryResult<()> {
    diesel::insert_into(audit_events::table).values(row).execute(conn).map(|_| ())
}

/// Which events a list shows.
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub pupil_id: Option<String>,
    pub object_type: Option<String>,
    /// Only events by actors of these roles.
    pub actor_roles: Option<Vec<String>>,
}

/// Events of a partnership with the actor's name, newest first, after `(created_at, id)`.
pub fn list(
    conn: &mut DbConnection,
    partnership_id: &str,
    filter: &AuditFilter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> QueryResult<Vec<(AuditRow, String)>> {
    let mut query = audit_events::table
        .inner_join(users::table)
        .filter(audit_events::partnership_id.eq(partnership_id))
        .select((AuditRow::as_select(), users::display_name))
        .order((audit_events::created_at.desc(), audit_events::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(pupil) = &filter.pupil_id {
        query = query.filter(audit_events::pupil_id.eq(pupil.clone()));
    }
    if let Some(kind) = &filter.object_type {
        query = query.filter(audit_events::object_type.eq(kind.clone()));
    }
    if let Some(roles) = &filter.actor_roles {
        query = query.filter(audit_events::actor_role.eq_any(roles.clone()));
    }
    if let Some((at, id)) = after {
        query = query.filter(
            audit_events::created_at.lt(at).or(audit_events::created_at.eq(at).and(audit_events::id.lt(id))),
        );
    }
    query.load(conn)
}
