//! The portal's languages and how one is chosen for a request.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    De,
    En,
    Fr,
}

/// The cookie that remembers the language someone picked.
pub const LOCALE_COOKIE: &str = "sprache";

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::De, Locale::En, Locale::Fr];

    /// The BCP 47 tag used in `lang` attributes, cookies and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, shown in the switcher in that language.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::De => "Deutsch",
            Locale::En => "English",
            Locale::Fr => "Français",
        }
    }

    /// Accepts a language tag (`de`, `en-GB`, `FR-ch`) by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    /// Chooses the language: the remembered choice first, then the browser's
    /// `Accept-Language` preferences by weight, then the portal's default.
    pub fn negotiate(
        cookie: Option<&str>,
        accept_language: Option<&str>,
        default: Locale,
    ) -> Locale {
        if let Some(locale) = cookie.and_then(Locale::from_tag) {
            return locale;
        }
        accept_language.and_then(best_accepted).unwrap_or(default)
    }
}

/// The highest-weighted supported language of an `Accept-Language` header; ties keep the
/// header's order. Entries with `q=0` mean "not this one".
fn best_accepted(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for entry in header.split(',').take(32) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        if weight <= 0.0 {
            continue;
        }
        if let Some(locale) = Locale::from_tag(tag)
            && best.is_none_or(|(_, w)| weight > w)
        {
            best = Some((locale, weight));
        }
    }
    best.map(|(locale, _)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_remembered_choice_wins() {
        assert_eq!(
            Locale::negotiate(Some("fr"), Some("en"), Locale::De),
            Locale::Fr
        );
    }

    #[test]
    fn an_unknown_cookie_falls_back_to_the_browser() {
        assert_eq!(
            Locale::negotiate(Some("tlh"), Some("en-GB,en;q=0.9"), Locale::De),
            Locale::En
        );
    }

    #[test]
    fn weights_decide_not_order() {
        assert_eq!(
            best_accepted("it;q=1, en;q=0.5, fr;q=0.8"),
            Some(Locale::Fr)
        );
        assert_eq!(
            best_accepted("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"),
            Some(Locale::Fr)
        );
    }

    #[test]
    fn zero_weight_means_not_wanted() {
        assert_eq!(best_accepted("en;q=0, de;q=0.1"), Some(Locale::De));
        assert_eq!(best_accepted("en;q=0"), None);
    }

    #[test]
    fn nothing_supported_gives_the_default() {
        assert_eq!(
            Locale::negotiate(None, Some("pl, it"), Locale::De),
            Locale::De
        );
        assert_eq!(Locale::negotiate(None, None, Locale::En), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some(";;,,q=x"), Locale::De),
            Locale::De
        );
    }
}
