//! The development plan (OPP): the school drafts and publishes it; published versions are
//! immutable and numbered; consultants of the caseload and the SWV office read it; guardians
//! read the latest published version. Every read and change is written to the audit log.

use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::opps::{
    ConsentDecision, ConsentSummary, CreateOppRequest, GuardianConsent, OppArrangementRef, OppContent,
    OppResponse, OppSummary, OppVersionResponse, OppVersionSummary, UpdateOppRequest, consent_status, diff,
};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::api::pupils::PupilRef;
use arrangeer_shared::ids::{GoalId, OppId, PupilId};
use arrangeer_shared::workflow::Status;

use super::audit::{self, Caller};
use super::{ServiceError, cursor};
use crate::auth::AuthUser;
use crate::auth::scope::{self, Reach};
use crate::db::opps::{self, OppRow, VersionRow};
use crate::db::pupils::{self, PupilFilter, PupilRow};
use crate::db::{Db, DbConnection, DbError, new_id, now, parse_id, users, utc};

/// Only school staff write plans.
pub(super) fn school_only(user: &AuthUser, what: &str) -> Result<(), ServiceError> {
    match user.role {
        Role::School => Ok(()),
        Role::Consultant | Role::Executor | Role::Parent | Role::SwvAdmin => {
            Err(ServiceError::Forbidden(what.to_owned()))
        }
    }
}

/// Executors never read plans; everyone else within their scope.
pub(super) fn reader(user: &AuthUser) -> Result<(), ServiceError> {
    match user.role {
        Role::Executor => Err(ServiceError::Forbidden("read development plans".into())),
        Role::School | Role::Consultant | Role::Parent | Role::SwvAdmin => Ok(()),
    }
}

/// A plan the caller may see, with its pupil; parents see nothing before the first publication.
pub(super) fn visible(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
) -> Result<(OppRow, PupilRow), ServiceError> {
    let not_found = || ServiceError::NotFound("development plan");
    let opp = opps::find(conn, id)?.ok_or_else(not_found)?;
    let pupil = pupils::find(conn, &opp.pupil_id)?.ok_or_else(not_found)?;
    if !scope::sees_pupil(conn, user, &pupil)? || (user.role == Role::Parent && opp.latest_version == 0) {
        return Err(not_found());
    }
    Ok((opp, pupil))
}

pub(super) fn content_of(json: &str, column: &'static str) -> Result<OppContent, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Corrupt { column, value: e.to_string() })
}

fn to_json(content: &OppContent) -> Result<String, DbError> {
    serde_json::to_string(content)
        .map_err(|e| DbError::Corrupt { column: "opps.draft", value: e.to_string() })
}

/// Gives new goals an id and refuses two goals with the same one.
fn assign_goal_ids(content: &mut OppContent) -> Result<(), ServiceError> {
    let mut seen = Vec::new();
    for (i, goal) in content.goals.iter_mut().enumerate() {
        let id = *goal.id.get_or_insert_with(|| GoalId(uuid::Uuid::new_v4()));
        if seen.contains(&id) {
            return Err(ServiceError::Unprocessable(vec![FieldError::new(
                format!("content.goals[{i}].id"),
                "duplicate",
                "two goals have the same id",
            )]));
        }
        seen.push(id);
    }
    Ok(())
}

fn check_draft(content: &OppContent) -> Result<(), ServiceError> {
    let errors = content.check("content.", false);
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Unprocessable(errors)) }
}

pub async fn create_opp(
    db: &Db,
    caller: Caller,
    request: CreateOppRequest,
) -> Result<OppResponse, ServiceError> {
    school_only(&caller.user, "write development plans")?;
    let mut content = request.content;
    check_draft(&content)?;
    assign_goal_ids(&mut content)?;
    db.write(move |conn| {
        let user = caller.user;
        let pupil = match pupils::find(conn, &request.pupil_id.to_string())? {
            Some(p) if scope::sees_pupil(conn, &user, &p)? => p,
            _ => {
                return Err(ServiceError::Unprocessable(vec![FieldError::new(
                    "pupilId",
                    "unknown_pupil",
                    "not a pupil of your school",
                )]));
            }
        };
        if let Some(existing) = opps::find_by_pupil(conn, &pupil.id)? {
            return Err(ServiceError::Conflict {
                detail: format!(
                    "this pupil already has a development plan ({}): edit its draft",
                    existing.id
                ),
                allowed_actions: Vec::new(),
            });
        }
        let at = now();
        let row = OppRow {
            id: new_id(),
            partnership_id: pupil.partnership_id.clone(),
            pupil_id: pupil.id.clone(),
            draft: to_json(&content)?,
            latest_version: 0,
            created_by: user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        opps::insert(conn, &row)?;
        audit::record(conn, &caller, AuditAction::Create, AuditObject::Opp, &row.id, Some(&pupil.id))?;
        to_response(conn, &user, row, pupil)
    })
    .await
}

pub async fn get_opp(db: &Db, caller: Caller, id: OppId) -> Result<OppResponse, ServiceError> {
    reader(&caller.user)?;
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        audit::record(conn, &caller, AuditAction::Read, AuditObject::Opp, &opp.id, Some(&pupil.id))?;
        to_response(conn, &caller.user, opp, pupil)
    })
    .await
}

/// The filters of `GET /api/v1/opps`.
#[derive(Debug, Default)]
pub struct OppQuery {
    pub pupil_id: Option<PupilId>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

pub async fn list_opps(db: &Db, user: AuthUser, query: OppQuery) -> Result<Page<OppSummary>, ServiceError> {
    reader(&user)?;
    let limit = cursor::limit(query.limit)?;
    let after = query.cursor.as_deref().map(cursor::decode).transpose()?;
    db.run(move |conn| {
        let reach = scope::reach(conn, &user)?;
        let filter = match &reach {
            Reach::All => PupilFilter::All,
            Reach::Schools(ids) => PupilFilter::Schools(ids),
            Reach::Parent(parent) => PupilFilter::ChildrenOf(parent),
            Reach::Executor(_) => return Err(ServiceError::Forbidden("read development plans".into())),
        };
        let key = after.as_ref().map(|p| (p.name.as_str(), p.id.as_str()));
        let pupil = query.pupil_id.map(|p| p.to_string());
        let parent = user.role == Role::Parent;
        let rows = opps::list(
            conn,
            &user.partnership.to_string(),
            filter,
            pupil.as_deref(),
            parent,
            key,
            limit + 1,
        )?;
        let page =
            cursor::page(rows, limit, |(_, p)| (pupils::sort_key(p), p.id.clone()), Ok::<_, ServiceError>)?;
        let items = page
            .items
            .into_iter()
            .map(|(opp, pupil)| {
                let consent = match opp.latest_version {
                    0 => None,
                    n => Some(consent_summary(conn, &opp, n)?.status),
                };
                Ok(OppSummary {
                    id: parse_id("opps.id", &opp.id)?,
                    pupil: pupil_ref(&pupil)?,
                    latest_version: opp.latest_version,
                    consent_status: consent,
                    updated_at: utc(opp.updated_at),
                })
            })
            .collect::<Result<_, ServiceError>>()?;
        Ok(Page { items, next_cursor: page.next_cursor })
    })
    .await
}

pub async fn update_opp(
    db: &Db,
    caller: Caller,
    id: OppId,
    expected: Option<i32>,
    request: UpdateOppRequest,
) -> Result<OppResponse, ServiceError> {
    school_only(&caller.user, "write development plans")?;
    let expected = expected.ok_or(ServiceError::PreconditionRequired)?;
    let mut content = request.content;
    check_draft(&content)?;
    assign_goal_ids(&mut content)?;
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        if opp.version != expected {
            return Err(ServiceError::PreconditionFailed { current: opp.version });
        }
        if !opps::update_draft(conn, &opp.id, expected, &to_json(&content)?, now())? {
            return Err(ServiceError::PreconditionFailed { current: opp.version + 1 });
        }
        audit::record(conn, &caller, AuditAction::Update, AuditObject::Opp, &opp.id, Some(&pupil.id))?;
        let stored = opps::find(conn, &opp.id)?.ok_or(ServiceError::NotFound("development plan"))?;
        to_response(conn, &caller.user, stored, pupil)
    })
    .await
}

/// Publishes the draft as the next numbered version; the guardians' consent starts pending.
pub async fn publish_opp(db: &Db, caller: Caller, id: OppId) -> Result<OppVersionResponse, ServiceError> {
    school_only(&caller.user, "publish development plans")?;
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        let draft = content_of(&opp.draft, "opps.draft")?;
        let errors = draft.check("draft.", true);
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        if let Some(latest) = opps::version(conn, &opp.id, opp.latest_version)?
            && content_of(&latest.content, "opp_versions.content")? == draft
        {
            return Err(ServiceError::Conflict {
                detail: format!("the draft is the same as version {}: change it first", latest.number),
                allowed_actions: Vec::new(),
            });
        }
        let at = now();
        if !opps::advance_version(conn, &opp.id, opp.latest_version, at)? {
            return Err(ServiceError::Conflict {
                detail: "someone else published this plan at the same moment; reload".into(),
                allowed_actions: Vec::new(),
            });
        }
        let number = opp.latest_version + 1;
        let row = VersionRow {
            opp_id: opp.id.clone(),
            number,
            content: opp.draft.clone(),
            published_by: caller.user.id.to_string(),
            published_at: at,
        };
        opps::insert_version(conn, &row)?;
        let object = format!("{}/versions/{number}", opp.id);
        audit::record(
            conn,
            &caller,
            AuditAction::Publish,
            AuditObject::OppVersion,
            &object,
            Some(&pupil.id),
        )?;
        version_response(conn, &opp, row)
    })
    .await
}

/// The version history (staff; guardians see the latest version only).
pub async fn list_versions(
    db: &Db,
    caller: Caller,
    id: OppId,
) -> Result<Vec<OppVersionSummary>, ServiceError> {
    reader(&caller.user)?;
    if caller.user.role == Role::Parent {
        return Err(ServiceError::Forbidden("read earlier versions of a plan".into()));
    }
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        audit::record(conn, &caller, AuditAction::Read, AuditObject::Opp, &opp.id, Some(&pupil.id))?;
        let mut previous: Option<OppContent> = None;
        let mut out = Vec::new();
        for v in opps::versions(conn, &opp.id)? {
            let content = content_of(&v.content, "opp_versions.content")?;
            out.push(OppVersionSummary {
                number: v.number,
                published_at: utc(v.published_at),
                published_by: user_name(conn, &v.published_by)?,
                consent_status: consent_summary(conn, &opp, v.number)?.status,
                change_count: diff(previous.as_ref(), &content).len(),
            });
            previous = Some(content);
        }
        Ok(out)
    })
    .await
}

/// One published version with what changed since the one before; guardians only the latest.
pub async fn get_version(
    db: &Db,
    caller: Caller,
    id: OppId,
    number: i32,
) -> Result<OppVersionResponse, ServiceError> {
    reader(&caller.user)?;
    db.write(move |conn| {
        let (opp, pupil) = visible(conn, &caller.user, &id.to_string())?;
        if caller.user.role == Role::Parent && number != opp.latest_version {
            return Err(ServiceError::NotFound("version"));
        }
        let row = opps::version(conn, &opp.id, number)?.ok_or(ServiceError::NotFound("version"))?;
        let object = format!("{}/versions/{number}", opp.id);
        audit::record(conn, &caller, AuditAction::Read, AuditObject::OppVersion, &object, Some(&pupil.id))?;
        version_response(conn, &opp, row)
    })
    .await
}

pub(super) fn pupil_ref(p: &PupilRow) -> Result<PupilRef, DbError> {
    Ok(PupilRef {
        id: parse_id("pupils.id", &p.id)?,
        name: format!("{} {}", p.first_name, p.last_name),
        group_name: p.group_name.clone(),
    })
}

pub(super) fn user_name(conn: &mut DbConnection, id: &str) -> Result<String, DbError> {
    Ok(users::find(conn, id)?.map(|u| u.display_name).unwrap_or_default())
}

/// Each guardian's latest answer on version `number`, and the status they add up to.
pub(super) fn consent_summary(
    conn: &mut DbConnection,
    opp: &OppRow,
    number: i32,
) -> Result<ConsentSummary, ServiceError> {
    let answers = opps::consents(conn, &opp.id, Some(number))?;
    let guardians = pupils::guardians(conn, &opp.pupil_id)?
        .into_iter()
        .map(|(id, name, _)| {
            let latest = answers.iter().rev().find(|a| a.guardian_id == id);
            Ok(GuardianConsent {
                guardian_id: parse_id("users.id", &id)?,
                name,
                decision: latest
                    .map(|a| {
                        ConsentDecision::parse(&a.decision).ok_or_else(|| DbError::Corrupt {
                            column: "opp_consents.decision",
                            value: a.decision.clone(),
                        })
                    })
                    .transpose()?,
                decided_at: latest.map(|a| utc(a.created_at)),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    let decisions: Vec<_> = guardians.iter().map(|g| g.decision).collect();
    Ok(ConsentSummary { version_number: number, status: consent_status(&decisions), guardians })
}

fn version_response(
    conn: &mut DbConnection,
    opp: &OppRow,
    row: VersionRow,
) -> Result<OppVersionResponse, ServiceError> {
    let content = content_of(&row.content, "opp_versions.content")?;
    let previous = match row.number {
        1 => None,
        n => opps::version(conn, &opp.id, n - 1)?
            .map(|v| content_of(&v.content, "opp_versions.content"))
            .transpose()?,
    };
    Ok(OppVersionResponse {
        number: row.number,
        changes: diff(previous.as_ref(), &content),
        content,
        published_at: utc(row.published_at),
        published_by: user_name(conn, &row.published_by)?,
        consent: consent_summary(conn, opp, row.number)?,
    })
}

fn to_response(
    conn: &mut DbConnection,
    user: &AuthUser,
    opp: OppRow,
    pupil: PupilRow,
) -> Result<OppResponse, ServiceError> {
    let draft = content_of(&opp.draft, "opps.draft")?;
    let published = match opps::version(conn, &opp.id, opp.latest_version)? {
        Some(v) => Some(version_response(conn, &opp, v)?),
        None => None,
    };
    let arrangements = opps::arrangements_of(conn, &pupil.id)?
        .into_iter()
        .map(|(id, title, status)| {
            Ok(OppArrangementRef {
                id: parse_id("arrangements.id", &id)?,
                title,
                status: Status::parse(&status)
                    .ok_or(DbError::Corrupt { column: "arrangements.status", value: status })?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(OppResponse {
        id: parse_id("opps.id", &opp.id)?,
        pupil: pupil_ref(&pupil)?,
        arrangements,
        unpublished_changes: published.as_ref().is_none_or(|p| p.content != draft),
        draft: (user.role != Role::Parent).then_some(draft),
        published,
        created_at: utc(opp.created_at),
        updated_at: utc(opp.updated_at),
        version: opp.version,
    })
}
