//! The executor's workspace: the chosen executor quotes and reports; the school accepts.

use arrangeer_shared::Role;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::quotes::{
    CreateQuoteRequest, CreateReportRequest, QuoteResponse, QuoteStatus, ReportResponse,
};
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::text;
use arrangeer_shared::workflow::Status;

use super::ServiceError;
use super::arrangements::{status_of, visible};
use crate::auth::AuthUser;
use crate::db::quotes::{self, QuoteRow, ReportRow};
use crate::db::{Db, DbError, new_id, now, parse_id, utc};

const MAX_MINUTES_PER_WEEK: u32 = 40 * 60;

pub async fn submit_quote(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: CreateQuoteRequest,
) -> Result<QuoteResponse, ServiceError> {
    if user.role != Role::Executor {
        return Err(ServiceError::Forbidden("submit quotes".into()));
    }
    let mut errors: Vec<FieldError> =
        text::check("note", &request.note, false, text::LONG).into_iter().collect();
    for (field, minutes) in [
        ("directMinutesPerWeek", request.direct_minutes_per_week),
        ("indirectMinutesPerWeek", request.indirect_minutes_per_week),
    ] {
        if minutes > MAX_MINUTES_PER_WEEK {
            errors.push(FieldError::new(
                field,
                "out_of_range",
                format!("at most {MAX_MINUTES_PER_WEEK} minutes per week"),
            ));
        }
    }
    for (field, cents) in
        [("hourlyRateCents", request.hourly_rate_cents), ("amountCents", request.amount_cents)]
    {
        if !(0..=100_000_000_00).contains(&cents) {
            errors.push(FieldError::new(field, "out_of_range", "a positive amount in cents"));
        }
    }
    if request.end_date < request.start_date {
        errors.push(FieldError::new(
            "endDate",
            "end_before_start",
            "the end date lies before the start date",
        ));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        // executors only reach dossiers where their organisation is the chosen executor
        let row = visible(conn, &user, &id.to_string())?;
        let status = status_of(&row)?;
        if !matches!(status, Status::Draft | Status::ChangesRequested | Status::Submitted | Status::Approved)
        {
            return Err(ServiceError::Conflict {
                detail: format!("quotes are made before the application is definitive, not when {status}"),
                allowed_actions: Vec::new(),
            });
        }
        let executor_id = row.executor_id.clone().ok_or(ServiceError::NotFound("arrangement"))?;
        let quote = QuoteRow {
            id: new_id(),
            arrangement_id: row.id.clone(),
            executor_id,
            direct_minutes_per_week: i32::try_from(request.direct_minutes_per_week).unwrap_or(i32::MAX),
            indirect_minutes_per_week: i32::try_from(request.indirect_minutes_per_week).unwrap_or(i32::MAX),
            hourly_rate_cents: request.hourly_rate_cents,
            amount_cents: request.amount_cents,
            start_date: request.start_date,
            end_date: request.end_date,
            note: request.note.trim().to_owned(),
            status: QuoteStatus::Submitted.as_str().to_owned(),
            submitted_by: user.id.to_string(),
            created_at: now(),
            decided_by: None,
            decided_at: None,
        };
        quotes::insert(conn, &quote)?;
        Ok(to_quote(quote)?)
    })
    .await
}

pub async fn list_quotes(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<QuoteResponse>, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("see quotes".into()));
    }
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        quotes::list(conn, &row.id)?.into_iter().map(|q| Ok(to_quote(q)?)).collect()
    })
    .await
}

/// The school accepts a quote; the other open ones are declined.
pub async fn accept_quote(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    quote_id: String,
) -> Result<QuoteResponse, ServiceError> {
    if user.role != Role::School {
        return Err(ServiceError::Forbidden("accept quotes".into()));
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        quotes::find(conn, &row.id, &quote_id)?.ok_or(ServiceError::NotFound("quote"))?;
        if !quotes::accept(conn, &row.id, &quote_id, &user.id.to_string(), now())? {
            return Err(ServiceError::Conflict {
                detail: "this quote was already decided on".into(),
                allowed_actions: vec![],
            });
        }
        let quote = quotes::find(conn, &row.id, &quote_id)?.ok_or(ServiceError::NotFound("quote"))?;
        Ok(to_quote(quote)?)
    })
    .await
}

pub async fn add_report(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
    request: CreateReportRequest,
) -> Result<ReportResponse, ServiceError> {
    if user.role != Role::Executor {
        return Err(ServiceError::Forbidden("write progress reports".into()));
    }
    let mut errors: Vec<FieldError> =
        text::check("body", &request.body, true, text::LONG).into_iter().collect();
    if request.period_end < request.period_start {
        errors.push(FieldError::new("periodEnd", "end_before_start", "the period ends before it starts"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::Unprocessable(errors));
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        let status = status_of(&row)?;
        if status != Status::InExecution {
            return Err(ServiceError::Conflict {
                detail: format!("progress is reported during execution, not when {status}"),
                allowed_actions: Vec::new(),
            });
        }
        let report = ReportRow {
            id: new_id(),
            arrangement_id: row.id.clone(),
            author_id: user.id.to_string(),
            period_start: request.period_start,
            period_end: request.period_end,
            body: request.body.trim().to_owned(),
            created_at: now(),
        };
        quotes::insert_report(conn, &report)?;
        Ok(to_report(report)?)
    })
    .await
}

pub async fn list_reports(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<ReportResponse>, ServiceError> {
    if user.role == Role::Parent {
        return Err(ServiceError::Forbidden("read progress reports".into()));
    }
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        quotes::reports(conn, &row.id)?.into_iter().map(|r| Ok(to_report(r)?)).collect()
    })
    .await
}

fn to_quote(q: QuoteRow) -> Result<QuoteResponse, DbError> {
    Ok(QuoteResponse {
        executor_id: parse_id("quotes.executor_id", &q.executor_id)?,
        direct_minutes_per_week: u32::try_from(q.direct_minutes_per_week).unwrap_or(0),
        indirect_minutes_per_week: u32::try_from(q.indirect_minutes_per_week).unwrap_or(0),
        hourly_rate_cents: q.hourly_rate_cents,
        amount_cents: q.amount_cents,
        start_date: q.start_date,
        end_date: q.end_date,
        note: q.note,
        status: QuoteStatus::parse(&q.status)
            .ok_or_else(|| DbError::Corrupt { column: "quotes.status", value: q.status.clone() })?,
        created_at: utc(q.created_at),
        decided_at: q.decided_at.map(utc),
        id: q.id,
    })
}

fn to_report(r: ReportRow) -> Result<ReportResponse, DbError> {
    Ok(ReportResponse {
        author_id: parse_id("progress_reports.author_id", &r.author_id)?,
        period_start: r.period_start,
        period_end: r.period_end,
        body: r.body,
        created_at: utc(r.created_at),
        id: r.id,
    })
}
