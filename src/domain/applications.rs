//! Applications: drafts and submissions, and their reference numbers.

use serde::{Deserialize, Serialize};

/// Where an application stands. Drafts belong to the applicant alone; from `Submitted` on
/// the responsible authority has it and moves it on (`Status::may_become` says how).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    /// Eingegangen: sent, not yet picked up.
    Submitted,
    /// In Bearbeitung.
    InProgress,
    /// Rückfrage: the authority waits for the applicant's answer.
    Query,
    /// Abgeschlossen: bewilligt.
    Approved,
    /// Abgeschlossen: abgelehnt.
    Rejected,
    /// Zurückgezogen by the applicant.
    Withdrawn,
}

/// Who moves an application on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    Applicant,
    /// A caseworker of the responsible authority, or its specialist system through the API.
    Authority,
}

impl Status {
    /// Every status a submitted application can have, in the order of the workflow.
    pub const SUBMITTED: [Status; 6] = [
        Status::Submitted,
        Status::InProgress,
        Status::Query,
        Status::Approved,
        Status::Rejected,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::InProgress => "in-progress",
            Status::Query => "query",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        [Status::Draft]
            .into_iter()
            .chain(Status::SUBMITTED)
            .find(|s| s.as_str() == value)
    }

    /// Nothing happens any more: decided or withdrawn.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Approved | Status::Rejected | Status::Withdrawn
        )
    }

    /// Whether `actor` may move an application from this status to `to`. The authority
    /// picks it up, asks back, takes it up again and decides; the applicant withdraws
    /// anything not yet final, and answering a query takes it back to the authority.
    pub fn may_become(self, to: Status, actor: Actor) -> bool {
        use Status::*;
        match actor {
            Actor::Authority => matches!(
                (self, to),
                (Submitted, InProgress)
                    | (InProgress, Query | Approved | Rejected)
                    | (Query, InProgress | Approved | Rejected)
            ),
            Actor::Applicant => matches!(
                (self, to),
                (Submitted | InProgress | Query, Withdrawn) | (Query, InProgress)
            ),
        }
    }

    /// Where `actor` can move an application from here.
    pub fn next(self, actor: Actor) -> Vec<Status> {
        Status::SUBMITTED
            .into_iter()
            .filter(|to| self.may_become(*to, actor))
            .collect()
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
    fn statuses_survive_the_database() {
        for status in [Status::Draft].into_iter().chain(Status::SUBMITTED) {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("bewilligt"), None);
    }

    #[test]
    fn the_workflow_allows_exactly_its_steps() {
        use Actor::*;
        use Status::*;
        let authority = [
            (Submitted, InProgress),
            (InProgress, Query),
            (InProgress, Approved),
            (InProgress, Rejected),
            (Query, InProgress),
            (Query, Approved),
            (Query, Rejected),
        ];
        let applicant = [
            (Submitted, Withdrawn),
            (InProgress, Withdrawn),
            (Query, Withdrawn),
            (Query, InProgress),
        ];
        let all = [Draft].into_iter().chain(Status::SUBMITTED);
        for from in all.clone() {
            for to in all.clone() {
                assert_eq!(
                    from.may_become(to, Authority),
                    authority.contains(&(from, to)),
                    "authority {from:?} → {to:?}"
                );
                assert_eq!(
                    from.may_become(to, Applicant),
                    applicant.contains(&(from, to)),
                    "applicant {from:?} → {to:?}"
                );
            }
        }
        // Nothing leaves a final status, and drafts are the applicant's alone.
        for end in [Approved, Rejected, Withdrawn] {
            assert!(end.is_final());
            assert!(end.next(Authority).is_empty() && end.next(Applicant).is_empty());
        }
        assert!(Draft.next(Authority).is_empty());
    }

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
