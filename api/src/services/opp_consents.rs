//! What happens around a published plan: the guardians' consent on its action part (the only
//! thing a parent writes), the consensus-seeking meeting (OOGO), and evaluations per goal.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::opps::{
    ConsentDecision, ConsentRequest, ConsentResponse, CreateGoalEvaluationRequest, CreateOppMeetingRequest,
    GoalEvaluationResponse, GoalResult, OppMeetingResponse,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::OppId;
use arrangeer_shared::text;

use super::ServiceError;
use super::audit::{self, Caller};
use super::opps::{content_of, reader, school_only, user_name, visible};
use crate::db::opps::{self, ConsentRow, GoalEvaluationRow, MeetingRow};
use crate::db::{Db, DbConnection, DbError, new_id, now, parse_id, pupils, utc};

/// A guardian agrees or disagrees with the action part of the latest version, adds a view,
/// or withdraws an agreement. Append-only: earlier answers stay with their version.
pub async fn give_consent(
    db: &Db,
    caller: Caller,
    id: OppId,
    number: i32,
    request: ConsentRequest,
) -> Result<ConsentResponse, ServiceError> {
    if caller.user.role != Role::Parent {
        return Err(ServiceError::Forbidden("answer for a guardian".into()));
    }
    let view = request.view.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if let Some(e) = view.as_deref().and_then(|v| text::check("view", v, false, text::LONG)) {
        return Err(ServiceError::Unprocessable(vec![e]));
    }
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        let me = caller.user.id.to_string();
        if !pupils::is_guardian(conn, &pupil.id, &me)? {
            return Err(ServiceError::NotFound("development plan"));
        }
        opps::version(conn, &opp.id, number)?.ok_or(ServiceError::NotFound("version"))?;
        if number != opp.latest_version {
            return Err(ServiceError::Conflict {
                detail: format!(
                    "version {number} was replaced by version {}: answer on the latest version",
                    opp.latest_version
                ),
                allowed_actions: Vec::new(),
            });
        }
        let mine =
            opps::consents(conn, &opp.id, Some(number))?.into_iter().rev().find(|c| c.guardian_id == me);
        if request.decision == ConsentDecision::Withdraw
            && mine.as_ref().is_none_or(|c| c.decision != ConsentDecision::Agree.as_str())
        {
            return Err(ServiceError::Conflict {
                detail: "only an agreement can be withdrawn, and you have not agreed to this version".into(),
                allowed_actions: vec![
                    ConsentDecision::Agree.to_string(),
                    ConsentDecision::Disagree.to_string(),
                ],
            });
        }
        let row = ConsentRow {
            id: new_id(),
            opp_id: opp.id.clone(),
            version_number: number,
            guardian_id: me,
            decision: request.decision.as_str().to_owned(),
            parent_view: view,
            created_at: now(),
        };
        opps::insert_consent(conn, &row)?;
        let object = format!("{}/versions/{number}", opp.id);
        audit::record(
            conn,
            &caller,
            AuditAction::Consent,
            AuditObject::OppVersion,
            &object,
            Some(&pupil.id),
        )?;
        consent_response(conn, row)
    })
    .await
}

/// Every answer on every version, oldest first.
pub async fn list_consents(db: &Db, caller: Caller, id: OppId) -> Result<Vec<ConsentResponse>, ServiceError> {
    reader(&caller.user)?;
    db.run(move |conn| {
        let (opp, _) = visible(conn, &caller.user, &id.to_string())?;
        opps::consents(conn, &opp.id, None)?.into_iter().map(|c| consent_response(conn, c)).collect()
    })
    .await
}

fn consent_response(conn: &mut DbConnection, c: ConsentRow) -> Result<ConsentResponse, ServiceError> {
    Ok(ConsentResponse {
        guardian_name: user_name(conn, &c.guardian_id)?,
        guardian_id: parse_id("opp_consents.guardian_id", &c.guardian_id)?,
        version_number: c.version_number,
        decision: ConsentDecision::parse(&c.decision)
            .ok_or_else(|| DbError::Corrupt { column: "opp_consents.decision", value: c.decision.clone() })?,
        view: c.parent_view,
        created_at: utc(c.created_at),
        id: c.id,
    })
}

/// Records the consensus-seeking meeting (OOGO) on the plan (school staff).
pub async fn record_meeting(
    db: &Db,
    caller: Caller,
    id: OppId,
    request: CreateOppMeetingRequest,
) -> Result<OppMeetingResponse, ServiceError> {
    school_only(&caller.user, "record meetings on a plan")?;
    let mut errors: Vec<FieldError> = request
        .participants
        .iter()
        .enumerate()
        .filter_map(|(i, p)| text::check(&format!("participants[{i}]"), p, true, text::SHORT))
        .chain(text::check("outcome", &request.outcome, true, text::LONG))
        .collect();
    if request.participants.is_empty() {
        errors.push(FieldError::new("participants", "required", "name who took part"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        let row = MeetingRow {
            id: new_id(),
            opp_id: opp.id.clone(),
            held_on: request.held_on,
            participants: serde_json::to_string(&request.participants).map_err(|e| DbError::Corrupt {
                column: "opp_meetings.participants",
                value: e.to_string(),
            })?,
            outcome: request.outcome.trim().to_owned(),
            recorded_by: caller.user.id.to_string(),
            created_at: now(),
        };
        opps::insert_meeting(conn, &row)?;
        audit::record(conn, &caller, AuditAction::RecordMeeting, AuditObject::Opp, &opp.id, Some(&pupil.id))?;
        meeting_response(conn, row)
    })
    .await
}

pub async fn list_meetings(
    db: &Db,
    caller: Caller,
    id: OppId,
) -> Result<Vec<OppMeetingResponse>, ServiceError> {
    reader(&caller.user)?;
    db.run(move |conn| {
        let (opp, _) = visible(conn, &caller.user, &id.to_string())?;
        opps::meetings(conn, &opp.id)?.into_iter().map(|m| meeting_response(conn, m)).collect()
    })
    .await
}

fn meeting_response(conn: &mut DbConnection, m: MeetingRow) -> Result<OppMeetingResponse, ServiceError> {
    Ok(OppMeetingResponse {
        participants: serde_json::from_str(&m.participants)
            .map_err(|_| DbError::Corrupt { column: "opp_meetings.participants", value: m.id.clone() })?,
        held_on: m.held_on,
        outcome: m.outcome,
        recorded_by: user_name(conn, &m.recorded_by)?,
        created_at: utc(m.created_at),
        id: m.id,
    })
}

/// Evaluates a goal of the latest published version (school staff).
pub async fn evaluate_goal(
    db: &Db,
    caller: Caller,
    id: OppId,
    request: CreateGoalEvaluationRequest,
) -> Result<GoalEvaluationResponse, ServiceError> {
    school_only(&caller.user, "evaluate goals")?;
    if let Some(e) = text::check("note", &request.note, true, text::LONG) {
        return Err(ServiceError::Unprocessable(vec![e]));
    }
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        let published = opps::version(conn, &opp.id, opp.latest_version)?
            .map(|v| content_of(&v.content, "opp_versions.content"))
            .transpose()?;
        let goal = published
            .as_ref()
            .and_then(|c| c.goals.iter().find(|g| g.id == Some(request.goal_id)))
            .ok_or_else(|| {
                ServiceError::Unprocessable(vec![FieldError::new(
                    "goalId",
                    "unknown_goal",
                    "not a goal of the published plan: publish the plan first",
                )])
            })?;
        let row = GoalEvaluationRow {
            id: new_id(),
            opp_id: opp.id.clone(),
            goal_id: request.goal_id.to_string(),
            goal_description: goal.description.clone(),
            result: request.result.as_str().to_owned(),
            note: request.note.trim().to_owned(),
            evaluated_on: request.evaluated_on,
            with_parents: request.with_parents,
            recorded_by: caller.user.id.to_string(),
            created_at: now(),
        };
        opps::insert_goal_evaluation(conn, &row)?;
        audit::record(conn, &caller, AuditAction::EvaluateGoal, AuditObject::Opp, &opp.id, Some(&pupil.id))?;
        goal_evaluation_response(conn, row)
    })
    .await
}

/// The evaluations of every goal, oldest first: how the pupil progressed over time.
pub async fn list_goal_evaluations(
    db: &Db,
    caller: Caller,
    id: OppId,
) -> Result<Vec<GoalEvaluationResponse>, ServiceError> {
    reader(&caller.user)?;
    db.run(move |conn| {
        let (opp, _) = visible(conn, &caller.user, &id.to_string())?;
        opps::goal_evaluations(conn, &opp.id)?
            .into_iter()
            .map(|e| goal_evaluation_response(conn, e))
            .collect()
    })
    .await
}

fn goal_evaluation_response(
    conn: &mut DbConnection,
    e: GoalEvaluationRow,
) -> Result<GoalEvaluationResponse, ServiceError> {
    Ok(GoalEvaluationResponse {
        goal_id: parse_id("opp_goal_evaluations.goal_id", &e.goal_id)?,
        goal_description: e.goal_description,
        result: GoalResult::parse(&e.result).ok_or_else(|| DbError::Corrupt {
            column: "opp_goal_evaluations.result",
            value: e.result.clone(),
        })?,
        note: e.note,
        evaluated_on: e.evaluated_on,
        with_parents: e.with_parents,
        recorded_by: user_name(conn, &e.recorded_by)?,
        created_at: utc(e.created_at),
        id: e.id,
    })
}
