//! Status changes: `POST /arrangements/{id}/actions/{action}`.
//!
//! authorize (role, scope) → the pure transition in `shared::workflow` → the checks that need
//! the dossier → one transaction: a conditional UPDATE on the old status and an appended event.

use arrangeer_shared::api::arrangements::{ActionRequest, ArrangementResponse};
use arrangeer_shared::api::evaluations::EvaluationKind;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::text;
use arrangeer_shared::workflow::{self, Action, TransitionError};

use super::arrangements::{allowed, kind_of, status_of, to_response, visible};
use super::{ServiceError, decision_letters, findings, policy};
use crate::auth::{AuthUser, Unchecked};
use crate::db::arrangements::{self, ArrangementRow, EventRow};
use crate::db::{Db, DbConnection, evaluations, new_id, now};

/// Takes `action` on the arrangement for the caller, whose account is checked in the same
/// transaction; returns the caller (for the notifications) and the arrangement after it.
pub async fn take_action(
    db: &Db,
    caller: Unchecked,
    id: ArrangementId,
    action: Action,
    request: ActionRequest,
) -> Result<(AuthUser, ArrangementResponse), ServiceError> {
    let errors: Vec<FieldError> = [
        request.comment.as_deref().and_then(|c| text::check("comment", c, false, text::LONG)),
        request.justification.as_deref().and_then(|j| text::check("justification", j, false, text::LONG)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        let user = caller.check(conn)?.user;
        let row = visible(conn, &user, &id.to_string())?;
        let kind = kind_of(&row)?;
        let config = policy::workflow_config(conn, &row.partnership_id, kind)?;
        let from = status_of(&row)?;
        let to = workflow::apply(from, action, user.role, &config).map_err(|e| match e {
            TransitionError::RoleMayNot { action, .. } => {
                ServiceError::Forbidden(format!("{action} an arrangement under this partnership's policy"))
            }
            TransitionError::NotInStatus { status, action, allowed } => ServiceError::Conflict {
                detail: format!("cannot {action} an arrangement that is {status}"),
                allowed_actions: allowed.iter().map(|a| a.as_str().to_owned()).collect(),
            },
        })?;
        check_preconditions(conn, &row, kind, action)?;
        findings::gate(conn, &row, action, request.justification.as_deref())?;
        check_termination(&row, action, &request)?;

        // the policy in force is recorded when the application is submitted
        let policy_version = match action {
            Action::Submit => policy::current(conn, &row.partnership_id)?.map(|(version, _)| version),
            _ => None,
        };
        let at = now();
        if !arrangements::transition(conn, &row.id, from.as_str(), to.as_str(), policy_version, at)? {
            let fresh = arrangements::find(conn, &row.id)?.ok_or(ServiceError::NotFound("arrangement"))?;
            return Err(ServiceError::Conflict {
                detail: format!("someone else changed the status to {} first", fresh.status),
                allowed_actions: allowed(conn, &user, &fresh)?
                    .iter()
                    .map(|a| a.as_str().to_owned())
                    .collect(),
            });
        }
        if let (Action::Terminate, Some(on)) = (action, request.terminated_on) {
            arrangements::set_terminated_on(conn, &row.id, on)?;
        }
        arrangements::insert_event(
            conn,
            &EventRow {
                id: new_id(),
                arrangement_id: row.id.clone(),
                actor_id: user.id.to_string(),
                action: action.as_str().to_owned(),
                from_status: Some(from.as_str().to_owned()),
                to_status: to.as_str().to_owned(),
                comment: request.comment.clone().filter(|c| !c.trim().is_empty()),
                justification: request.justification.clone().filter(|j| !j.trim().is_empty()),
                created_at: at,
            },
        )?;
        let reasoning = request.comment.as_deref().or(request.justification.as_deref());
        decision_letters::attach(conn, &row, &user, action, reasoning)?;
        let updated = arrangements::find(conn, &row.id)?.ok_or(ServiceError::NotFound("arrangement"))?;
        // the statistics' milestones and money follow every status change, in this transaction
        super::statistics::facts::refresh(conn, &updated)?;
        Ok((user, to_response(conn, &user, updated)?))
    })
    .await
}

/// An early termination names the last day support was given (within the period) and why;
/// `terminatedOn` belongs to `terminate` only.
fn check_termination(
    row: &ArrangementRow,
    action: Action,
    request: &ActionRequest,
) -> Result<(), ServiceError> {
    let mut errors = Vec::new();
    match (action, request.terminated_on) {
        (Action::Terminate, None) => {
            errors.push(FieldError::new("terminatedOn", "required", "give the last day support was given"));
        }
        (Action::Terminate, Some(on)) => {
            if row.start_date.is_some_and(|start| on < start) || row.end_date.is_some_and(|end| on > end) {
                errors.push(FieldError::new(
                    "terminatedOn",
                    "outside_period",
                    "the date lies outside the arrangement's period",
                ));
            }
        }
        (_, Some(_)) => {
            errors.push(FieldError::new(
                "terminatedOn",
                "only_for_terminate",
                "only an early termination has this date",
            ));
        }
        (_, None) => {}
    }
    if action == Action::Terminate && request.comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
        errors.push(FieldError::new("comment", "required", "give the reason for stopping early"));
    }
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Unprocessable(errors)) }
}

/// What must be true of the dossier itself before an action (rules of the partnership are
/// checked separately, as findings).
fn check_preconditions(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    kind: ArrangementKind,
    action: Action,
) -> Result<(), ServiceError> {
    let mut errors = Vec::new();
    if matches!(action, Action::Submit | Action::MakeDefinitive) {
        let pupils = arrangements::pupil_count(conn, &row.id)?;
        if kind == ArrangementKind::Cluster && pupils < 2 {
            errors.push(FieldError::new(
                "pupilIds",
                "cluster_needs_two_pupils",
                "a cluster needs at least two pupils",
            ));
        }
        if kind == ArrangementKind::Integral
            && row.case_director.as_deref().is_none_or(|c| c.trim().is_empty())
        {
            errors.push(FieldError::new(
                "proposal.caseDirector",
                "required",
                "an integral arrangement names its case director (regievoerder)",
            ));
        }
        if row.goals_pupils.trim().is_empty() {
            errors.push(FieldError::new(
                "proposal.goalsPupils",
                "required",
                "describe the goals for the pupil(s)",
            ));
        }
    }
    if action == Action::Close && !evaluations::any_held(conn, &row.id, Some(EvaluationKind::Final.as_str()))?
    {
        errors.push(FieldError::new(
            "evaluations",
            "final_evaluation_required",
            "record the final evaluation (with the consultant present) before closing the dossier",
        ));
    }
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Unprocessable(errors)) }
}
