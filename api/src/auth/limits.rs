//! Login rate limits (GCRA, with `governor`): a budget of failed logins per account and a
//! budget of attempts per client address.
//!
//! - Per account (the normalised e-mail address), only **failures** count: a successful login
//!   spends nothing and does not reset earlier failures either (they expire at the quota's
//!   rate). The failure that overdraws the budget, and every attempt after it until the budget
//!   has a cell again, gets 429 without the password being checked, so a locked account does
//!   not reveal whether a guess was right.
//! - Per client address (the TCP peer; `X-Forwarded-For` only when configured), **every**
//!   attempt counts, successful or not.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::HttpRequest;
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Above this many tracked keys, forget those whose budget is full again.
const PRUNE_ABOVE: usize = 10_000;

/// Why a login attempt is refused before its password is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failed logins for this account; try again after this many seconds.
    Account { retry_after_seconds: u64 },
    /// Too many attempts from this client address.
    Address { retry_after_seconds: u64 },
}

/// The numbers, from configuration.
#[derive(Clone, Copy, Debug)]
pub struct LoginLimitSettings {
    pub account_failures: u32,
    pub account_window: Duration,
    pub address_attempts: u32,
    pub address_window: Duration,
    pub trust_forwarded_for: bool,
}

pub struct LoginLimits {
    accounts: DefaultKeyedRateLimiter<String>,
    addresses: DefaultKeyedRateLimiter<IpAddr>,
    /// Accounts whose failure budget is spent, until when.
    locked: Mutex<HashMap<String, Instant>>,
    trust_forwarded_for: bool,
}

/// `n` cells per `window`, all of them available at once.
fn quota(n: u32, window: Duration) -> Quota {
    let n = NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
    let period = (window / n.get()).max(Duration::from_millis(1));
    Quota::with_period(period).unwrap_or_else(|| Quota::per_second(n)).allow_burst(n)
}

/// Whole seconds to wait, at least 1 (`Retry-After` has no fractions).
fn seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

impl LoginLimits {
    pub fn new(settings: LoginLimitSettings) -> Self {
        LoginLimits {
            accounts: RateLimiter::keyed(quota(settings.account_failures, settings.account_window)),
            addresses: RateLimiter::keyed(quota(settings.address_attempts, settings.address_window)),
            locked: Mutex::new(HashMap::new()),
            trust_forwarded_for: settings.trust_forwarded_for,
        }
    }

    /// The address a request comes from: the TCP peer, or the forwarded address when the
    /// proxy in front is trusted. Login limits and the audit log both use this.
    pub fn client_address(&self, req: &HttpRequest) -> Option<IpAddr> {
        if self.trust_forwarded_for
            && let Some(forwarded) = req.connection_info().realip_remote_addr()
            && let Some(ip) = parse_ip(forwarded)
        {
            return Some(ip);
        }
        req.peer_addr().map(|a| a.ip())
    }

    /// Counts an attempt from `address` and checks that `account` is not locked.
    pub fn admit(&self, account: &str, address: Option<IpAddr>) -> Result<(), Refusal> {
        if let Some(until) = self.locked().get(account).copied() {
            let now = Instant::now();
            if until > now {
                return Err(Refusal::Account { retry_after_seconds: seconds(until - now) });
            }
        }
        if let Some(ip) = address {
            self.prune_if_large();
            self.addresses.check_key(&ip).map_err(|not_until| Refusal::Address {
                retry_after_seconds: seconds(not_until.wait_time_from(self.addresses.clock().now())),
            })?;
        }
        Ok(())
    }

    /// Spends one failure of `account`'s budget; `Err` when the budget is now overdrawn.
    pub fn failed(&self, account: &str) -> Result<(), Refusal> {
        let key = account.to_owned();
        match self.accounts.check_key(&key) {
            Ok(()) => Ok(()),
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.accounts.clock().now());
                let mut locked = self.locked();
                let now = Instant::now();
                if locked.len() > PRUNE_ABOVE {
                    locked.retain(|_, until| *until > now);
                }
                locked.insert(key, now + wait);
                Err(Refusal::Account { retry_after_seconds: seconds(wait) })
            }
        }
    }

    fn locked(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        // a panic while holding this lock cannot leave the map inconsistent
        self.locked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn prune_if_large(&self) {
        if self.addresses.len() > PRUNE_ABOVE {
            self.addresses.retain_recent();
        }
        if self.accounts.len() > PRUNE_ABOVE {
            self.accounts.retain_recent();
        }
    }
}

fn parse_ip(value: &str) -> Option<IpAddr> {
    value.parse::<IpAddr>().ok().or_else(|| value.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(failures: u32, attempts: u32) -> LoginLimits {
        LoginLimits::new(LoginLimitSettings {
            account_failures: failures,
            account_window: Duration::from_secs(900),
            address_attempts: attempts,
            address_window: Duration::from_secs(60),
            trust_forwarded_for: false,
        })
    }

    #[test]
    fn the_failure_after_the_budget_locks_the_account_with_a_retry_time() {
        let l = limits(3, 100);
        for _ in 0..3 {
            assert_eq!(l.admit("a@x.nl", None), Ok(()));
            assert_eq!(l.failed("a@x.nl"), Ok(()));
        }
        let Err(Refusal::Account { retry_after_seconds }) = l.failed("a@x.nl") else {
            panic!("fourth failure must overdraw")
        };
        assert!((1..=300).contains(&retry_after_seconds), "{retry_after_seconds}");
        assert!(matches!(l.admit("a@x.nl", None), Err(Refusal::Account { .. })));
        assert_eq!(l.admit("b@x.nl", None), Ok(()), "other accounts are not affected");
    }

    #[test]
    fn every_attempt_counts_against_the_address() {
        let l = limits(100, 2);
        let ip: IpAddr = "192.0.2.7".parse().expect("ip");
        assert_eq!(l.admit("a@x.nl", Some(ip)), Ok(()));
        assert_eq!(l.admit("b@x.nl", Some(ip)), Ok(()));
        let Err(Refusal::Address { retry_after_seconds }) = l.admit("c@x.nl", Some(ip)) else {
            panic!("third attempt from one address must be refused")
        };
        assert!((1..=60).contains(&retry_after_seconds));
        assert_eq!(l.admit("c@x.nl", Some("192.0.2.8".parse().expect("ip"))), Ok(()));
    }

    #[test]
    fn forwarded_addresses_parse_with_or_without_a_port() {
        assert_eq!(parse_ip("203.0.113.9"), "203.0.113.9".parse().ok());
        assert_eq!(parse_ip("203.0.113.9:4711"), "203.0.113.9".parse().ok());
        assert_eq!(parse_ip("[2001:db8::1]:443"), "2001:db8::1".parse().ok());
        assert_eq!(parse_ip("unknown"), None);
    }
}
