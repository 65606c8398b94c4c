//! The service catalogue: services (Leistungen), authorities (Behörden) and life
//! situations (Lebenslagen).

use serde::{Deserialize, Serialize};

/// Which level of administration handles a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ServiceLevel {
    Land,
    Kreis,
    Gemeinde,
}

impl ServiceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceLevel::Land => "land",
            ServiceLevel::Kreis => "kreis",
            ServiceLevel::Gemeinde => "gemeinde",
        }
    }
}

/// Whether and where a service can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Online {
    /// Only in person or by post.
    None,
    /// With an online form of this portal.
    Portal,
    /// With another official online service.
    External,
}

impl Online {
    pub fn as_str(self) -> &'static str {
        match self {
            Online::None => "none",
            Online::Portal => "portal",
            Online::External => "external",
        }
    }
}

/// Life situations (Lebenslagen) group services the way people think of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LifeSituation {
    Umzug,
    Geburt,
    Heirat,
    Todesfall,
    AutoUndVerkehr,
    ArbeitUndGewerbe,
    BauenUndWohnen,
    Soziales,
    Tiere,
    AusweiseUndDokumente,
    FamilieUndKinder,
    Wahlen,
    Freizeit,
    Migration,
}

impl LifeSituation {
    pub const ALL: [LifeSituation; 14] = [
        Self::Umzug,
        Self::Geburt,
        Self::Heirat,
        Self::Todesfall,
        Self::AutoUndVerkehr,
        Self::ArbeitUndGewerbe,
        Self::BauenUndWohnen,
        Self::Soziales,
        Self::Tiere,
        Self::AusweiseUndDokumente,
        Self::FamilieUndKinder,
        Self::Wahlen,
        Self::Freizeit,
        Self::Migration,
    ];

    /// The URL slug (`/lebenslagen/<slug>`) and the stem of its message ids.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Umzug => "umzug",
            Self::Geburt => "geburt",
            Self::Heirat => "heirat",
            Self::Todesfall => "todesfall",
            Self::AutoUndVerkehr => "auto-und-verkehr",
            Self::ArbeitUndGewerbe => "arbeit-und-gewerbe",
            Self::BauenUndWohnen => "bauen-und-wohnen",
            Self::Soziales => "soziales",
            Self::Tiere => "tiere",
            Self::AusweiseUndDokumente => "ausweise-und-dokumente",
            Self::FamilieUndKinder => "familie-und-kinder",
            Self::Wahlen => "wahlen",
            Self::Freizeit => "freizeit",
            Self::Migration => "migration",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LifeSituation> {
        Self::ALL.into_iter().find(|l| l.slug() == slug)
    }
}

/// A service as the catalogue describes it (texts in German).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub slug: String,
    #[serde(default)]
    pub leika: Option<String>,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub who: String,
    pub documents: Vec<String>,
    pub fees: String,
    pub duration: String,
    pub legal_basis: Vec<String>,
    pub level: ServiceLevel,
    /// The kind of authority that handles it at its level (`rathaus`, `strassenverkehrsamt`, …).
    pub authority: String,
    pub life_situations: Vec<LifeSituation>,
    pub synonyms: Vec<String>,
    pub online: Online,
    #[serde(default)]
    pub online_url: Option<String>,
    /// Place on the start page's "frequently used" list (1 first); none for the others.
    /// Set by the operator, for example from the portal's statistics.
    #[serde(default)]
    pub popular: Option<u16>,
}

/// What a list of services shows of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ServiceSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub online: Online,
    /// The responsible authority, where the list is for one place.
    pub authority: Option<String>,
}

/// An authority (Behörde) and how to reach it. Contact details are optional: the demo data
/// only has what has been verified.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Authority {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub region_ags: String,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Opening hours as the authority publishes them.
    pub opening_hours: Option<String>,
    /// How accessible the building is (step-free entrance, lift, accessible toilet, …).
    pub accessibility: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn life_situation_slugs_round_trip() {
        for l in LifeSituation::ALL {
            assert_eq!(LifeSituation::from_slug(l.slug()), Some(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.slug()));
        }
        assert_eq!(LifeSituation::from_slug("unbekannt"), None);
    }
}
