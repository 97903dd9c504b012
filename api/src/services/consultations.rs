//! Consultations: the school asks the SWV to think along; the caseload consultant triages and
//! records the meetings; the SWV office reads. Everything is anonymised at this stage: a text
//! that names a pupil of the school is refused.

use arrangeer_shared::Role;
use arrangeer_shared::api::consultations::{
    AnonymisedPupil, ConsultationKind, ConsultationResponse, ConsultationSummary, CreateConsultationRequest,
    CreateMeetingRequest, LinkArrangementRequest, MeetingResponse, Triage, TriageRequest, is_anonymised_code,
};
use arrangeer_shared::api::evaluations::{Participant, mentions_any};
use arrangeer_shared::api::page::Page;
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::kinds::ArrangementKind;
use arrangeer_shared::text;
use chrono::NaiveDateTime;

use super::{ServiceError, cursor};
use crate::auth::AuthUser;
use crate::auth::scope::{self, SchoolScope};
use crate::db::consultations::{self, ConsultationRow, MeetingRow, TriageChangeset, Visibility};
use crate::db::{Db, DbConnection, DbError, arrangements, new_id, now, organisations, parse_id, users, utc};

/// Allow-listed query keys of the consultation list.
#[derive(Debug, Default)]
pub struct ListQuery {
    pub kind: Option<ConsultationKind>,
    pub school_id: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// Who sees consultations at all: school staff, consultants and the SWV office.
fn readers(user: &AuthUser) -> Result<(), ServiceError> {
    match user.role {
        Role::School | Role::Consultant | Role::SwvAdmin => Ok(()),
        Role::Executor | Role::Parent => Err(ServiceError::Forbidden("read consultations".into())),
    }
}

fn only(user: &AuthUser, role: Role, what: &str) -> Result<(), ServiceError> {
    if user.role == role { Ok(()) } else { Err(ServiceError::Forbidden(what.to_owned())) }
}

pub async fn create_consultation(
    db: &Db,
    user: AuthUser,
    request: CreateConsultationRequest,
) -> Result<ConsultationResponse, ServiceError> {
    only(&user, Role::School, "ask for a consultation")?;
    let mut errors = check_request(&request);
    db.write(move |conn| {
        let school_id = users::find(conn, &user.id.to_string())?
            .and_then(|u| u.school_id)
            .ok_or_else(|| ServiceError::Forbidden("ask for a consultation".into()))?;
        let names = consultations::pupil_names_of_school(conn, &school_id)?;
        let mut texts: Vec<(String, &str)> =
            vec![("supportQuestion".into(), request.support_question.as_str())];
        if let Some(group) = &request.group_information {
            texts.push(("groupInformation".into(), group));
        }
        for (i, p) in request.pupils.iter().enumerate() {
            texts.extend([
                (format!("pupils[{i}].code"), p.code.as_str()),
                (format!("pupils[{i}].stimulatingFactors"), p.stimulating_factors.as_str()),
                (format!("pupils[{i}].hinderingFactors"), p.hindering_factors.as_str()),
                (format!("pupils[{i}].testResults"), p.test_results.as_str()),
                (format!("pupils[{i}].interventionsTried"), p.interventions_tried.as_str()),
            ]);
        }
        errors.extend(names_in(&texts, &names));
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        let at = now();
        let row = ConsultationRow {
            id: new_id(),
            partnership_id: user.partnership.to_string(),
            school_id,
            kind: request.kind.as_str().to_owned(),
            arrangement_kind: request.arrangement_kind.as_str().to_owned(),
            support_question: request.support_question.trim().to_owned(),
            pupils: to_json("consultations.pupils", &request.pupils)?,
            group_information: request
                .group_information
                .map(|g| g.trim().to_owned())
                .filter(|g| !g.is_empty()),
            information_sufficient: None,
            involve_board: None,
            involve_youth_care: None,
            triage_note: None,
            triaged_by: None,
            triaged_at: None,
            created_by: user.id.to_string(),
            created_at: at,
            updated_at: at,
            version: 1,
        };
        consultations::insert(conn, &row)?;
        to_response(conn, row)
    })
    .await
}

/// The field checks that need no database.
fn check_request(request: &CreateConsultationRequest) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = [
        text::check("supportQuestion", &request.support_question, true, text::LONG),
        request
            .group_information
            .as_deref()
            .and_then(|g| text::check("groupInformation", g, false, text::LONG)),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (i, p) in request.pupils.iter().enumerate() {
        if !is_anonymised_code(&p.code) {
            errors.push(FieldError::new(
                format!("pupils[{i}].code"),
                "not_anonymised",
                "use an anonymised code such as L1 (letters and digits, at most 8, with a digit), never a name",
            ));
        }
        if request.pupils[..i].iter().any(|q| q.code.eq_ignore_ascii_case(&p.code)) {
            errors.push(FieldError::new(
                format!("pupils[{i}].code"),
                "duplicate",
                "each pupil has its own code",
            ));
        }
        for (field, value) in [
            ("stimulatingFactors", &p.stimulating_factors),
            ("hinderingFactors", &p.hindering_factors),
            ("testResults", &p.test_results),
            ("interventionsTried", &p.interventions_tried),
        ] {
            errors.extend(text::check(&format!("pupils[{i}].{field}"), value, false, text::LONG));
        }
    }
    let has_group = request.group_information.as_deref().is_some_and(|g| !g.trim().is_empty());
    match request.arrangement_kind {
        ArrangementKind::Cluster if request.pupils.len() < 2 && !has_group => errors.push(FieldError::new(
            "pupils",
            "cluster_information",
            "for a cluster give anonymised information on two or more pupils, or group information",
        )),
        ArrangementKind::Individual | ArrangementKind::Integral if request.pupils.len() > 1 => {
            errors.push(FieldError::new(
                "pupils",
                "one_pupil",
                format!("an {} arrangement is for one pupil", request.arrangement_kind),
            ))
        }
        _ => {}
    }
    errors
}

/// A 422 entry for every text that names a pupil of the school.
fn names_in(texts: &[(String, &str)], names: &[String]) -> Vec<FieldError> {
    texts
        .iter()
        .filter_map(|(field, value)| {
            mentions_any(value, names).map(|name| {
                FieldError::new(
                    field.clone(),
                    "mentions_pupil",
                    format!(
                        "a consultation is anonymised: remove the name `{name}` and use a code such as L1"
                    ),
                )
            })
        })
        .collect()
}

pub async fn get_consultation(
    db: &Db,
    user: AuthUser,
    id: String,
) -> Result<ConsultationResponse, ServiceError> {
    readers(&user)?;
    db.run(move |conn| {
        let row = visible(conn, &user, &id)?;
        to_response(conn, row)
    })
    .await
}

pub async fn list_consultations(
    db: &Db,
    user: AuthUser,
    query: ListQuery,
) -> Result<Page<ConsultationSummary>, ServiceError> {
    readers(&user)?;
    let limit = cursor::limit(query.limit)?;
    let before = query.cursor.as_deref().map(decode_cursor).transpose()?;
    db.run(move |conn| {
        let reach = scope::schools(conn, &user)?;
        let visibility = match &reach {
            SchoolScope::All => Visibility::All,
            SchoolScope::Only(ids) => Visibility::Schools(ids),
        };
        let rows = consultations::list(
            conn,
            &user.partnership.to_string(),
            visibility,
            query.kind.map(ConsultationKind::as_str),
            query.school_id.as_deref(),
            before,
            limit + 1,
        )?;
        cursor::page(
            rows,
            limit,
            |r| (r.updated_at.format(CURSOR_TIME).to_string(), r.id.clone()),
            |r| to_summary(&r).map_err(ServiceError::from),
        )
    })
    .await
}

const CURSOR_TIME: &str = "%Y-%m-%dT%H:%M:%S%.f";

fn decode_cursor(c: &str) -> Result<(NaiveDateTime, String), ServiceError> {
    let position = cursor::decode(c)?;
    NaiveDateTime::parse_from_str(&position.name, CURSOR_TIME).map(|at| (at, position.id)).map_err(|_| {
        ServiceError::BadRequest(vec![FieldError::new(
            "cursor",
            "invalid_cursor",
            "not a cursor of this list",
        )])
    })
}

pub async fn triage_consultation(
    db: &Db,
    user: AuthUser,
    id: String,
    expected_version: Option<i32>,
    request: TriageRequest,
) -> Result<ConsultationResponse, ServiceError> {
    only(&user, Role::Consultant, "triage a consultation")?;
    if let Some(e) = request.note.as_deref().and_then(|n| text::check("note", n, false, text::LONG)) {
        return Err(ServiceError::Unprocessable(vec![e]));
    }
    db.write(move |conn| {
        let row = visible(conn, &user, &id)?;
        let expected_version = expected_version.ok_or(ServiceError::PreconditionRequired)?;
        if row.version != expected_version {
            return Err(ServiceError::PreconditionFailed { current: row.version });
        }
        let names = consultations::pupil_names_of_school(conn, &row.school_id)?;
        let note = request.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let errors = names_in(&[("note".into(), note.unwrap_or_default())], &names);
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        let at = now();
        let changes = TriageChangeset {
            information_sufficient: Some(request.information_sufficient),
            involve_board: Some(request.involve_board),
            involve_youth_care: Some(request.involve_youth_care),
            triage_note: note.map(str::to_owned),
            triaged_by: Some(user.id.to_string()),
            triaged_at: Some(at),
            updated_at: at,
        };
        if !consultations::triage(conn, &row.id, expected_version, &changes)? {
            let current = consultations::find(conn, &row.id)?.map(|r| r.version).unwrap_or(row.version);
            return Err(ServiceError::PreconditionFailed { current });
        }
        let stored = consultations::find(conn, &row.id)?.ok_or(ServiceError::NotFound("consultation"))?;
        to_response(conn, stored)
    })
    .await
}

pub async fn add_meeting(
    db: &Db,
    user: AuthUser,
    id: String,
    request: CreateMeetingRequest,
) -> Result<MeetingResponse, ServiceError> {
    only(&user, Role::Consultant, "record consultation meetings")?;
    let mut errors: Vec<FieldError> = [
        text::check("minutes", &request.minutes, true, text::LONG),
        text::check("agreements", &request.agreements, false, text::LONG),
    ]
    .into_iter()
    .flatten()
    .collect();
    errors.extend(check_participants(&request.participants));
    db.write(move |conn| {
        let row = visible(conn, &user, &id)?;
        let names = consultations::pupil_names_of_school(conn, &row.school_id)?;
        errors.extend(names_in(
            &[
                ("minutes".into(), request.minutes.as_str()),
                ("agreements".into(), request.agreements.as_str()),
            ],
            &names,
        ));
        if !errors.is_empty() {
            return Err(ServiceError::Unprocessable(errors));
        }
        let at = now();
        let meeting = MeetingRow {
            id: new_id(),
            consultation_id: row.id.clone(),
            held_on: request.held_on,
            participants: to_json("consultation_meetings.participants", &request.participants)?,
            minutes: request.minutes.trim().to_owned(),
            agreements: request.agreements.trim().to_owned(),
            created_by: user.id.to_string(),
            created_at: at,
        };
        consultations::insert_meeting(conn, &meeting)?;
        consultations::touch(conn, &row.id, at)?;
        to_meeting(meeting)
    })
    .await
}

/// Every participant named (with an organisation or role, when given, of sensible length).
pub(crate) fn check_participants(participants: &[Participant]) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = participants
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            [
                text::check(&format!("participants[{i}].name"), &p.name, true, text::SHORT),
                p.organisation.as_deref().and_then(|o| {
                    text::check(&format!("participants[{i}].organisation"), o, false, text::SHORT)
                }),
            ]
        })
        .flatten()
        .collect();
    if participants.is_empty() {
        errors.push(FieldError::new("participants", "required", "name who takes part"));
    }
    errors
}

pub async fn list_meetings(
    db: &Db,
    user: AuthUser,
    id: String,
) -> Result<Vec<MeetingResponse>, ServiceError> {
    readers(&user)?;
    db.run(move |conn| {
        let row = visible(conn, &user, &id)?;
        consultations::meetings(conn, &row.id)?.into_iter().map(to_meeting).collect()
    })
    .await
}

/// Links an arrangement of the same school to the consultation it came from (school staff).
pub async fn link_arrangement(
    db: &Db,
    user: AuthUser,
    id: String,
    request: LinkArrangementRequest,
) -> Result<ConsultationResponse, ServiceError> {
    only(&user, Role::School, "link an arrangement to a consultation")?;
    db.write(move |conn| {
        let row = visible(conn, &user, &id)?;
        let arrangement_id = request.arrangement_id.to_string();
        let arrangement = match arrangements::find(conn, &arrangement_id)? {
            Some(a) if scope::sees_arrangement(conn, &user, &a)? => a,
            _ => {
                return Err(ServiceError::Unprocessable(vec![FieldError::new(
                    "arrangementId",
                    "unknown_arrangement",
                    "no such arrangement at your school",
                )]));
            }
        };
        if arrangement.school_id != row.school_id {
            return Err(ServiceError::Unprocessable(vec![FieldError::new(
                "arrangementId",
                "other_school",
                "the arrangement belongs to another school than the consultation",
            )]));
        }
        match consultations::consultation_of(conn, &arrangement.id)? {
            Some(existing) if existing == row.id => {}
            Some(_) => {
                return Err(ServiceError::Unprocessable(vec![FieldError::new(
                    "arrangementId",
                    "already_linked",
                    "the arrangement already came from another consultation",
                )]));
            }
            None => {
                let at = now();
                consultations::link(conn, &row.id, &arrangement.id, at)?;
                consultations::touch(conn, &row.id, at)?;
            }
        }
        let stored = consultations::find(conn, &row.id)?.ok_or(ServiceError::NotFound("consultation"))?;
        to_response(conn, stored)
    })
    .await
}

/// The consultation if the caller may see it (its school is within their scope).
fn visible(conn: &mut DbConnection, user: &AuthUser, id: &str) -> Result<ConsultationRow, ServiceError> {
    match consultations::find(conn, id)? {
        Some(row)
            if row.partnership_id == user.partnership.to_string()
                && scope::schools(conn, user)?.contains(&row.school_id) =>
        {
            Ok(row)
        }
        _ => Err(ServiceError::NotFound("consultation")),
    }
}

fn to_json<T: serde::Serialize>(column: &'static str, value: &T) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|e| DbError::Corrupt { column, value: e.to_string() })
}

fn corrupt(column: &'static str, value: &str) -> DbError {
    DbError::Corrupt { column, value: value.to_owned() }
}

fn kinds(row: &ConsultationRow) -> Result<(ConsultationKind, ArrangementKind), DbError> {
    Ok((
        ConsultationKind::parse(&row.kind).ok_or_else(|| corrupt("consultations.kind", &row.kind))?,
        ArrangementKind::parse(&row.arrangement_kind)
            .ok_or_else(|| corrupt("consultations.arrangement_kind", &row.arrangement_kind))?,
    ))
}

fn to_summary(row: &ConsultationRow) -> Result<ConsultationSummary, DbError> {
    let (kind, arrangement_kind) = kinds(row)?;
    Ok(ConsultationSummary {
        id: row.id.clone(),
        school_id: parse_id("consultations.school_id", &row.school_id)?,
        kind,
        arrangement_kind,
        support_question: row.support_question.clone(),
        triaged: row.triaged_at.is_some(),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

fn to_meeting(m: MeetingRow) -> Result<MeetingResponse, ServiceError> {
    Ok(MeetingResponse {
        participants: serde_json::from_str(&m.participants)
            .map_err(|_| corrupt("consultation_meetings.participants", &m.id))?,
        held_on: m.held_on,
        minutes: m.minutes,
        agreements: m.agreements,
        created_by: parse_id("consultation_meetings.created_by", &m.created_by)?,
        created_at: utc(m.created_at),
        id: m.id,
    })
}

fn to_response(conn: &mut DbConnection, row: ConsultationRow) -> Result<ConsultationResponse, ServiceError> {
    let (kind, arrangement_kind) = kinds(&row)?;
    let pupils: Vec<AnonymisedPupil> =
        serde_json::from_str(&row.pupils).map_err(|_| corrupt("consultations.pupils", &row.id))?;
    let triage = match (
        row.information_sufficient,
        row.involve_board,
        row.involve_youth_care,
        &row.triaged_by,
        row.triaged_at,
    ) {
        (Some(information_sufficient), Some(involve_board), Some(involve_youth_care), Some(by), Some(at)) => {
            Some(Triage {
                information_sufficient,
                involve_board,
                involve_youth_care,
                note: row.triage_note.clone(),
                triaged_by: parse_id("consultations.triaged_by", by)?,
                triaged_at: utc(at),
            })
        }
        _ => None,
    };
    let meetings =
        consultations::meetings(conn, &row.id)?.into_iter().map(to_meeting).collect::<Result<_, _>>()?;
    let arrangement_ids = consultations::arrangements_of(conn, &row.id)?
        .iter()
        .map(|a| parse_id("consultation_arrangements.arrangement_id", a))
        .collect::<Result<_, _>>()?;
    let school_name =
        organisations::find_school(conn, &row.school_id)?.map(|(school, _)| school.name).unwrap_or_default();
    Ok(ConsultationResponse {
        school_id: parse_id("consultations.school_id", &row.school_id)?,
        school_name,
        kind,
        arrangement_kind,
        support_question: row.support_question,
        pupils,
        group_information: row.group_information,
        triage,
        meetings,
        arrangement_ids,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        version: row.version,
        id: row.id,
    })
}
