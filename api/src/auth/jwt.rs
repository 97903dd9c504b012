//! Access tokens: HS256 JWTs with `sub`, `role`, `partnership`, `iss`, `aud`, `iat`, `nbf`,
//! `exp`, and a `kid` in the header. Verification allows exactly one algorithm and checks
//! issuer, audience, expiry and not-before.
//!
//! Key rotation: tokens are signed with the current key; a token whose `kid` names the
//! previous key is still verified with that key until it expires. Any other `kid` (or none)
//! is refused before any signature check.

use arrangeer_shared::Role;
use arrangeer_shared::ids::{PartnershipId, UserId};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const ISSUER: &str = "arrangeer";
pub const AUDIENCE: &str = "arrangeer-api";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: UserId,
    pub role: Role,
    pub partnership: PartnershipId,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    /// Set only on tokens that may do one thing: `totp-enrollment` (enroll and confirm
    /// two-factor authentication, nothing else). Ordinary access tokens have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// The purpose of the token a login hands out when two-factor enrollment must come first.
pub const PURPOSE_TOTP_ENROLLMENT: &str = "totp-enrollment";
/// How long such a token lives: time enough to set up an authenticator app.
pub const ENROLLMENT_TTL_SECONDS: i64 = 600;

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("token could not be signed")]
    Sign(#[source] jsonwebtoken::errors::Error),
    #[error("token rejected: {0}")]
    Invalid(#[source] jsonwebtoken::errors::Error),
    #[error("token signed with unknown key id")]
    UnknownKey,
}

/// The signing key (and the previous one, during a rotation) and the rules for tokens, built
/// once from configuration.
#[derive(Clone)]
pub struct JwtKeys {
    key_id: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    previous: Option<(String, DecodingKey)>,
    validation: Validation,
    ttl_seconds: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], key_id: &str, ttl_seconds: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        Self {
            key_id: key_id.to_owned(),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            previous: None,
            validation,
            ttl_seconds,
        }
    }

    /// Also accepts tokens signed with the previous key `key_id` (never signs with it).
    pub fn with_previous(mut self, secret: &[u8], key_id: &str) -> Self {
        self.previous = Some((key_id.to_owned(), DecodingKey::from_secret(secret)));
        self
    }

    pub fn ttl_seconds(&self) -> i64 {
        self.ttl_seconds
    }

    pub fn issue(
        &self,
        user: UserId,
        role: Role,
        partnership: PartnershipId,
        now: i64,
    ) -> Result<String, TokenError> {
        self.sign(user, role, partnership, now, self.ttl_seconds, None)
    }

    /// A token that only enrolls two-factor authentication (see [`PURPOSE_TOTP_ENROLLMENT`]).
    pub fn issue_enrollment(
        &self,
        user: UserId,
        role: Role,
        partnership: PartnershipId,
        now: i64,
    ) -> Result<String, TokenError> {
        self.sign(user, role, partnership, now, ENROLLMENT_TTL_SECONDS, Some(PURPOSE_TOTP_ENROLLMENT))
    }

    fn sign(
        &self,
        user: UserId,
        role: Role,
        partnership: PartnershipId,
        now: i64,
        ttl_seconds: i64,
        purpose: Option<&str>,
    ) -> Result<String, TokenError> {
        let claims = Claims {
            sub: user,
            role,
            partnership,
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            nbf: now,
            exp: now + ttl_seconds,
            purpose: purpose.map(str::to_owned),
        };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.key_id.clone());
        jsonwebtoken::encode(&header, &claims, &self.encoding).map_err(TokenError::Sign)
    }

    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let header = jsonwebtoken::decode_header(token).map_err(TokenError::Invalid)?;
        let kid = header.kid.as_deref().ok_or(TokenError::UnknownKey)?;
        let key = if kid == self.key_id {
            &self.decoding
        } else {
            match &self.previous {
                Some((previous, key)) if previous == kid => key,
                _ => return Err(TokenError::UnknownKey),
            }
        };
        // the validation allows HS256 only, whatever the header claims
        jsonwebtoken::decode::<Claims>(token, key, &self.validation)
            .map(|data| data.claims)
            .map_err(TokenError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(b"0123456789abcdef0123456789abcdef", "k1", 900)
    }

    fn ids() -> (UserId, PartnershipId) {
        (UserId(uuid::Uuid::new_v4()), PartnershipId(uuid::Uuid::new_v4()))
    }

    #[test]
    fn issued_token_verifies_with_its_claims() {
        let (u, p) = ids();
        let now = chrono::Utc::now().timestamp();
        let token = keys().issue(u, Role::Consultant, p, now).expect("issue");
        let claims = keys().verify(&token).expect("verify");
        assert_eq!((claims.sub, claims.role, claims.partnership), (u, Role::Consultant, p));
        assert_eq!(claims.exp - claims.iat, 900);
    }

    #[test]
    fn expired_foreign_and_unknown_key_tokens_are_rejected() {
        let (u, p) = ids();
        let now = chrono::Utc::now().timestamp();
        let expired = keys().issue(u, Role::School, p, now - 10_000).expect("issue");
        assert!(keys().verify(&expired).is_err());
        let other = JwtKeys::new(b"another-secret-another-secret-xx", "k1", 900);
        let forged = other.issue(u, Role::SwvAdmin, p, now).expect("issue");
        assert!(keys().verify(&forged).is_err());
        let rotated = JwtKeys::new(b"0123456789abcdef0123456789abcdef", "k2", 900);
        let unknown = rotated.issue(u, Role::School, p, now).expect("issue");
        assert!(matches!(keys().verify(&unknown), Err(TokenError::UnknownKey)));
    }

    #[test]
    fn after_rotation_tokens_of_the_previous_key_still_verify() {
        let (u, p) = ids();
        let now = chrono::Utc::now().timestamp();
        let old = keys().issue(u, Role::School, p, now).expect("issue");
        let rotated = JwtKeys::new(b"fedcba9876543210fedcba9876543210", "k2", 900)
            .with_previous(b"0123456789abcdef0123456789abcdef", "k1");
        assert_eq!(rotated.verify(&old).expect("previous key").sub, u);
        let new = rotated.issue(u, Role::School, p, now).expect("issue");
        assert_eq!(jsonwebtoken::decode_header(&new).expect("header").kid.as_deref(), Some("k2"));
        assert!(matches!(keys().verify(&new), Err(TokenError::UnknownKey)));
        // a token claiming the previous kid but signed with the current key is refused
        let mixed = JwtKeys::new(b"fedcba9876543210fedcba9876543210", "k1", 900)
            .issue(u, Role::School, p, now)
            .expect("issue");
        assert!(rotated.verify(&mixed).is_err());
    }
}
