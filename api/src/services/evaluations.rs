//! Evaluations (planned, then recorded with an outcome per pupil) and extensions, which start
//! from an evaluated predecessor.

use arrangeer_shared::Role;
use arrangeer_shared::api::arrangements::{ArrangementResponse, CreateArrangementRequest};
use arrangeer_shared::api::evaluations::{
    EvaluationKind, EvaluationResponse, Outcome, Participant, PlanEvaluationRequest, PupilOutcome,
    RecordEvaluationRequest,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::{CareScope, StartRoute};
use arrangeer_shared::text;
use arrangeer_shared::workflow::Status;

use super::ServiceError;
use super::arrangements::{
    insert_draft, kind_of, proposal_of, status_of, to_response as arrangement_response, visible,
};
use crate::auth::AuthUser;
use crate::db::evaluations::{self, EvaluationRow, OutcomeRow};
use crate::db::{Db, DbConnection, DbError, arrangements, new_id, now, users, utc};

fn school_or_consultant(user: &AuthUser, what: &str) -> Result<(), ServiceError> {
    match user.role {
        Role::School | Role::Consultant => Ok(()),
        Role::Executor | Role::Parent | Role::SwvAdmin => Err(ServiceError::Forbidden(what.to_owned())),
    }
}

pub async fn plan_evaluation(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: PlanEvaluationRequest,
) -> Result<EvaluationResponse, ServiceError> {
    school_or_consultant(&user, "plan evaluations")?;
    let mut errors = super::consultations::check_participants(&request.participants);
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let status = status_of(&row)?;
        if !matches!(status, Status::Approved | Status::Definitive | Status::Granted | Status::InExecution) {
            return Err(ServiceError::Conflict {
                detail: format!("evaluations are planned once the proposal is approved, not when {status}"),
                allowed_actions: Vec::new(),
            });
        }
        if request.kind == EvaluationKind::Final {
            let mut consultant_present = false;
            for p in &request.participants {
                if let Some(user_id) = p.user_id {
                    consultant_present |= users::find(conn, &user_id.to_string())?.is_some_and(|u| {
                        u.role == Role::Consultant.as_str() && u.partnership_id == row.partnership_id
                    });
                }
            }
            if !consultant_present {
                errors.push(FieldError::new(
                    "participants",
                    "consultant_required",
                    "the consultant takes part in the final evaluation: add them with their userId",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        let at = now();
        let participants = serde_json::to_string(&request.participants)
            .map_err(|e| DbError::Corrupt { column: "evaluations.participants", value: e.to_string() })?;
        let evaluation = EvaluationRow {
            id: new_id(),
            arrangement_id: row.id.clone(),
            kind: request.kind.as_str().to_owned(),
            planned_on: request.planned_on,
            participants,
            held_on: None,
            summary: None,
            created_by: user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        evaluations::insert(conn, &evaluation)?;
        to_response(conn, evaluation)
    })
    .await
}

pub async fn record_evaluation(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    evaluation_id: String,
    request: RecordEvaluationRequest,
) -> Result<EvaluationResponse, ServiceError> {
    school_or_consultant(&user, "record evaluations")?;
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let evaluation =
            evaluations::find(conn, &row.id, &evaluation_id)?.ok_or(ServiceError::NotFound("evaluation"))?;
        if evaluation.held_on.is_some() {
            return Err(ServiceError::Conflict {
                detail: "this evaluation was already recorded".into(),
                allowed_actions: vec![],
            });
        }
        let pupils = arrangements::pupils_of(conn, &row.id)?;
        let mut errors: Vec<FieldError> =
            text::check("summary", &request.summary, true, text::LONG).into_iter().collect();
        for (i, o) in request.outcomes.iter().enumerate() {
            if !pupils.iter().any(|p| p.id == o.pupil_id.to_string()) {
                errors.push(FieldError::new(
                    format!("outcomes[{i}].pupilId"),
                    "unknown_pupil",
                    "not a pupil of this arrangement",
                ));
            }
            if let Some(e) = text::check(&format!("outcomes[{i}].reasons"), &o.reasons, true, text::LONG) {
                errors.push(e);
            }
        }
        for p in &pupils {
            let count = request.outcomes.iter().filter(|o| o.pupil_id.to_string() == p.id).count();
            if count != 1 {
                errors.push(FieldError::new(
                    "outcomes",
                    "one_outcome_per_pupil",
                    format!("give exactly one outcome for {} {}", p.first_name, p.last_name),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        if !evaluations::record(conn, &evaluation.id, request.held_on, &request.summary, now())? {
            return Err(ServiceError::Conflict {
                detail: "this evaluation was already recorded".into(),
                allowed_actions: vec![],
            });
        }
        for o in &request.outcomes {
            evaluations::insert_outcome(
                conn,
                &OutcomeRow {
                    evaluation_id: evaluation.id.clone(),
                    pupil_id: o.pupil_id.to_string(),
                    outcome: o.outcome.as_str().to_owned(),
                    reasons: o.reasons.clone(),
                },
            )?;
        }
        let stored =
            evaluations::find(conn, &row.id, &evaluation.id)?.ok_or(ServiceError::NotFound("evaluation"))?;
        to_response(conn, stored)
    })
    .await
}

pub async fn list_evaluations(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<EvaluationResponse>, ServiceError> {
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        evaluations::list(conn, &row.id)?.into_iter().map(|e| to_response(conn, e)).collect()
    })
    .await
}

/// An extension is a new application, copied from an evaluated predecessor and linked to it.
pub async fn extend_arrangement(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<ArrangementResponse, ServiceError> {
    if user.role != Role::School {
        return Err(ServiceError::Forbidden("extend an arrangement".into()));
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let status = status_of(&row)?;
        if !matches!(status, Status::InExecution | Status::Closed) {
            return Err(ServiceError::Conflict {
                detail: format!(
                    "only an arrangement in execution or closed can be extended, not one that is {status}"
                ),
                allowed_actions: Vec::new(),
            });
        }
        if !evaluations::any_held(conn, &row.id, None)? {
            return Err(ServiceError::Unprocessable(vec![FieldError::new(
                "evaluations",
                "evaluation_required",
                "evaluate the arrangement first: goals met? why not? what did it yield?",
            )]));
        }
        let mut proposal = proposal_of(&row)?;
        proposal.start_date = None;
        proposal.end_date = None;
        let request = CreateArrangementRequest {
            kind: kind_of(&row)?,
            title: format!("Verlenging: {}", row.title).chars().take(text::SHORT).collect(),
            pupil_ids: Vec::new(),
            start_route: StartRoute::parse(&row.start_route).unwrap_or(StartRoute::InternalAdvice),
            care_scope: CareScope::parse(&row.care_scope).unwrap_or(CareScope::EducationOnly),
            proposal,
        };
        let pupil_ids: Vec<String> =
            arrangements::pupils_of(conn, &row.id)?.into_iter().map(|p| p.id).collect();
        let draft =
            insert_draft(conn, &user, row.school_id.clone(), &request, &pupil_ids, Some(row.id.clone()))?;
        arrangement_response(conn, &user, draft)
    })
    .await
}

fn to_response(conn: &mut DbConnection, e: EvaluationRow) -> Result<EvaluationResponse, ServiceError> {
    let corrupt = |column: &'static str, value: String| DbError::Corrupt { column, value };
    let participants: Vec<Participant> = serde_json::from_str(&e.participants)
        .map_err(|_| corrupt("evaluations.participants", e.id.clone()))?;
    let outcomes = evaluations::outcomes(conn, &e.id)?
        .into_iter()
        .map(|o| {
            Ok(PupilOutcome {
                pupil_id: crate::db::parse_id("evaluation_outcomes.pupil_id", &o.pupil_id)?,
                outcome: Outcome::parse(&o.outcome)
                    .ok_or_else(|| corrupt("evaluation_outcomes.outcome", o.outcome.clone()))?,
                reasons: o.reasons,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(EvaluationResponse {
        kind: EvaluationKind::parse(&e.kind).ok_or_else(|| corrupt("evaluations.kind", e.kind.clone()))?,
        planned_on: e.planned_on,
        participants,
        held_on: e.held_on,
        summary: e.summary,
        outcomes,
        created_at: utc(e.created_at),
        updated_at: utc(e.updated_at),
        version: e.version,
        id: e.id,
    })
}
