//! The decision letter of a grant or a rejection, written inside the decision's transaction.
//!
//! The letter is rendered and stored before the decision commits, in the same transaction: a
//! decision never lands without its letter, and a letter never exists for a decision that
//! did not land. Should rendering fail (a bug: the template is fixed and the data cannot break
//! it), the whole action is rolled back and answered with a 500; the decider may try again,
//! and nothing half-done remains.

use arrangeer_shared::kinds::{AttachmentKind, ExecutorKind};
use arrangeer_shared::workflow::Action;

use super::ServiceError;
use super::arrangements::{kind_of, proposal_of};
use crate::auth::AuthUser;
use crate::db::arrangements::{self, ArrangementRow};
use crate::db::attachments::{self, AttachmentInsert};
use crate::db::{DbConnection, new_id, now, organisations, users};
use crate::documents::decision_letter::DecisionLetter;

/// For `grant` and `reject`: renders the letter and stores it as an attachment of kind
/// `decision_letter`. Other actions write nothing.
pub(crate) fn attach(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    user: &AuthUser,
    action: Action,
    reasoning: Option<&str>,
) -> Result<(), ServiceError> {
    let granted = match action {
        Action::Grant => true,
        Action::Reject => false,
        _ => return Ok(()),
    };
    let letter = compose(conn, row, user, granted, reasoning.unwrap_or_default())?;
    let content = letter.render().map_err(|e| ServiceError::Document(e.to_string()))?;
    let id = new_id();
    attachments::insert(
        conn,
        &AttachmentInsert {
            id: &id,
            arrangement_id: &row.id,
            kind: AttachmentKind::DecisionLetter.as_str(),
            pupil_id: None,
            document_date: Some(letter.date),
            file_name: &letter.file_name(),
            content_type: "application/pdf",
            size_bytes: i64::try_from(content.len()).unwrap_or(i64::MAX),
            content: &content,
            uploaded_by: &user.id.to_string(),
            created_at: now(),
        },
    )?;
    tracing::info!(arrangement = %row.id, attachment = %id, bytes = content.len(), "decision letter stored");
    Ok(())
}

fn compose(
    conn: &mut DbConnection,
    row: &ArrangementRow,
    user: &AuthUser,
    granted: bool,
    reasoning: &str,
) -> Result<DecisionLetter, ServiceError> {
    let partnership = organisations::find_partnership(conn, &row.partnership_id)?
        .ok_or(ServiceError::NotFound("partnership"))?;
    let (school, board) =
        organisations::find_school(conn, &row.school_id)?.ok_or(ServiceError::NotFound("school"))?;
    let decider = users::find(conn, &user.id.to_string())?.ok_or(ServiceError::NotFound("user"))?;
    let proposal = proposal_of(row)?;
    let executor = match (&row.executor_id, proposal.executor_kind) {
        (Some(id), _) => organisations::find_executor(conn, id)?.map(|e| e.name),
        (None, Some(ExecutorKind::Internal)) => Some("een medewerker van de school zelf".to_owned()),
        (None, _) => None,
    };
    let pupils = usize::try_from(arrangements::pupil_count(conn, &row.id)?).unwrap_or(0);
    Ok(DecisionLetter {
        partnership: partnership.name,
        school: school.name,
        brin: school.brin_code,
        board,
        date: now().date(),
        reference: row.id.clone(),
        kind: kind_of(row)?,
        arrangement: row.title.clone(),
        granted,
        pupils,
        amount: proposal.expected_cost(),
        period: proposal.start_date.zip(proposal.end_date),
        executor,
        decider: decider.display_name,
        reasoning: reasoning.to_owned(),
    })
}
