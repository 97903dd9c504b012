//! A reduction without termination: the school reports fewer hours (or a reduced amount) from
//! a date; the costs show the settlement computed by `shared::money::settle_reduced`.

use arrangeer_shared::Role;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::reductions::{CreateReductionRequest, ReductionResponse};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::text;
use arrangeer_shared::workflow::Status;

use super::ServiceError;
use super::arrangements::{proposal_of, status_of, visible};
use crate::auth::AuthUser;
use crate::db::arrangements::{self, EventRow};
use crate::db::reductions::{self, ReductionRow};
use crate::db::{Db, new_id, now, parse_id, utc};

/// More minutes than a school week holds is a typing error.
const MAX_MINUTES_PER_WEEK: u32 = 40 * 60;

/// The `action` of the history event a reduction appends.
pub const REDUCE_EVENT: &str = "reduce";

pub async fn create_reduction(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: CreateReductionRequest,
) -> Result<ReductionResponse, ServiceError> {
    if user.role != Role::School {
        return Err(ServiceError::Forbidden("report a reduction".into()));
    }
    let mut errors: Vec<FieldError> =
        text::check("reason", &request.reason, true, text::LONG).into_iter().collect();
    let by_hours = request.direct_minutes_per_week.is_some() || request.indirect_minutes_per_week.is_some();
    match (by_hours, request.new_amount_cents) {
        (true, Some(_)) => errors.push(FieldError::new(
            "newAmountCents",
            "either_hours_or_amount",
            "give the new hours per week or the new amount, not both",
        )),
        (false, None) => errors.push(FieldError::new(
            "directMinutesPerWeek",
            "required",
            "give the new hours per week or the new amount",
        )),
        _ => {}
    }
    for (field, value) in [
        ("directMinutesPerWeek", request.direct_minutes_per_week),
        ("indirectMinutesPerWeek", request.indirect_minutes_per_week),
    ] {
        if value.is_some_and(|m| m > MAX_MINUTES_PER_WEEK) {
            errors.push(FieldError::new(field, "out_of_range", "between 0 and 2400 minutes per week"));
        }
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let status = status_of(&row)?;
        if !matches!(status, Status::Granted | Status::InExecution) {
            return Err(ServiceError::Conflict {
                detail: format!("only a granted arrangement can be reduced, not one that is {status}"),
                allowed_actions: vec![],
            });
        }
        let proposal = proposal_of(&row)?;
        let granted = proposal.expected_cost();
        let new_amount = if by_hours {
            let mut reduced = proposal.clone();
            if let Some(m) = request.direct_minutes_per_week {
                reduced.direct_minutes_per_week = Some(m);
            }
            if let Some(m) = request.indirect_minutes_per_week {
                reduced.indirect_minutes_per_week = Some(m);
            }
            reduced.expected_cost().map(|c| c.0)
        } else {
            request.new_amount_cents
        };
        match (granted, new_amount, proposal.start_date, proposal.end_date) {
            (Some(granted), Some(new), Some(start), Some(end)) => {
                if new < 0 || new >= granted.0 {
                    errors.push(FieldError::new(
                        if by_hours { "directMinutesPerWeek" } else { "newAmountCents" },
                        "not_a_reduction",
                        format!(
                            "the new level must cost less than the granted {} cents (an increase is a new application)",
                            granted.0
                        ),
                    ));
                }
                if request.effective_from <= start || request.effective_from > end {
                    errors.push(FieldError::new(
                        "effectiveFrom",
                        "outside_period",
                        format!("a date after the start ({start}) and at most the end ({end})"),
                    ));
                }
            }
            _ => errors.push(FieldError::new(
                "proposal",
                "no_cost",
                "the proposal has no expected cost and period to reduce",
            )),
        }
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        let at = now();
        let reduction = ReductionRow {
            id: new_id(),
            arrangement_id: row.id.clone(),
            effective_from: request.effective_from,
            new_amount_cents: new_amount.unwrap_or_default(),
            direct_minutes_per_week: request.direct_minutes_per_week.and_then(|m| i32::try_from(m).ok()),
            indirect_minutes_per_week: request.indirect_minutes_per_week.and_then(|m| i32::try_from(m).ok()),
            reason: request.reason.trim().to_owned(),
            created_by: user.id.to_string(),
            created_at: at,
        };
        reductions::insert(conn, &reduction)?;
        arrangements::insert_event(
            conn,
            &EventRow {
                id: new_id(),
                arrangement_id: row.id.clone(),
                actor_id: user.id.to_string(),
                action: REDUCE_EVENT.to_owned(),
                from_status: Some(status.as_str().to_owned()),
                to_status: status.as_str().to_owned(),
                comment: Some(format!("vanaf {}: {}", request.effective_from, reduction.reason)),
                justification: None,
                created_at: at,
            },
        )?;
        to_response(reduction)
    })
    .await
}

pub async fn list_reductions(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<ReductionResponse>, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("see the finances of a dossier".into()));
    }
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        reductions::list(conn, &row.id)?.into_iter().map(to_response).collect()
    })
    .await
}

fn to_response(r: ReductionRow) -> Result<ReductionResponse, ServiceError> {
    Ok(ReductionResponse {
        effective_from: r.effective_from,
        new_amount_cents: r.new_amount_cents,
        direct_minutes_per_week: r.direct_minutes_per_week.and_then(|m| u32::try_from(m).ok()),
        indirect_minutes_per_week: r.indirect_minutes_per_week.and_then(|m| u32::try_from(m).ok()),
        reason: r.reason,
        created_by: parse_id("arrangement_reductions.created_by", &r.created_by)?,
        created_at: utc(r.created_at),
        id: r.id,
    })
}
