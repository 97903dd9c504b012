//! Checks for free text typed by users, shared by the server (which enforces them) and the web
//! app (which shows them while typing).

use crate::api::problem::FieldError;

/// Checks one text field: required or not, at most `max_chars` characters, and no control
/// characters except newlines and tabs (PostgreSQL cannot store NUL; nobody means to type them).
pub fn check(field: &str, value: &str, required: bool, max_chars: usize) -> Option<FieldError> {
    if required && value.trim().is_empty() {
        return Some(FieldError::new(field, "required", "this field is required"));
    }
    if value.chars().count() > max_chars {
        return Some(FieldError::new(field, "too_long", format!("at most {max_chars} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Some(FieldError::new(field, "invalid_characters", "contains control characters"));
    }
    None
}

/// Maximum length of a title or name.
pub const SHORT: usize = 200;
/// Maximum length of a free-text field such as goals or minutes.
pub const LONG: usize = 20_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(check("title", "Leesbegeleiding", true, SHORT).is_none());
        assert_eq!(check("title", "  ", true, SHORT).map(|e| e.code), Some("required".into()));
        assert!(check("note", "", false, SHORT).is_none());
        assert_eq!(check("t", &"x".repeat(201), true, SHORT).map(|e| e.code), Some("too_long".into()));
        assert_eq!(check("t", "a\0b", true, SHORT).map(|e| e.code), Some("invalid_characters".into()));
        assert!(check("t", "regel 1\nregel 2\ttab", true, SHORT).is_none());
    }
}
