//! Throttling, decided before any password is hashed:
//!
//! - sign-in posts per address: 20 a minute (`accounts.sign_ins_per_ip_minute`);
//! - failed sign-ins per account and address: after 5 within an hour each further try waits
//!   for a growing delay (30 s, 1 min, 2 min … up to 15 min) after the last failure;
//! - failed sign-ins per account from anywhere: at most 100 a day;
//! - mails asked for (registration, reset, resend) per address: 10 an hour
//!   (`accounts.mails_per_ip_hour`), and per
//!   recipient: 5 an hour, so nobody can flood someone else's inbox.
//!
//! Nothing locks an account for good: the delays run out, and a password reset by e-mail
//! clears the failures. Subjects are hashed, so the table holds no e-mail addresses.

use super::{ClientIp, token_hash};
use crate::server::clock::Timestamp;
use crate::server::config::AccountsConfig;
use crate::server::db::Db;
use crate::server::storage::throttle;

const SIGN_IN_POSTS: &str = "sign-in-ip";
const FAILURES: &str = "sign-in-failure";
const ACCOUNT_FAILURES: &str = "sign-in-failure-account";
const MAIL_BY_IP: &str = "mail-ip";
const MAIL_BY_RECIPIENT: &str = "mail-recipient";

const FREE_FAILURES: i64 = 5;
const MAX_DELAY_SECS: i64 = 15 * 60;
const ACCOUNT_FAILURES_PER_DAY: i64 = 100;
const MAILS_PER_RECIPIENT_HOUR: i64 = 5;

/// Go ahead, or answer 429 with `Retry-After` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Wait(i64),
    /// Answer as if done, but do not send (the recipient has had enough mail this hour;
    /// a different answer would reveal whether the address has an account).
    Skip,
}

fn pair(email: &str, ip: &ClientIp) -> String {
    token_hash(&format!("{email}\n{}", ip.key()))
}

/// The delay after `failures` failures within the hour.
pub fn delay_after(failures: i64) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(10) as u32;
    (30 * 2i64.pow(doublings)).min(MAX_DELAY_SECS)
}

/// May this sign-in attempt go ahead? Counts the post either way.
pub async fn before_sign_in(
    db: &Db,
    limits: &AccountsConfig,
    now: Timestamp,
    email: &str,
    ip: &ClientIp,
) -> Result<Decision, sqlx::Error> {
    let minute_ago = Timestamp(now.0 - 60);
    let (posts, _) = throttle::count_since(db, SIGN_IN_POSTS, &ip.key(), minute_ago).await?;
    throttle::record(db, SIGN_IN_POSTS, &ip.key(), now).await?;
    if posts >= limits.sign_ins_per_ip_minute {
        return Ok(Decision::Wait(60));
    }
    let hour_ago = Timestamp(now.0 - 3600);
    let (failures, last) = throttle::count_since(db, FAILURES, &pair(email, ip), hour_ago).await?;
    let delay = delay_after(failures);
    if let Some(last) = last
        && delay > 0
        && now.0 < last + delay
    {
        return Ok(Decision::Wait(last + delay - now.0));
    }
    let day_ago = Timestamp(now.0 - 24 * 3600);
    let (daily, _) =
        throttle::count_since(db, ACCOUNT_FAILURES, &token_hash(email), day_ago).await?;
    if daily >= ACCOUNT_FAILURES_PER_DAY {
        return Ok(Decision::Wait(3600));
    }
    Ok(Decision::Allow)
}

pub async fn sign_in_failed(
    db: &Db,
    now: Timestamp,
    email: &str,
    ip: &ClientIp,
) -> Result<(), sqlx::Error> {
    throttle::record(db, FAILURES, &pair(email, ip), now).await?;
    throttle::record(db, ACCOUNT_FAILURES, &token_hash(email), now).await
}

/// A successful sign-in or a password reset forgives the failures.
pub async fn forgive(db: &Db, email: &str, ip: Option<&ClientIp>) -> Result<(), sqlx::Error> {
    if let Some(ip) = ip {
        throttle::clear(db, FAILURES, &pair(email, ip)).await?;
    }
    throttle::clear(db, ACCOUNT_FAILURES, &token_hash(email)).await
}

/// May we send `email` a mail this client asked for? Counts the request either way.
pub async fn before_mail(
    db: &Db,
    limits: &AccountsConfig,
    now: Timestamp,
    email: &str,
    ip: &ClientIp,
) -> Result<Decision, sqlx::Error> {
    let hour_ago = Timestamp(now.0 - 3600);
    let (by_ip, _) = throttle::count_since(db, MAIL_BY_IP, &ip.key(), hour_ago).await?;
    if by_ip >= limits.mails_per_ip_hour {
        return Ok(Decision::Wait(3600));
    }
    throttle::record(db, MAIL_BY_IP, &ip.key(), now).await?;
    let recipient = token_hash(email);
    let (to_recipient, _) =
        throttle::count_since(db, MAIL_BY_RECIPIENT, &recipient, hour_ago).await?;
    if to_recipient >= MAILS_PER_RECIPIENT_HOUR {
        return Ok(Decision::Skip);
    }
    throttle::record(db, MAIL_BY_RECIPIENT, &recipient, now).await?;
    Ok(Decision::Allow)
}

#[cfg(test)]
mod tests {
    use super::delay_after;

    #[test]
    fn the_delay_grows_and_is_capped() {
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(4), 0);
        assert_eq!(delay_after(5), 30);
        assert_eq!(delay_after(6), 60);
        assert_eq!(delay_after(7), 120);
        assert_eq!(delay_after(10), 900);
        assert_eq!(delay_after(1000), 900);
    }
}
