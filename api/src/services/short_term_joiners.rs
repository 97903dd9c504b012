//! Short-term joiners of a cluster arrangement: the school registers a pupil who joins one part
//! of the offer for a short period, without an OPP. The action plan is required (an attachment
//! of kind `action_plan` of the same dossier) and the parents must have been informed; there is
//! no consent flow, and because a joiner is not a pupil of the arrangement the OPP clock
//! (`services/deadlines.rs`, which counts `arrangement_pupils`) does not run for them.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::short_term_joiners::{
    ActionPlanRef, CreateShortTermJoinerRequest, ShortTermJoinerResponse,
};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::{ArrangementKind, AttachmentKind};

use super::ServiceError;
use super::arrangements::{kind_of, status_of, visible};
use super::audit::{self, Caller};
use super::opps::pupil_ref;
use crate::db::short_term_joiners::{self, JoinerRow};
use crate::db::{Db, DbConnection, arrangements, attachments, new_id, now, parse_id, pupils, utc};

fn invalid(field: &str, code: &str, message: &str) -> ServiceError {
    ServiceError::Unprocessable(vec![FieldError::new(field, code, message)])
}

pub async fn add_short_term_joiner(
    db: &Db,
    caller: Caller,
    id: ArrangementId,
    request: CreateShortTermJoinerRequest,
) -> Result<ShortTermJoinerResponse, ServiceError> {
    if caller.user.role != Role::School {
        return Err(ServiceError::Forbidden("register short-term joiners".into()));
    }
    let errors = request.check();
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        let row = visible(conn, &caller.user, &id.to_string())?;
        if kind_of(&row)? != ArrangementKind::Cluster {
            return Err(invalid(
                "arrangement",
                "not_a_cluster",
                "only a cluster arrangement takes short-term joiners",
            ));
        }
        let status = status_of(&row)?;
        if status.is_final() {
            return Err(ServiceError::Conflict {
                detail: format!("the dossier is {status}: it can no longer change"),
                allowed_actions: Vec::new(),
            });
        }
        let pupil_id = request.pupil_id.to_string();
        let pupil = match pupils::find(conn, &pupil_id)? {
            Some(p) if p.school_id == row.school_id && p.partnership_id == row.partnership_id => p,
            _ => return Err(invalid("pupilId", "unknown_pupil", "not a pupil of the arrangement's school")),
        };
        if arrangements::pupils_of(conn, &row.id)?.iter().any(|p| p.id == pupil.id) {
            return Err(invalid(
                "pupilId",
                "already_in_arrangement",
                "this pupil is already one of the arrangement's own pupils",
            ));
        }
        let existing = short_term_joiners::list(conn, &row.id)?;
        if existing.iter().any(|j| {
            j.pupil_id == pupil.id && j.starts_on <= request.ends_on && request.starts_on <= j.ends_on
        }) {
            return Err(invalid("startsOn", "overlap", "this pupil already joins in that period"));
        }
        let plan_id = request.action_plan_attachment_id.clone().unwrap_or_default();
        let plan = attachments::list(conn, &row.id)?.into_iter().find(|a| a.id == plan_id.trim());
        let plan = match plan {
            Some(a)
                if a.kind == AttachmentKind::ActionPlan.as_str()
                    && a.pupil_id.as_deref().is_none_or(|p| p == pupil.id) =>
            {
                a
            }
            _ => {
                return Err(invalid(
                    "actionPlanAttachmentId",
                    "not_an_action_plan",
                    "not an action plan (attachment of kind action_plan) of this dossier for this pupil",
                ));
            }
        };
        let at = now();
        let joiner = JoinerRow {
            id: new_id(),
            arrangement_id: row.id.clone(),
            pupil_id: pupil.id.clone(),
            offer_part: request.offer_part.trim().to_owned(),
            starts_on: request.starts_on,
            ends_on: request.ends_on,
            action_plan_attachment_id: plan.id.clone(),
            parents_informed: request.parents_informed,
            created_by: caller.user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        short_term_joiners::insert(conn, &joiner)?;
        audit::record(
            conn,
            &caller,
            AuditAction::Create,
            AuditObject::Arrangement,
            &row.id,
            Some(&pupil.id),
        )?;
        to_response(conn, joiner, plan.file_name)
    })
    .await
}

/// The joiners of a dossier, for those who see it (parents excepted: the list names other
/// children). Each joiner's record is pupil data, so the read is audited per pupil.
pub async fn list_short_term_joiners(
    db: &Db,
    caller: Caller,
    id: ArrangementId,
) -> Result<Vec<ShortTermJoinerResponse>, ServiceError> {
    if caller.user.role == Role::Parent {
        return Err(ServiceError::Forbidden("see the short-term joiners of a dossier".into()));
    }
    db.write(move |conn| {
        let row = visible(conn, &caller.user, &id.to_string())?;
        let plans = attachments::list(conn, &row.id)?;
        let mut out = Vec::new();
        for joiner in short_term_joiners::list(conn, &row.id)? {
            audit::record(
                conn,
                &caller,
                AuditAction::Read,
                AuditObject::Arrangement,
                &row.id,
                Some(&joiner.pupil_id),
            )?;
            let file_name = plans
                .iter()
                .find(|a| a.id == joiner.action_plan_attachment_id)
                .map(|a| a.file_name.clone())
                .unwrap_or_default();
            out.push(to_response(conn, joiner, file_name)?);
        }
        Ok(out)
    })
    .await
}

fn to_response(
    conn: &mut DbConnection,
    j: JoinerRow,
    file_name: String,
) -> Result<ShortTermJoinerResponse, ServiceError> {
    let pupil = pupils::find(conn, &j.pupil_id)?.ok_or(crate::db::DbError::Corrupt {
        column: "short_term_joiners.pupil_id",
        value: j.pupil_id.clone(),
    })?;
    Ok(ShortTermJoinerResponse {
        arrangement_id: parse_id("short_term_joiners.arrangement_id", &j.arrangement_id)?,
        pupil: pupil_ref(&pupil)?,
        offer_part: j.offer_part,
        starts_on: j.starts_on,
        ends_on: j.ends_on,
        action_plan: ActionPlanRef { id: j.action_plan_attachment_id, file_name },
        parents_informed: j.parents_informed,
        created_by: parse_id("short_term_joiners.created_by", &j.created_by)?,
        created_at: utc(j.created_at),
        updated_at: utc(j.updated_at),
        version: j.version,
        id: j.id,
    })
}
