//! Applications: drafts and submissions, and their reference numbers.

use serde::{Deserialize, Serialize};

/// Where an application stands. Drafts belong to the applicant alone; from `Submitted` on
/// the responsible authority has it (the back office adds its own states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    Submitted,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        match value {
            "draft" => Some(Status::Draft),
            "submitted" => Some(Status::Submitted),
            _ => None,
        }
    }
}

/// A human-friendly reference number, unique per year: `SL-2026-000042` (prefix of the
/// deployment, year of submission, running number).
pub fn reference(prefix: &str, year: i64, number: i64) -> String {
    format!("{prefix}-{year}-{number:06}")
}

/// Whether `value` looks like a reference number of this shape (any prefix of 1–5 capital
/// letters), so a URL with anything else is refused before a database lookup.
pub fn is_reference(value: &str) -> bool {
    let mut parts = value.split('-');
    let (Some(prefix), Some(year), Some(number), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (1..=5).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && number.len() >= 6
        && number.len() <= 9
        && number.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable_and_recognised() {
        assert_eq!(reference("SL", 2026, 42), "SL-2026-000042");
        assert!(is_reference("SL-2026-000042"));
        assert!(is_reference("BY-2027-1234567"));
        assert!(!is_reference("SL-2026-42"));
        assert!(!is_reference("sl-2026-000042"));
        assert!(!is_reference("SL-2026-000042-1"));
        assert!(!is_reference("../etc/passwd"));
    }
}
