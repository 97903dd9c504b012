//! Password hashing with Argon2id (argon2's defaults: 19 MiB, 2 passes, 1 lane — OWASP's
//! recommended minimum).

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Hashes a password into a PHC string (`$argon2id$v=19$…`) with a fresh random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Checks a password against a stored PHC string. A malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Runs password hashing on one of two threads kept for it (never on the async executor).
///
/// Each Argon2 run allocates 19 MiB. glibc's malloc serves a block that size from the arena
/// of the thread that asks once an earlier one was freed, and keeps it there: hashed on
/// whichever of tokio's blocking threads was free, fifty logins left 370 MB behind. On two
/// threads of their own at most two such blocks stay (and two hashes at a time is all two
/// cores can do anyway).
pub async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    type Job = Box<dyn FnOnce() + Send>;
    static JOBS: LazyLock<Option<Sender<Job>>> = LazyLock::new(|| {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..2 {
            let queue = queue.clone();
            let started = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok(job) = next else { return };
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                }
            });
            if started.is_err() {
                return None;
            }
        }
        Some(jobs)
    });
    let stopped = || HashError("the password hashing threads stopped".into());
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    let jobs = JOBS.as_ref().ok_or_else(stopped)?;
    jobs.send(job).map_err(|_| stopped())?;
    result.await.map_err(|_| stopped())
}

/// Spends the same time as a real verification, for logins of unknown accounts, so that
/// response times do not reveal which e-mail addresses exist.
pub fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    if let Some(phc) = DUMMY.get_or_init(|| hash("not-a-real-password").ok()) {
        let _ = verify(password, phc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify_accepts_only_the_same_password() {
        let phc = hash("correct horse").expect("hash");
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(verify("correct horse", &phc));
        assert!(!verify("Correct horse", &phc));
        assert!(!verify("correct horse", "not a phc string"));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_salt() {
        assert_ne!(hash("x").expect("hash"), hash("x").expect("hash"));
    }
}
