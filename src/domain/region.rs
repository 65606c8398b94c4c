//! Regions by their official key (Amtlicher Gemeindeschlüssel, AGS): a Land has two
//! digits, a Kreis five (Land, Regierungsbezirk, Kreis), a Gemeinde eight. The key alone
//! tells the kind and the parent, for every Land alike.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The cookie (and query parameter) that remembers a person's Gemeinde ("Mein Ort").
pub const PLACE_COOKIE: &str = "ort";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    Land,
    Kreis,
    Gemeinde,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Land => "land",
            RegionKind::Kreis => "kreis",
            RegionKind::Gemeinde => "gemeinde",
        }
    }

    pub fn parse(s: &str) -> Option<RegionKind> {
        [RegionKind::Land, RegionKind::Kreis, RegionKind::Gemeinde]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A valid official key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ags(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an official key (AGS) has 2, 5 or 8 digits")]
pub struct InvalidAgs;

impl Ags {
    pub fn parse(s: &str) -> Result<Ags, InvalidAgs> {
        let s = s.trim();
        if matches!(s.len(), 2 | 5 | 8) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Ags(s.to_owned()))
        } else {
            Err(InvalidAgs)
        }
    }

    pub fn kind(&self) -> RegionKind {
        match self.0.len() {
            2 => RegionKind::Land,
            5 => RegionKind::Kreis,
            _ => RegionKind::Gemeinde,
        }
    }

    /// The Kreis of a Gemeinde, the Land of a Kreis; a Land has none.
    pub fn parent(&self) -> Option<Ags> {
        match self.kind() {
            RegionKind::Land => None,
            RegionKind::Kreis => Some(Ags(self.0[..2].to_owned())),
            RegionKind::Gemeinde => Some(Ags(self.0[..5].to_owned())),
        }
    }

    /// True if `self` is `other` or lies within it.
    pub fn is_within(&self, other: &Ags) -> bool {
        self.0.starts_with(&other.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Ags {
    type Error = InvalidAgs;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Ags::parse(&value)
    }
}

impl From<Ags> for String {
    fn from(value: Ags) -> Self {
        value.0
    }
}

impl fmt::Display for Ags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub ags: Ags,
    pub name: String,
}

impl Region {
    pub fn kind(&self) -> RegionKind {
        self.ags.kind()
    }
}

/// A Gemeinde found by name or postcode, with its Kreis (names repeat across Kreise) and the
/// postcodes that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMatch {
    pub gemeinde: Region,
    pub kreis: String,
    pub postcodes: Vec<String>,
}

/// What a place query asks for: a postcode (prefix) when it is only digits, else a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceQuery {
    /// One to five digits.
    Postcode(String),
    /// A name or part of one, normalized for comparison.
    Name(String),
}

impl PlaceQuery {
    /// `None` for an empty query or one with more than five digits.
    pub fn parse(input: &str) -> Option<PlaceQuery> {
        let input = input.trim();
        if !input.is_empty() && input.bytes().all(|b| b.is_ascii_digit()) {
            return (input.len() <= 5).then(|| PlaceQuery::Postcode(input.to_owned()));
        }
        let name = crate::domain::search::normalize(input);
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        (!name.is_empty()).then_some(PlaceQuery::Name(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_query_is_a_postcode_or_a_name() {
        assert_eq!(
            PlaceQuery::parse(" 661 "),
            Some(PlaceQuery::Postcode("661".into()))
        );
        assert_eq!(PlaceQuery::parse("661234"), None);
        assert_eq!(
            PlaceQuery::parse("St. Ingbert"),
            Some(PlaceQuery::Name("st ingbert".into()))
        );
        assert_eq!(
            PlaceQuery::parse("Völklingen"),
            Some(PlaceQuery::Name("voelklingen".into()))
        );
        assert_eq!(PlaceQuery::parse("  "), None);
        assert_eq!(PlaceQuery::parse("--"), None);
    }

    #[test]
    fn the_key_tells_kind_and_parent() {
        let saarbruecken = Ags::parse("10041100").unwrap();
        assert_eq!(saarbruecken.kind(), RegionKind::Gemeinde);
        let kreis = saarbruecken.parent().unwrap();
        assert_eq!(kreis.as_str(), "10041");
        assert_eq!(kreis.kind(), RegionKind::Kreis);
        let land = kreis.parent().unwrap();
        assert_eq!((land.as_str(), land.kind()), ("10", RegionKind::Land));
        assert_eq!(land.parent(), None);
        assert!(saarbruecken.is_within(&land) && saarbruecken.is_within(&kreis));
        assert!(!kreis.is_within(&saarbruecken));
    }

    #[test]
    fn malformed_keys_are_refused() {
        for bad in [
            "",
            "1",
            "100",
            "1004",
            "100411",
            "1004110",
            "100411000",
            "10a41",
            "１０",
        ] {
            assert_eq!(Ags::parse(bad), Err(InvalidAgs), "{bad:?}");
        }
        assert!(Ags::parse(" 10046 ").is_ok());
    }
}
