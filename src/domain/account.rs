//! The Servicekonto: roles, trust levels, the password policy and the account forms.
//!
//! The browser uses these rules for instant feedback; the server runs them again and adds
//! what only it has: the list of common passwords and the stored password hash.

use super::feedback::EmailAddress;
use super::fields::{ErrorCode, FieldErrors, char_len};
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
/// What is left of a password after removing context words must be at least this long.
const PASSWORD_MIN_OWN: usize = 8;

/// What someone may do in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Citizen,
    /// Works for one or more authorities (Sachbearbeitung).
    Caseworker,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Caseworker => "caseworker",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "citizen" => Some(Role::Citizen),
            "caseworker" => Some(Role::Caseworker),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Staff and admins must use a second factor and get the longer idle timeout.
    pub fn is_staff(self) -> bool {
        self != Role::Citizen
    }
}

/// How sure the portal is of who is signed in (after eIDAS/TR-03107 levels): e-mail and
/// password alone are `Basic`; with a second factor `Substantial`. Services can require one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TrustLevel {
    Basic,
    Substantial,
}

impl TrustLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            TrustLevel::Basic => "basic",
            TrustLevel::Substantial => "substantial",
        }
    }

    pub fn parse(value: &str) -> Option<TrustLevel> {
        match value {
            "basic" => Some(TrustLevel::Basic),
            "substantial" => Some(TrustLevel::Substantial),
            _ => None,
        }
    }
}

/// An e-mail address as an account key: trimmed and in lower case, so `Kim@Example.de`
/// and `kim@example.de` are one account.
pub fn account_email(input: &str) -> Result<String, ErrorCode> {
    let address = EmailAddress::parse(input)?;
    Ok(address.as_str().to_lowercase())
}

/// The rules every new password must meet that the browser can check too: 12 to 128
/// characters, no composition rules, and not made of words from its context (the portal,
/// the region, the e-mail address). The server also refuses common passwords.
pub fn check_password(password: &str, context: &[&str]) -> Option<ErrorCode> {
    let length = char_len(password);
    if length == 0 {
        return Some(ErrorCode::Required);
    }
    if length < PASSWORD_MIN {
        return Some(ErrorCode::TooShort);
    }
    if length > PASSWORD_MAX {
        return Some(ErrorCode::TooLong);
    }
    if built_from_context(password, context) {
        return Some(ErrorCode::ContextPassword);
    }
    None
}

/// True when, after taking out every context word, fewer than eight characters remain
/// (`Serviceportal2024!`, `kim.muster123456` for kim.muster@…).
fn built_from_context(password: &str, context: &[&str]) -> bool {
    let mut rest = password.to_lowercase();
    // Each context text whole, without its separators (kim.muster → kimmuster), and its
    // parts of four letters or more.
    let joined = context.iter().map(|c| {
        c.chars()
            .filter(|ch| ch.is_alphanumeric())
            .collect::<String>()
    });
    let mut words: Vec<String> = context
        .iter()
        .flat_map(|c| c.split(|ch: char| !ch.is_alphanumeric()))
        .map(str::to_owned)
        .chain(context.iter().map(|c| (*c).to_owned()))
        .chain(joined)
        .map(|w| w.to_lowercase())
        .filter(|w| char_len(w) >= 4)
        .collect();
    // Longest first, so "serviceportal" goes before "service".
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in &words {
        rest = rest.replace(word.as_str(), "");
    }
    char_len(&rest) < PASSWORD_MIN_OWN && rest != password.to_lowercase()
}

/// The context words of a password: fixed words plus the e-mail's local part and the
/// portal's and region's names.
pub fn password_context<'a>(email: &'a str, site_words: &[&'a str]) -> Vec<&'a str> {
    let local = email.split('@').next().unwrap_or_default();
    let mut words = vec![
        local,
        "passwort",
        "password",
        "kennwort",
        "servicekonto",
        "serviceportal",
    ];
    words.extend_from_slice(site_words);
    words
}

/// A rough strength hint while typing (0 to 4): longer is better, and mixing kinds of
/// characters helps a little. Only a hint; the rules above decide.
pub fn strength_hint(password: &str) -> u8 {
    let length = char_len(password);
    if length < PASSWORD_MIN {
        return 0;
    }
    let kinds = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_numeric()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    let distinct = {
        let mut chars: Vec<char> = password.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars.len()
    };
    if distinct < 5 {
        return 1;
    }
    match (length, kinds) {
        (20.., _) => 4,
        (16.., 2..) => 3,
        (16.., _) | (_, 3..) => 2,
        _ => 1,
    }
}

/// One field of an account form: its `name` in the form and its message stem.
pub type Field = &'static str;

/// Registration: e-mail and password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

impl RegisterForm {
    pub fn check(&self, site_words: &[&str]) -> FieldErrors<Field> {
        let mut errors = FieldErrors::new();
        match account_email(&self.email) {
            Err(_) if self.email.trim().is_empty() => errors.push("email", ErrorCode::Required),
            Err(code) => errors.push("email", code),
            Ok(email) => {
                let context = password_context(&email, site_words);
                if let Some(code) = check_password(&self.password, &context) {
                    errors.push("password", code);
                }
            }
        }
        if errors.get("password").is_none()
            && errors.get("email").is_some()
            && let Some(code) = check_password(&self.password, &password_context("", site_words))
        {
            errors.push("password", code);
        }
        errors
    }
}

/// Sign-in, password reset request and re-authentication: only "is something there".
pub fn require(errors: &mut FieldErrors<Field>, field: Field, value: &str) {
    if value.trim().is_empty() {
        errors.push(field, ErrorCode::Required);
    }
}

/// The e-mail field of sign-in and reset forms: present and plausible.
pub fn check_email_field(errors: &mut FieldErrors<Field>, value: &str) {
    if value.trim().is_empty() {
        errors.push("email", ErrorCode::Required);
    } else if let Err(code) = account_email(value) {
        errors.push("email", code);
    }
}

/// The account forms. The browser checks them while typing and the server checks them
/// again with the same rules (this function), before what only it knows: the list of
/// common passwords, stored password hashes and one-time codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountForm {
    Register,
    ResendConfirmation,
    SignIn,
    SignInCode,
    ForgotPassword,
    /// Asks for a sign-in link (applying with only an e-mail address).
    SignInLink,
    ResetPassword,
    ChangePassword,
    Reauthenticate,
    DeleteAccount,
    /// Deleting an account that has no password (signed in by link shortly before).
    DeleteWithoutPassword,
    Profile,
    ChangeEmail,
    ConfirmAuthenticator,
}

/// What a form's rules need besides the typed values.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormContext<'a> {
    /// The portal's and region's names (no password may be made of them).
    pub site_words: &'a [&'a str],
    /// The signed-in account's address, where there is one.
    pub account_email: &'a str,
    /// `YYYY-MM-DD`, the bound for dates of birth.
    pub today: &'a str,
}

impl AccountForm {
    /// The fields in the order the form shows them (the error summary follows it). A
    /// profile control is named `form[<field>]`, every other control `<field>`.
    pub fn fields(self) -> &'static [Field] {
        match self {
            AccountForm::Register | AccountForm::SignIn => &["email", "password"],
            AccountForm::ResendConfirmation
            | AccountForm::ForgotPassword
            | AccountForm::SignInLink
            | AccountForm::ChangeEmail => &["email"],
            AccountForm::ResetPassword | AccountForm::Reauthenticate => &["password"],
            AccountForm::ChangePassword => &["current", "password"],
            AccountForm::DeleteAccount => &["password", "confirm"],
            AccountForm::DeleteWithoutPassword => &["confirm"],
            AccountForm::Profile => &super::profile::FIELDS,
            AccountForm::SignInCode | AccountForm::ConfirmAuthenticator => &["code"],
        }
    }

    /// Every refused field; `value(field)` is what the field holds ("" when missing).
    pub fn check(self, value: impl Fn(&str) -> String, cx: &FormContext) -> FieldErrors<Field> {
        let mut errors = FieldErrors::new();
        match self {
            AccountForm::Register => {
                let form = RegisterForm {
                    email: value("email"),
                    password: value("password"),
                };
                return form.check(cx.site_words);
            }
            AccountForm::ResendConfirmation
            | AccountForm::ForgotPassword
            | AccountForm::SignInLink
            | AccountForm::ChangeEmail => {
                check_email_field(&mut errors, &value("email"));
                let unchanged = !cx.account_email.is_empty()
                    && account_email(&value("email")).ok().as_deref() == Some(cx.account_email);
                if self == AccountForm::ChangeEmail && unchanged {
                    errors.push("email", ErrorCode::Unchanged);
                }
            }
            AccountForm::SignIn => {
                check_email_field(&mut errors, &value("email"));
                require(&mut errors, "password", &value("password"));
            }
            AccountForm::ResetPassword | AccountForm::ChangePassword => {
                if self == AccountForm::ChangePassword {
                    require(&mut errors, "current", &value("current"));
                }
                let password = value("password");
                let context = password_context(cx.account_email, cx.site_words);
                if let Some(code) = check_password(&password, &context) {
                    errors.push("password", code);
                } else if self == AccountForm::ChangePassword && password == value("current") {
                    errors.push("password", ErrorCode::Unchanged);
                }
            }
            AccountForm::Reauthenticate => require(&mut errors, "password", &value("password")),
            AccountForm::DeleteAccount | AccountForm::DeleteWithoutPassword => {
                if self == AccountForm::DeleteAccount {
                    require(&mut errors, "password", &value("password"));
                }
                if value("confirm") != "ja" {
                    errors.push("confirm", ErrorCode::Required);
                }
            }
            AccountForm::Profile => {
                return super::profile::ProfileForm::from_fn(value).check(cx.today);
            }
            AccountForm::SignInCode | AccountForm::ConfirmAuthenticator => {
                require(&mut errors, "code", &value("code"));
            }
        }
        errors
    }

    /// The control name of `field`.
    pub fn control_name(self, field: &str) -> String {
        if self == AccountForm::Profile {
            format!("form[{field}]")
        } else {
            field.to_owned()
        }
    }
}

/// A lookup of `(name, value)` pairs, as a form sends them, for [`AccountForm::check`].
pub fn form_values<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> String + 'a {
    move |name| {
        pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: [&str; 2] = ["Serviceportal Saarland", "Saarland"];

    #[test]
    fn length_decides_not_composition() {
        assert_eq!(check_password("", &[]), Some(ErrorCode::Required));
        assert_eq!(check_password("kurz", &[]), Some(ErrorCode::TooShort));
        assert_eq!(
            check_password("elf zeichen", &[]),
            Some(ErrorCode::TooShort)
        );
        assert_eq!(check_password("zwölf zeiche", &[]), None, "12 characters");
        assert_eq!(check_password("alles klein und lang", &[]), None);
        assert_eq!(check_password(&"x".repeat(128), &[]), None);
        assert_eq!(
            check_password(&"x".repeat(129), &[]),
            Some(ErrorCode::TooLong)
        );
        // Characters, not bytes: 12 umlauts are 24 bytes and still 12 characters.
        assert_eq!(
            check_password(&"ä".repeat(11), &[]),
            Some(ErrorCode::TooShort)
        );
    }

    #[test]
    fn passwords_built_from_context_words_are_refused() {
        let context = password_context("kim.muster@example.de", &SITE);
        for bad in [
            "Serviceportal2024!",
            "saarland12345",
            "kim.muster123456",
            "KimMuster!!2024",
            "passwort-saarland",
        ] {
            assert_eq!(
                check_password(bad, &context),
                Some(ErrorCode::ContextPassword),
                "{bad}"
            );
        }
        for good in [
            "mein hund heisst bello",
            "saarland ist schön im herbst",
            "Kim läuft gern durch den Wald",
        ] {
            assert_eq!(check_password(good, &context), None, "{good}");
        }
    }

    #[test]
    fn account_emails_are_case_insensitive() {
        assert_eq!(
            account_email(" Kim@Example.DE ").as_deref(),
            Ok("kim@example.de")
        );
        assert_eq!(account_email("kein-at"), Err(ErrorCode::InvalidEmail));
    }

    #[test]
    fn registration_reports_every_field() {
        let form = RegisterForm {
            email: "".into(),
            password: "kurz".into(),
        };
        let errors = form.check(&SITE);
        assert_eq!(errors.get("email"), Some(ErrorCode::Required));
        assert_eq!(errors.get("password"), Some(ErrorCode::TooShort));
        let form = RegisterForm {
            email: "kim@example.de".into(),
            password: "ein langes gutes passwort".into(),
        };
        assert!(form.check(&SITE).is_empty());
    }

    #[test]
    fn the_strength_hint_grows_with_length() {
        assert_eq!(strength_hint("kurz"), 0);
        assert_eq!(strength_hint("aaaaaaaaaaaaaaaa"), 1);
        assert!(strength_hint("ein langer satz als passwort") > strength_hint("abcdefghijkl"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn the_length_rule_holds_for_any_text(password in "\\PC{0,140}") {
                let length = password.chars().count();
                let verdict = check_password(&password, &[]);
                if length == 0 {
                    prop_assert_eq!(verdict, Some(ErrorCode::Required));
                } else if length < PASSWORD_MIN {
                    prop_assert_eq!(verdict, Some(ErrorCode::TooShort));
                } else if length > PASSWORD_MAX {
                    prop_assert_eq!(verdict, Some(ErrorCode::TooLong));
                } else {
                    prop_assert_eq!(verdict, None);
                }
            }

            #[test]
            fn context_words_alone_never_make_a_password(
                words in proptest::collection::vec("[a-z]{4,10}", 1..4),
                digits in "[0-9!?]{0,7}",
            ) {
                let password = format!("{}{digits}", words.concat());
                let context: Vec<&str> = words.iter().map(String::as_str).collect();
                prop_assert_ne!(check_password(&password, &context), None);
            }
        }
    }
}
