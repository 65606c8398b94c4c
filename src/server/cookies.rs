//! Cookie names and attributes in one place.

use crate::server::config::Config;

/// `__Host-` binds a cookie to this host and path `/` and requires HTTPS, so it is used
/// whenever the portal is reached over HTTPS.
pub fn name(config: &Config, base: &str) -> String {
    if config.is_https() {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// A `Set-Cookie` value for the whole site; `max_age` 0 deletes the cookie.
pub fn set(config: &Config, base: &str, value: &str, max_age_secs: i64, http_only: bool) -> String {
    let mut header = format!(
        "{}={value}; Path=/; Max-Age={max_age_secs}; SameSite=Lax",
        name(config, base)
    );
    if http_only {
        header.push_str("; HttpOnly");
    }
    if config.is_https() {
        header.push_str("; Secure");
    }
    header
}
