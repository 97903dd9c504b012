//! Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) with the
//! `totp-rs` crate, and the QR code of the enrollment URI with `qrcodegen`.
//!
//! A code is accepted for the current step and one step either side (clock skew). The step it
//! matched is returned so that the caller can refuse it a second time (replay): only a step
//! later than the last accepted one counts.

use qrcodegen::{QrCode, QrCodeEcc};
use rand::Rng;
use totp_rs::{Algorithm, TOTP};

pub const DIGITS: usize = 6;
pub const PERIOD_SECONDS: u64 = 30;
/// Steps either side of the current one that are still accepted.
const SKEW_STEPS: i64 = 1;
/// The issuer shown in authenticator apps.
const ISSUER: &str = "Arrangeer";

/// Whether staff must use two-factor authentication (from configuration).
#[derive(Clone, Copy, Debug)]
pub struct TotpPolicy {
    pub required: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("the stored TOTP secret is unusable: {0}")]
pub struct SecretError(pub String);

/// 160 random bits, the size RFC 4226 recommends for HMAC-SHA1.
pub fn generate_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; 20];
    rand::rng().fill(&mut bytes[..]);
    bytes
}

fn totp(secret: &[u8], account: &str) -> Result<TOTP, SecretError> {
    // skew 0: the steps either side are tried one by one, so we know which one matched
    TOTP::new(
        Algorithm::SHA1,
        DIGITS,
        0,
        PERIOD_SECONDS,
        secret.to_vec(),
        Some(ISSUER.to_owned()),
        account.replace(':', "_"),
    )
    .map_err(|e| SecretError(e.to_string()))
}

/// The secret as base32 (what people type into an app) and the `otpauth://` URI.
pub fn describe(secret: &[u8], account: &str) -> Result<(String, String), SecretError> {
    let t = totp(secret, account)?;
    Ok((t.get_secret_base32(), t.get_url()))
}

/// The step (Unix time / 30) a code was made for, if it is valid now (± one step) and later
/// than `after` (the last accepted step).
pub fn verify(
    secret: &[u8],
    code: &str,
    now_unix: i64,
    after: Option<i64>,
) -> Result<Option<i64>, SecretError> {
    let code = code.trim();
    if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let t = totp(secret, "x")?;
    let period = PERIOD_SECONDS as i64;
    let current = now_unix.div_euclid(period);
    for step in current - SKEW_STEPS..=current + SKEW_STEPS {
        if step < 0 || after.is_some_and(|last| step <= last) {
            continue;
        }
        // `check` compares in constant time
        if t.check(code, (step * period) as u64) {
            return Ok(Some(step));
        }
    }
    Ok(None)
}

/// A standalone SVG of `text` as a QR code (medium error correction, 4 modules quiet zone).
pub fn qr_svg(text: &str) -> Result<String, SecretError> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|e| SecretError(format!("{e:?}")))?;
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" \
         shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>",
        px = size * 6
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 secret "12345678901234567890": at T = 59 s the 8-digit
    /// code is 94287082, so the 6-digit code is 287082.
    #[test]
    fn codes_match_the_rfc_test_vector_and_replay_is_refused() {
        let secret = b"12345678901234567890".to_vec();
        assert_eq!(verify(&secret, "287082", 59, None).expect("secret"), Some(1));
        assert_eq!(verify(&secret, "287082", 59, Some(1)).expect("secret"), None, "same step twice");
        // one step of clock skew either way is accepted, two are not
        assert_eq!(verify(&secret, "287082", 59 + 30, None).expect("secret"), Some(1));
        assert_eq!(verify(&secret, "287082", 59 + 60, None).expect("secret"), None);
        assert_eq!(verify(&secret, "28708", 59, None).expect("secret"), None);
        assert_eq!(verify(&secret, "abcdef", 59, None).expect("secret"), None);
    }

    #[test]
    fn enrollment_describes_the_secret_and_draws_a_qr_code() {
        let secret = generate_secret();
        assert_eq!(secret.len(), 20);
        let (base32, uri) = describe(&secret, "ib@school.nl").expect("describe");
        assert_eq!(base32.len(), 32);
        assert!(uri.starts_with("otpauth://totp/Arrangeer:ib%40school.nl?"), "{uri}");
        assert!(uri.contains(&format!("secret={base32}")), "{uri}");
        let svg = qr_svg(&uri).expect("qr");
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"), "{svg}");
    }
}
