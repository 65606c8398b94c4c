//! The authorities' side: the inbox filter as its address carries it, and the rules for
//! messages and notes (shared by the browser and the server).

use super::applications::Status;
use super::fields::{ErrorCode, FieldErrors, char_len};
use serde::{Deserialize, Serialize};

/// Cases per inbox page.
pub const PER_PAGE: i64 = 25;
pub const SUBJECT_MAX: usize = 150;
pub const BODY_MAX: usize = 10_000;
pub const NOTE_MAX: usize = 5_000;

/// Whose cases the inbox shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssigneeChoice {
    #[default]
    All,
    Mine,
    Nobody,
}

impl AssigneeChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            AssigneeChoice::All => "alle",
            AssigneeChoice::Mine => "meine",
            AssigneeChoice::Nobody => "niemand",
        }
    }
}

/// The order of the inbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortChoice {
    /// Oldest submission first: the queue.
    #[default]
    Oldest,
    Newest,
    /// Longest without a status change first.
    Waiting,
}

impl SortChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            SortChoice::Oldest => "aelteste",
            SortChoice::Newest => "neueste",
            SortChoice::Waiting => "wartend",
        }
    }
}

/// The inbox filter, parsed from the page's address (`?status=…&leistung=…`). Anything
/// unknown falls back to the default, so a hand-edited address never fails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    pub authority: Option<String>,
    pub status: Option<Status>,
    pub service: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    pub until: Option<String>,
    pub assignee: AssigneeChoice,
    pub text: String,
    pub sort: SortChoice,
    pub page: i64,
}

impl InboxFilter {
    /// From the query's `(name, value)` pairs.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let some = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let date = |name: &str| some(name).filter(|d| parse_date(d).is_some());
        InboxFilter {
            authority: some("behoerde").filter(|a| a.len() <= 100),
            status: some("status")
                .and_then(|s| Status::parse(&s))
                .filter(|s| *s != Status::Draft),
            service: some("leistung").filter(|s| s.len() <= 100),
            from: date("von"),
            until: date("bis"),
            assignee: match some("zustaendig").as_deref() {
                Some("meine") => AssigneeChoice::Mine,
                Some("niemand") => AssigneeChoice::Nobody,
                _ => AssigneeChoice::All,
            },
            text: some("suche")
                .unwrap_or_default()
                .chars()
                .take(100)
                .collect(),
            sort: match some("sortierung").as_deref() {
                Some("neueste") => SortChoice::Newest,
                Some("wartend") => SortChoice::Waiting,
                _ => SortChoice::Oldest,
            },
            page: some("seite")
                .and_then(|p| p.parse::<i64>().ok())
                .filter(|p| (1..=10_000).contains(p))
                .unwrap_or(1),
        }
    }

    /// The query string of this filter (tabs, sorting and paging change a copy first).
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(a) = &self.authority {
            pairs.push(("behoerde", a.clone()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        if let Some(s) = &self.service {
            pairs.push(("leistung", s.clone()));
        }
        if let Some(d) = &self.from {
            pairs.push(("von", d.clone()));
        }
        if let Some(d) = &self.until {
            pairs.push(("bis", d.clone()));
        }
        if self.assignee != AssigneeChoice::All {
            pairs.push(("zustaendig", self.assignee.as_str().to_owned()));
        }
        if !self.text.is_empty() {
            pairs.push(("suche", self.text.clone()));
        }
        if self.sort != SortChoice::Oldest {
            pairs.push(("sortierung", self.sort.as_str().to_owned()));
        }
        if self.page > 1 {
            pairs.push(("seite", self.page.to_string()));
        }
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", super::url::encode_query_value(&v)))
            .collect();
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }
}

/// `YYYY-MM-DD` to days since 1970-01-01.
pub fn parse_date(value: &str) -> Option<i64> {
    let mut parts = value.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (
        y.parse::<i64>().ok()?,
        m.parse::<u32>().ok()?,
        d.parse::<u32>().ok()?,
    );
    if !(1..=12).contains(&m) || d == 0 || d > 31 {
        return None;
    }
    let days = super::time::days_from_civil(y, m, d);
    // 2026-02-31 would be March: refuse dates that do not round-trip.
    (super::time::civil_from_days(days) == (y, m, d)).then_some(days)
}

/// A message to the other side: subject and text within limits.
pub fn check_message(subject: &str, body: &str) -> FieldErrors<&'static str> {
    let mut errors = FieldErrors::new();
    let subject = subject.trim();
    if subject.is_empty() {
        errors.push("subject", ErrorCode::Required);
    } else if char_len(subject) > SUBJECT_MAX {
        errors.push("subject", ErrorCode::TooLong);
    }
    let body = body.trim();
    if body.is_empty() {
        errors.push("body", ErrorCode::Required);
    } else if char_len(body) > BODY_MAX {
        errors.push("body", ErrorCode::TooLong);
    }
    errors
}

/// Whether `url` may receive webhooks: `https://` with a host, or plain `http://` only to
/// this machine (tests and local development). No credentials in the address.
pub fn is_webhook_url(url: &str) -> bool {
    let (secure, rest) = if let Some(rest) = url.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        (false, rest)
    } else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || url.len() > 500 {
        return false;
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    secure || matches!(host, "localhost" | "127.0.0.1" | "::1")
}

/// An internal note: not empty, within limits.
pub fn check_note(body: &str) -> FieldErrors<&'static str> {
    let mut errors = FieldErrors::new();
    let body = body.trim();
    if body.is_empty() {
        errors.push("note", ErrorCode::Required);
    } else if char_len(body) > NOTE_MAX {
        errors.push("note", ErrorCode::TooLong);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn filter(pairs: &[(&str, &str)]) -> InboxFilter {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        InboxFilter::from_query(|k| map.get(k).cloned())
    }

    #[test]
    fn the_inbox_address_round_trips_and_forgives_nonsense() {
        let f = filter(&[
            ("status", "in-progress"),
            ("leistung", "hundesteuer-anmelden"),
            ("von", "2026-11-01"),
            ("zustaendig", "meine"),
            ("suche", "Müller"),
            ("sortierung", "neueste"),
            ("seite", "3"),
        ]);
        assert_eq!(f.status, Some(Status::InProgress));
        assert_eq!(f.page, 3);
        let again = f.query();
        let pairs: Vec<(String, String)> = again
            .trim_start_matches('?')
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').expect("pair");
                (k.to_owned(), v.replace("%C3%BC", "ü"))
            })
            .collect();
        let map: HashMap<String, String> = pairs.into_iter().collect();
        assert_eq!(InboxFilter::from_query(|k| map.get(k).cloned()), f);

        let odd = filter(&[
            ("status", "draft"),
            ("von", "2026-02-31"),
            ("seite", "-4"),
            ("sortierung", "drop table"),
        ]);
        assert_eq!(
            odd,
            InboxFilter {
                page: 1,
                ..InboxFilter::default()
            }
        );
        assert_eq!(
            InboxFilter {
                page: 1,
                ..Default::default()
            }
            .query(),
            ""
        );
    }

    #[test]
    fn webhooks_go_to_https_or_this_machine() {
        assert!(is_webhook_url("https://fachverfahren.example/eingang"));
        assert!(is_webhook_url("http://127.0.0.1:8080/hook"));
        assert!(is_webhook_url("http://localhost/hook"));
        assert!(!is_webhook_url("http://fachverfahren.example/eingang"));
        assert!(!is_webhook_url("https://user:pw@host.example/"));
        assert!(!is_webhook_url("ftp://host.example/"));
        assert!(!is_webhook_url("https://"));
        assert!(!is_webhook_url("https://host.example/a b"));
    }

    #[test]
    fn messages_and_notes_need_text_within_limits() {
        assert!(check_message("Rückfrage", "Bitte senden Sie den Nachweis.").is_empty());
        let errors = check_message("  ", &"x".repeat(BODY_MAX + 1));
        assert_eq!(errors.get("subject"), Some(ErrorCode::Required));
        assert_eq!(errors.get("body"), Some(ErrorCode::TooLong));
        assert_eq!(check_note("").get("note"), Some(ErrorCode::Required));
        assert_eq!(parse_date("1970-01-02"), Some(1));
        assert_eq!(parse_date("2026-13-01"), None);
    }
}
