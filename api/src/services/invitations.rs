//! Invitations: the school invites a guardian by e-mail address; the one-time, expiring link
//! sets a password on a parent account (created when there is none) and links it to the
//! pupil. Only a hash of the token is stored. The link is mailed to the guardian; in demo mode it
//! is also written to the server log (and returned to the inviter); the mail goes out through
//! the configured [`Mailer`] (SMTP, a mail directory, or only the log).

use arrangeer_shared::Email;
use arrangeer_shared::Role;
use arrangeer_shared::api::audit::{AuditAction, AuditObject};
use arrangeer_shared::api::auth::{LoginRequest, LoginResponse};
use arrangeer_shared::api::invitations::{
    AcceptInvitationRequest, CreateInvitationRequest, InvitationResponse,
};
use arrangeer_shared::api::problem::FieldError;
use arrangeer_shared::ids::PupilId;
use arrangeer_shared::text;
use chrono::TimeDelta;

use super::ServiceError;
use super::audit::{self, Caller};
use super::calendar::{hash, secret_token};
use super::mailer::{Mail, Mailer};
use crate::auth::{AuthUser, password, scope};
use crate::db::invitations::{self, InvitationRow};
use crate::db::users::UserInsert;
use crate::db::{Db, new_id, now, parse_id, pupils, users, utc};

/// How invitations behave on this server.
#[derive(Clone, Debug)]
pub struct InvitationSettings {
    /// Demo mode: the link goes to the log and back to the inviter instead of by e-mail.
    pub demo: bool,
    pub ttl_seconds: i64,
    /// Where the web app is reached, without a trailing slash.
    pub public_url: String,
    /// How the link reaches the guardian (SMTP, a mail directory, or only the log).
    pub mailer: Mailer,
}

/// The shortest password a guardian may choose.
pub const MIN_PASSWORD_CHARS: usize = 10;

pub async fn invite_guardian(
    db: &Db,
    settings: &InvitationSettings,
    caller: Caller,
    pupil: PupilId,
    request: CreateInvitationRequest,
) -> Result<InvitationResponse, ServiceError> {
    if caller.user.role != Role::School {
        return Err(ServiceError::Forbidden("invite guardians".into()));
    }
    let email = Email::parse(&request.email)
        .map_err(|e| ServiceError::Unprocessable(vec![FieldError::new("email", e.code(), e.to_string())]))?;
    if let Some(e) = text::check("name", &request.name, true, text::SHORT) {
        return Err(ServiceError::Unprocessable(vec![e]));
    }
    let token = secret_token();
    let token_hash = hash(&token);
    let ttl = TimeDelta::try_seconds(settings.ttl_seconds).unwrap_or(TimeDelta::days(7));
    let invitation = db
        .write(move |conn| {
            let pupil = match pupils::find(conn, &pupil.to_string())? {
                Some(p) if scope::sees_pupil(conn, &caller.user, &p)? => p,
                _ => return Err(ServiceError::NotFound("pupil")),
            };
            if let Some(existing) = users::find_by_email(conn, email.as_str())?
                && (existing.role != Role::Parent.as_str() || existing.partnership_id != pupil.partnership_id)
            {
                return Err(ServiceError::Unprocessable(vec![FieldError::new(
                    "email",
                    "not_a_parent_account",
                    "this e-mail address belongs to an account that is not a parent's in this partnership",
                )]));
            }
            let at = now();
            let row = InvitationRow {
                id: new_id(),
                partnership_id: pupil.partnership_id.clone(),
                pupil_id: pupil.id.clone(),
                email: email.as_str().to_owned(),
                name: request.name.trim().to_owned(),
                token_hash,
                expires_at: at + ttl,
                accepted_at: None,
                created_by: caller.user.id.to_string(),
                created_at: at,
            };
            invitations::insert(conn, &row)?;
            audit::record(
                conn,
                &caller,
                AuditAction::Invite,
                AuditObject::Invitation,
                &row.id,
                Some(&pupil.id),
            )?;
            Ok(row)
        })
        .await?;
    let link = format!("{}/uitnodiging?token={token}", settings.public_url);
    settings.mailer.send_later(vec![invitation_mail(&invitation.email, &link, settings.ttl_seconds)]);
    let demo_link = if settings.demo {
        tracing::info!(invitation = %invitation.id, %link, "guardian invitation (demo mode: not e-mailed)");
        Some(link)
    } else {
        if !settings.mailer.delivers() {
            tracing::warn!(invitation = %invitation.id, "guardian invitation created; e-mail sending is not configured");
        }
        None
    };
    Ok(InvitationResponse {
        id: invitation.id,
        pupil_id: parse_id("invitations.pupil_id", &invitation.pupil_id)?,
        email: invitation.email,
        expires_at: utc(invitation.expires_at),
        accepted_at: None,
        demo_link,
        created_at: utc(invitation.created_at),
    })
}

/// Follows an invitation link: sets the password, links the pupil, and logs the guardian in.
/// A used link and an expired link are both 410 Gone, each with its own problem type.
pub async fn accept_invitation(
    db: &Db,
    context: super::auth::LoginContext<'_>,
    address: Option<String>,
    request: AcceptInvitationRequest,
) -> Result<LoginResponse, ServiceError> {
    if request.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ServiceError::Unprocessable(vec![FieldError::new(
            "password",
            "too_short",
            format!("choose a password of at least {MIN_PASSWORD_CHARS} characters"),
        )]));
    }
    let token_hash = hash(request.token.trim());
    let password = request.password.clone();
    let password_hash = password::off_thread(move || password::hash(&password)).await??;
    let email = db
        .write(move |conn| {
            let invitation =
                invitations::find_by_hash(conn, &token_hash)?.ok_or(ServiceError::NotFound("invitation"))?;
            let at = now();
            if invitation.accepted_at.is_some() {
                return Err(ServiceError::Gone {
                    slug: "invitation-used",
                    detail: "this invitation link was already used: log in with your password, or ask the school for a new invitation".into(),
                });
            }
            if invitation.expires_at <= at {
                return Err(ServiceError::Gone {
                    slug: "invitation-expired",
                    detail: "this invitation link has expired: ask the school for a new invitation".into(),
                });
            }
            if !invitations::accept(conn, &invitation.id, at)? {
                return Err(ServiceError::Gone {
                    slug: "invitation-used",
                    detail: "this invitation link was already used".into(),
                });
            }
            let parent_id = match users::find_by_email(conn, &invitation.email)? {
                Some(u) if u.role == Role::Parent.as_str() && u.partnership_id == invitation.partnership_id => {
                    users::set_password(conn, &u.id, &password_hash, at)?;
                    u.id
                }
                Some(_) => {
                    return Err(ServiceError::Unprocessable(vec![FieldError::new(
                        "token",
                        "not_a_parent_account",
                        "the invited address now belongs to another kind of account; ask the school",
                    )]));
                }
                None => {
                    let id = new_id();
                    users::insert(
                        conn,
                        &UserInsert {
                            id: &id,
                            partnership_id: &invitation.partnership_id,
                            email: &invitation.email,
                            display_name: &invitation.name,
                            role: Role::Parent.as_str(),
                            password_hash: &password_hash,
                            school_id: None,
                            executor_id: None,
                            active: true,
                            created_at: at,
                            updated_at: at,
                            version: 1,
                        },
                    )?;
                    id
                }
            };
            if !pupils::is_guardian(conn, &invitation.pupil_id, &parent_id)? {
                pupils::add_guardian(conn, &invitation.pupil_id, &parent_id, at)?;
            }
            let parent = AuthUser {
                id: parse_id("users.id", &parent_id)?,
                role: Role::Parent,
                partnership: parse_id("invitations.partnership_id", &invitation.partnership_id)?,
            };
            let caller = Caller { user: parent, address };
            audit::record(
                conn,
                &caller,
                AuditAction::AcceptInvitation,
                AuditObject::Invitation,
                &invitation.id,
                Some(&invitation.pupil_id),
            )?;
            Ok(invitation.email)
        })
        .await?;
    super::auth::login(db, context, LoginRequest { email, password: request.password, totp_code: None }).await
}

/// The invitation mail: the one-time link and how long it works; nothing about the child.
fn invitation_mail(to: &str, link: &str, ttl_seconds: i64) -> Mail {
    let days = (ttl_seconds / 86_400).max(1);
    Mail {
        to: to.to_owned(),
        subject: "Arrangeer: uitnodiging van de school / invitation from the school".to_owned(),
        body: format!(
            "De school van uw kind nodigt u uit voor Arrangeer. Daar ziet u het plan van uw kind\n\
             (OPP) en geeft u uw instemming. Kies met deze link een wachtwoord (de link werkt\n\
             een keer en {days} dag(en) lang):\n\n{link}\n\n\
             Your child's school invites you to Arrangeer, where you see your child's plan (OPP)\n\
             and give your consent. Choose a password with this link (it works once, for\n\
             {days} day(s)):\n\n{link}\n"
        ),
        kind: "invitation",
    }
}
