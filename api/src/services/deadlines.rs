//! The running clocks of every dossier in the caller's scope.

use arrangeer_shared::Role;
use arrangeer_shared::api::deadlines::DeadlineResponse;
use arrangeer_shared::api::opps::ConsentStatus;
use arrangeer_shared::deadlines::{ClockInput, clocks, integral_action_clocks};
use arrangeer_shared::kinds::{AttachmentKind, StartRoute};
use arrangeer_shared::workflow::{Action, Status, WorkflowConfig};

use super::ServiceError;
use super::arrangements::{kind_of, status_of};
use super::findings::governing_policy;
use super::opps::consent_summary;
use crate::auth::AuthUser;
use crate::auth::scope::{self, Reach};
use crate::db::arrangements::{self, ArrangementRow, ListFilter, Visibility};
use crate::db::{Db, DbConnection, attachments, integral_actions, opps, parse_id};

/// Most dossiers one list considers (a partnership's active caseload is far smaller).
const MAX_DOSSIERS: i64 = 5_000;

/// Deadlines of the caller's dossiers, soonest first. Parents have none to meet.
pub async fn list_deadlines(db: &Db, user: AuthUser) -> Result<Vec<DeadlineResponse>, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("see deadlines".into()));
    }
    db.run(move |conn| {
        let today = chrono::Utc::now().date_naive();
        let reach = scope::reach(conn, &user)?;
        let visibility = match &reach {
            Reach::All => Visibility::All,
            Reach::Schools(ids) => Visibility::Schools(ids),
            Reach::Executor(executor) => Visibility::Executor(executor),
            Reach::Parent(parent) => Visibility::ChildrenOf(parent),
        };
        let rows = arrangements::list(
            conn,
            &user.partnership.to_string(),
            visibility,
            &ListFilter::default(),
            None,
            MAX_DOSSIERS,
        )?;
        let mut out = Vec::new();
        for row in rows.into_iter().filter(|r| status_of(r).is_ok_and(|s| !s.is_final())) {
            let kind = kind_of(&row)?;
            let Some(policy) = governing_policy(conn, &row)? else { continue };
            let Some(rules) = policy.rule_set(kind) else { continue };
            let input = clock_input(conn, &row)?;
            let mut running = clocks(rules, &WorkflowConfig::for_kind(&policy, kind), &input);
            running.extend(integral_action_clocks(
                input.status,
                &integral_actions::open_due_dates(conn, &row.id)?,
            ));
            for clock in running {
                out.push(DeadlineResponse {
                    arrangement_id: parse_id("arrangements.id", &row.id)?,
                    title: row.title.clone(),
                    kind: clock.kind,
                    due_date: clock.due.due,
                    overdue: clock.due.is_overdue(today),
                    days_left: clock.due.days_left(today),
                    actor_role: clock.actor,
                    mine: clock.actor == user.role,
                });
            }
        }
        out.sort_by_key(|d| (d.due_date, d.title.clone()));
        Ok(out)
    })
    .await
}

fn clock_input(conn: &mut DbConnection, row: &ArrangementRow) -> Result<ClockInput, ServiceError> {
    let granted_at = arrangements::last_event_at(conn, &row.id, Action::Grant.as_str())?;
    let (opps_complete, opp_evaluation_from) = opp_progress(conn, row)?;
    let research_report_dates = attachments::list(conn, &row.id)?
        .into_iter()
        .filter(|a| a.kind == AttachmentKind::ResearchReport.as_str())
        .filter_map(|a| a.document_date)
        .collect();
    Ok(ClockInput {
        status: status_of(row).unwrap_or(Status::Draft),
        start_route: StartRoute::parse(&row.start_route).unwrap_or(StartRoute::InternalAdvice),
        created_on: row.created_at.date(),
        definitive_on: arrangements::last_event_at(conn, &row.id, Action::MakeDefinitive.as_str())?
            .map(|at| at.date()),
        granted_on: granted_at.map(|at| at.date()),
        end_date: row.end_date,
        opps_complete,
        opp_evaluation_from,
        research_report_dates,
    })
}

/// Whether every pupil has a published OPP with the guardians' consent on its latest version,
/// and since when the yearly evaluation with the parents counts (the oldest pupil's latest).
fn opp_progress(
    conn: &mut DbConnection,
    row: &ArrangementRow,
) -> Result<(bool, Option<chrono::NaiveDate>), ServiceError> {
    let mut from: Option<chrono::NaiveDate> = None;
    for pupil in arrangements::pupils_of(conn, &row.id)? {
        let Some(opp) = opps::find_by_pupil(conn, &pupil.id)? else { return Ok((false, None)) };
        if opp.latest_version == 0
            || consent_summary(conn, &opp, opp.latest_version)?.status != ConsentStatus::Given
        {
            return Ok((false, None));
        }
        let evaluated = opps::goal_evaluations(conn, &opp.id)?
            .into_iter()
            .filter(|e| e.with_parents)
            .map(|e| e.evaluated_on)
            .max();
        let published = opps::versions(conn, &opp.id)?.first().map(|v| v.published_at.date());
        if let Some(date) = evaluated.or(published) {
            from = Some(from.map_or(date, |f| f.min(date)));
        }
    }
    Ok((from.is_some(), from))
}
