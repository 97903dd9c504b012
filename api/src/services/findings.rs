//! The partnership's rules applied to one dossier: findings to show, and the gate that
//! actions pass (no block finding may stand; every warning needs a written justification).

use arrangeer_shared::api::preconditions::PreconditionAnswers;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::schools::SchoolType;
use arrangeer_shared::ids::ArrangementId;
use arrangeer_shared::kinds::AttachmentKind;
use arrangeer_shared::policy::{
    self, ArrangementFacts, AttachmentFact, Finding, Policy, PupilFact, Severity,
};
use arrangeer_shared::workflow::Action;

use super::arrangements::{kind_of, preconditions_of, proposal_of, visible};
use super::{ServiceError, policy as policies};
use crate::auth::AuthUser;
use crate::db::arrangements::{self, ArrangementRow};
use crate::db::{Db, DbConnection, DbError, attachments, organisations, quotes};

/// `GET /arrangements/{id}/findings`.
pub async fn arrangement_findings(
    db: &Db,
    user: AuthUser,
    id: ArrangementId,
) -> Result<Vec<Finding>, ServiceError> {
    db.run(move |conn| {
        let row = visible(conn, &user, &id.to_string())?;
        evaluate(conn, &row)
    })
    .await
}

/// The findings of the policy that governs the arrangement: the version recorded at
/// submission, or the one in force for a draft. Later edits never rewrite a submitted
/// dossier's findings.
pub fn evaluate(conn: &mut DbConnection, row: &ArrangementRow) -> Result<Vec<Finding>, ServiceError> {
    evaluate_for(conn, row, false)
}

/// As [`evaluate`]; `definitive`: for `make-definitive` and `grant`, where an unconfirmed
/// precondition counts as not met.
fn evaluate_for(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    definitive: bool,
) -> Result<Vec<Finding>, ServiceError> {
    let Some(policy) = governing_policy(conn, row)? else { return Ok(Vec::new()) };
    let mut facts = facts(conn, row)?;
    if definitive {
        PreconditionAnswers::unconfirmed_as_not_met(&mut facts);
    }
    Ok(policy::evaluate(&policy, &facts))
}

/// Refuses an action while the rules block it, or while a warning lacks a justification.
/// Documents may still follow after submission: they are required from `make-definitive` on.
pub fn gate(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    action: Action,
    justification: Option<&str>,
) -> Result<(), ServiceError> {
    let documents_required = match action {
        Action::Submit => false,
        Action::MakeDefinitive | Action::Grant => true,
        Action::RequestChanges
        | Action::Approve
        | Action::Reject
        | Action::Start
        | Action::Terminate
        | Action::Close
        | Action::Withdraw => return Ok(()),
    };
    let findings = evaluate_for(conn, row, documents_required)?;
    let is_document_rule = |f: &Finding| f.rule_id.starts_with("required_attachment");
    let mut errors: Vec<FieldError> = findings
        .iter()
        .filter(|f| f.severity == Severity::Block && (documents_required || !is_document_rule(f)))
        .map(|f| FieldError::new(f.field.clone(), f.rule_id.clone(), f.message_en.clone()))
        .collect();
    let warnings: Vec<&Finding> = findings.iter().filter(|f| f.severity == Severity::Warn).collect();
    if !warnings.is_empty() && justification.is_none_or(|j| j.trim().is_empty()) {
        let rules: Vec<&str> = warnings.iter().map(|f| f.rule_id.as_str()).collect();
        errors.push(FieldError::new(
            "justification",
            "justification_required",
            format!(
                "the partnership's rules warn ({}): explain in `justification` why deviating is right here. {}",
                rules.join(", "),
                warnings.iter().map(|f| f.message_en.as_str()).collect::<Vec<_>>().join(" ")
            ),
        ));
    }
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Unprocessable(errors)) }
}

pub(crate) fn governing_policy(
    conn: &mut DbConnection,
    row: &ArrangementRow,
) -> Result<Option<Policy>, DbError> {
    match row.policy_version {
        Some(version) => policies::at_version(conn, &row.partnership_id, version),
        None => Ok(policies::current(conn, &row.partnership_id)?.map(|(_, p)| p)),
    }
}

/// What the rules need to know of a stored arrangement.
fn facts(conn: &mut DbConnection, row: &ArrangementRow) -> Result<ArrangementFacts, ServiceError> {
    let today = chrono::Utc::now().date_naive();
    let mut facts = proposal_of(row)?.facts(kind_of(row)?, today);
    preconditions_of(conn, &row.id)?.apply(&mut facts);
    facts.school_type = organisations::find_school(conn, &row.school_id)?
        .and_then(|(s, _)| SchoolType::parse(&s.school_type));
    facts.pupils = arrangements::pupils_of(conn, &row.id)?
        .into_iter()
        .map(|p| PupilFact { label: Some(format!("{} {}", p.first_name, p.last_name)), key: p.id })
        .collect();
    facts.attachments = attachments::list(conn, &row.id)?
        .into_iter()
        .filter_map(|a| {
            AttachmentKind::parse(&a.kind).map(|kind| AttachmentFact {
                kind,
                pupil: a.pupil_id,
                document_date: a.document_date,
            })
        })
        .collect();
    // an accepted quote in the system counts as the quote document the rules ask for
    if quotes::has_accepted(conn, &row.id)? {
        facts.attachments.push(AttachmentFact {
            kind: AttachmentKind::Quote,
            pupil: None,
            document_date: None,
        });
    }
    facts.grant_date =
        arrangements::last_event_at(conn, &row.id, Action::Grant.as_str())?.map(|at| at.date());
    Ok(facts)
}
