//! Facts about one deployment that pages show: who runs it, whom to contact.
//! Read from `Leptos.toml` (another Land brings its own), shown in the Impressum, the
//! privacy notice and the accessibility statement.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operator {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub email: String,
    pub phone: String,
    pub represented_by: String,
    pub data_protection_officer: String,
    pub data_protection_email: String,
    pub supervisory_authority: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityContact {
    /// ISO date (YYYY-MM-DD) the statement was last reviewed.
    pub statement_date: String,
    /// Who receives feedback and answers it.
    pub contact_email: String,
    pub contact_phone: String,
    /// The enforcement body (Schlichtungs- bzw. Durchsetzungsstelle) of the Land.
    pub enforcement_name: String,
    pub enforcement_address: String,
    pub enforcement_email: String,
    pub enforcement_url: String,
}

/// Everything about the deployment a page may show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub name: String,
    pub short_name: String,
    pub region_name: String,
    pub base_url: String,
    pub operator: Operator,
    pub accessibility: AccessibilityContact,
}
