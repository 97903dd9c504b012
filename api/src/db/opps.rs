//! Development plans: the plan with its draft, published versions, consents, meetings and
//! goal evaluations.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConnection;
use super::pupils::{PupilFilter, PupilRow};
use super::schema::{
    arrangement_pupils, arrangements, guardianships, opp_consents, opp_goal_evaluations, opp_meetings,
    opp_versions, opps, pupils,
};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opps)]
pub struct OppRow {
    pub id: String,
    pub partnership_id: String,
    pub pupil_id: String,
    pub draft: String,
    pub latest_version: i32,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opp_versions)]
pub struct VersionRow {
    pub opp_id: String,
    pub number: i32,
    pub content: String,
    pub published_by: String,
    pub published_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opp_consents)]
pub struct ConsentRow {
    pub id: String,
    pub opp_id: String,
    pub version_number: i32,
    pub guardian_id: String,
    pub decision: String,
    pub parent_view: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opp_meetings)]
pub struct MeetingRow {
    pub id: String,
    pub opp_id: String,
    pub held_on: NaiveDate,
    pub participants: String,
    pub outcome: String,
    pub recorded_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opp_goal_evaluations)]
pub struct GoalEvaluationRow {
    pub id: String,
    pub opp_id: String,
    pub goal_id: String,
    pub goal_description: String,
    pub result: String,
    pub note: String,
    pub evaluated_on: NaiveDate,
    pub with_parents: bool,
    pub recorded_by: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &OppRow) -> QueryResult<()> {
    diesel::insert_into(opps::table).values(row).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<OppRow>> {
    opps::table.find(id).select(OppRow::as_select()).first(conn).optional()
}

pub fn find_by_pupil(conn: &mut DbConnection, pupil_id: &str) -> QueryResult<Option<OppRow>> {
    opps::table.filter(opps::pupil_id.eq(pupil_id)).select(OppRow::as_select()).first(conn).optional()
}

/// The plans of these pupils.
pub fn of_pupils(conn: &mut DbConnection, pupil_ids: &[String]) -> QueryResult<Vec<OppRow>> {
    opps::table.filter(opps::pupil_id.eq_any(pupil_ids.to_vec())).select(OppRow::as_select()).load(conn)
}

/// Replaces the draft if the plan is still at `expected`; returns whether it was.
pub fn update_draft(
    conn: &mut DbConnection,
    id: &str,
    expected: i32,
    draft: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(opps::table.filter(opps::id.eq(id)).filter(opps::version.eq(expected)))
        .set((opps::draft.eq(draft), opps::updated_at.eq(at), opps::version.eq(opps::version + 1)))
        .execute(conn)
        .map(|n| n == 1)
}

/// Moves the latest published number from `from` to `from + 1`; false if someone else did.
pub fn advance_version(conn: &mut DbConnection, id: &str, from: i32, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(opps::table.filter(opps::id.eq(id)).filter(opps::latest_version.eq(from)))
        .set((
            opps::latest_version.eq(from + 1),
            opps::updated_at.eq(at),
            opps::version.eq(opps::version + 1),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

pub fn insert_version(conn: &mut DbConnection, row: &VersionRow) -> QueryResult<()> {
    diesel::insert_into(opp_versions::table).values(row).execute(conn).map(|_| ())
}

pub fn version(conn: &mut DbConnection, opp_id: &str, number: i32) -> QueryResult<Option<VersionRow>> {
    opp_versions::table
        .filter(opp_versions::opp_id.eq(opp_id))
        .filter(opp_versions::number.eq(number))
        .select(VersionRow::as_select())
        .first(conn)
        .optional()
}

/// Every published version, oldest first.
pub fn versions(conn: &mut DbConnection, opp_id: &str) -> QueryResult<Vec<VersionRow>> {
    opp_versions::table
        .filter(opp_versions::opp_id.eq(opp_id))
        .select(VersionRow::as_select())
        .order(opp_versions::number.asc())
        .load(conn)
}

pub fn insert_consent(conn: &mut DbConnection, row: &ConsentRow) -> QueryResult<()> {
    diesel::insert_into(opp_consents::table).values(row).execute(conn).map(|_| ())
}

/// Every recorded answer on the plan (of one version, if given), oldest first.
pub fn consents(conn: &mut DbConnection, opp_id: &str, number: Option<i32>) -> QueryResult<Vec<ConsentRow>> {
    let mut query = opp_consents::table
        .filter(opp_consents::opp_id.eq(opp_id))
        .select(ConsentRow::as_select())
        .order((opp_consents::version_number.asc(), opp_consents::created_at.asc(), opp_consents::id.asc()))
        .into_boxed();
    if let Some(n) = number {
        query = query.filter(opp_consents::version_number.eq(n));
    }
    query.load(conn)
}

pub fn insert_meeting(conn: &mut DbConnection, row: &MeetingRow) -> QueryResult<()> {
    diesel::insert_into(opp_meetings::table).values(row).execute(conn).map(|_| ())
}

pub fn meetings(conn: &mut DbConnection, opp_id: &str) -> QueryResult<Vec<MeetingRow>> {
    opp_meetings::table
        .filter(opp_meetings::opp_id.eq(opp_id))
        .select(MeetingRow::as_select())
        .order((opp_meetings::held_on.asc(), opp_meetings::created_at.asc()))
        .load(conn)
}

pub fn insert_goal_evaluation(conn: &mut DbConnection, row: &GoalEvaluationRow) -> QueryResult<()> {
    diesel::insert_into(opp_goal_evaluations::table).values(row).execute(conn).map(|_| ())
}

pub fn goal_evaluations(conn: &mut DbConnection, opp_id: &str) -> QueryResult<Vec<GoalEvaluationRow>> {
    opp_goal_evaluations::table
        .filter(opp_goal_evaluations::opp_id.eq(opp_id))
        .select(GoalEvaluationRow::as_select())
        .order((opp_goal_evaluations::evaluated_on.asc(), opp_goal_evaluations::created_at.asc()))
        .load(conn)
}

/// The arrangements a pupil is in: `(id, title, status)`, newest first.
pub fn arrangements_of(
    conn: &mut DbConnection,
    pupil_id: &str,
) -> QueryResult<Vec<(String, String, String)>> {
    arrangement_pupils::table
        .inner_join(arrangements::table)
        .filter(arrangement_pupils::pupil_id.eq(pupil_id))
        .select((arrangements::id, arrangements::title, arrangements::status))
        .order(arrangements::created_at.desc())
        .load(conn)
}

/// One page of plans with their pupils, ordered like the pupil list (the cursor key is
/// [`super::pupils::sort_key`]); `published_only` for parents, who see no drafts.
pub fn list(
    conn: &mut DbConnection,
    partnership_id: &str,
    filter: PupilFilter<'_>,
    pupil_id: Option<&str>,
    published_only: bool,
    after: Option<(&str, &str)>,
    limit: i64,
) -> QueryResult<Vec<(OppRow, PupilRow)>> {
    let mut query = opps::table
        .inner_join(pupils::table)
        .filter(opps::partnership_id.eq(partnership_id))
        .select((OppRow::as_select(), PupilRow::as_select()))
        .order((pupils::last_name.asc(), pupils::first_name.asc(), pupils::id.asc()))
        .limit(limit)
        .into_boxed();
    query = match filter {
        PupilFilter::All => query,
        PupilFilter::Schools(ids) => query.filter(pupils::school_id.eq_any(ids.to_vec())),
        PupilFilter::ChildrenOf(parent) => query.filter(
            pupils::id.eq_any(
                guardianships::table
                    .filter(guardianships::parent_id.eq(parent.to_owned()))
                    .select(guardianships::pupil_id),
            ),
        ),
    };
    if let Some(p) = pupil_id {
        query = query.filter(opps::pupil_id.eq(p.to_owned()));
    }
    if published_only {
        query = query.filter(opps::latest_version.gt(0));
    }
    if let Some((name, id)) = after {
        let (last, first) = name.split_once('\u{1f}').unwrap_or((name, ""));
        let (last, first, id) = (last.to_owned(), first.to_owned(), id.to_owned());
        query = query.filter(pupils::last_name.gt(last.clone()).or(pupils::last_name.eq(last.clone()).and(
            pupils::first_name.gt(first.clone()).or(pupils::first_name.eq(first).and(pupils::id.gt(id))),
        )));
    }
    query.load(conn)
}
