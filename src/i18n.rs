//! Localized text. Every UI string lives in `locales/<lang>/*.ftl` (Project Fluent), embedded
//! at compile time by `fluent-templates`.
//!
//! Pages render on the server, so lookups happen there; islands receive the strings they need
//! as props and never carry the message tables into the browser.

use crate::domain::locale::Locale;
use fluent_templates::{LanguageIdentifier, Loader, fluent_bundle::FluentValue, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Bidi isolation marks around arguments confuse screen readers and tests alike.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(locale: Locale) -> LanguageIdentifier {
    // The tags are constants known to be valid; the default is only a formality.
    locale.as_str().parse().unwrap_or_default()
}

/// The message `key` in `locale`, falling back to German, then to the key itself
/// (a test makes sure the last never happens).
pub fn text(locale: Locale, key: &str) -> String {
    LOCALES
        .try_lookup(&language(locale), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in `locale` (or German), if there is one.
pub fn lookup(locale: Locale, key: &str) -> Option<String> {
    LOCALES.try_lookup(&language(locale), key)
}

/// Like [`text`], with named arguments (`{ $name }` in the message).
pub fn text_with(locale: Locale, key: &str, args: &[(&'static str, String)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| {
            // Whole numbers go in as numbers, so Fluent can choose plural forms.
            let value = match value.parse::<i64>() {
                Ok(number) => FluentValue::from(number),
                Err(_) => FluentValue::from(value.as_str()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(&language(locale), key, &args)
        .unwrap_or_else(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn keys_of(locale: Locale) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale.as_str());
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).expect("locale folder") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl file");
            for line in text.lines() {
                let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase());
                if let (true, Some((key, _))) = (starts_message, line.split_once(" =")) {
                    assert!(
                        keys.insert(key.trim().to_owned()),
                        "{key} twice in {locale:?}"
                    );
                }
            }
        }
        keys
    }

    #[test]
    fn every_language_has_the_same_messages() {
        let german = keys_of(Locale::De);
        assert!(german.len() > 50, "German messages were not found");
        for locale in [Locale::En, Locale::Fr] {
            let other = keys_of(locale);
            let missing: Vec<_> = german.difference(&other).collect();
            let extra: Vec<_> = other.difference(&german).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{locale:?}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let german = keys_of(Locale::De);
        let mut used = BTreeSet::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        collect_used_keys(&src, &mut used);
        assert!(used.len() > 20, "no message keys found in the code");
        let missing: Vec<_> = used.difference(&german).collect();
        assert!(missing.is_empty(), "used but not defined: {missing:?}");
    }

    /// Finds the literal keys passed to `t("…")`, `text(…, "…")` and `text_with(…, "…")`.
    fn collect_used_keys(dir: &Path, used: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                collect_used_keys(&path, used);
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("source file");
            for marker in ["t(\"", "text(locale, \"", "text_with(locale, \""] {
                let mut pieces = code.split(marker);
                let mut before = pieces.next().unwrap_or_default();
                for piece in pieces {
                    // `t("` only as a call of its own, not the end of `get("` or `.t("`.
                    let standalone =
                        !before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.');
                    let key = piece
                        .split_once('"')
                        .map(|(key, _)| key)
                        .unwrap_or_default();
                    let looks_like_key = key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit());
                    if standalone && !key.is_empty() && looks_like_key {
                        used.insert(key.to_owned());
                    }
                    before = piece;
                }
            }
        }
    }

    #[test]
    fn lookups_are_localized_and_fill_arguments() {
        assert_eq!(text(Locale::De, "lang-name"), "Deutsch");
        assert_eq!(text(Locale::Fr, "lang-name"), "Français");
        let title = text_with(
            Locale::En,
            "title-error-prefix",
            &[("title", "Form".into())],
        );
        assert_eq!(title, "Error: Form");
    }
}
