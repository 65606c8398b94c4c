//! The portal's settings: `Leptos.toml`, then environment variables on top.
//!
//! Every key can be overridden as `PORTAL_<SECTION>__<KEY>` (for example
//! `PORTAL_SERVER__LISTEN=0.0.0.0:8080`); `DATABASE_URL` is honoured as well. Secrets are
//! never written into the file: it names where they are (`env:NAME` or `file:/path`), and
//! they are read at start-up into values that never print.

use crate::domain::locale::Locale;
use crate::domain::site::{AccessibilityContact, Operator, SiteInfo};
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::SecretString;
use serde::Deserialize;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub site: SiteConfig,
    #[serde(default)]
    pub server: ServerConfig,
    #[serde(default)]
    pub database: DatabaseConfig,
    #[serde(default)]
    pub mail: MailConfig,
    #[serde(default)]
    pub accounts: AccountsConfig,
    #[serde(default)]
    pub applications: ApplicationsConfig,
    #[serde(default)]
    pub backoffice: BackofficeConfig,
    #[serde(default)]
    pub objects: ObjectsConfig,
    pub operator: Operator,
    pub accessibility: AccessibilityContact,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Shown in the header, the title of every page and the web app manifest.
    pub name: String,
    /// Short name for the home screen icon.
    pub short_name: String,
    /// The public address people use, without a trailing slash (`https://…` in production:
    /// it turns on HSTS and `__Host-` cookies).
    pub base_url: String,
    #[serde(default)]
    pub default_locale: Locale,
    /// The Land this deployment serves; the catalogue and texts refer to it.
    pub region_name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// Where the build put the static site (`pkg/`, icons, fonts).
    pub site_root: PathBuf,
    /// Folder for the SQLite database and, later, uploads.
    pub data_dir: PathBuf,
    pub migrate_on_start: bool,
    pub request_timeout_secs: u64,
    pub header_read_timeout_secs: u64,
    /// Largest request body of any form or server function.
    pub body_limit_bytes: usize,
    /// Requests handled at once; more are refused with 503 instead of queueing forever.
    pub max_concurrent_requests: usize,
    /// `pretty` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// Reverse proxies whose `X-Forwarded-For` is believed (for rate limits and the audit
    /// log); everyone else is known by the connection's address.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: PathBuf::from("target/site"),
            data_dir: PathBuf::from("data"),
            migrate_on_start: true,
            request_timeout_secs: 30,
            header_read_timeout_secs: 10,
            body_limit_bytes: 128 * 1024,
            max_concurrent_requests: 512,
            log_format: LogFormat::Pretty,
            trusted_proxies: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://data/serviceportal.db` (default) or `postgres://user@host/db`.
    pub url: String,
    pub max_connections: u32,
    pub acquire_timeout_secs: u64,
    /// Reference to the database password when it is not part of the URL.
    pub password: Option<SecretRef>,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self {
            url: "sqlite://data/serviceportal.db".into(),
            max_connections: 8,
            acquire_timeout_secs: 5,
            password: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// Sender of every mail the portal sends.
    pub from: String,
    /// `smtps://host:465`, `smtp://host:587` (STARTTLS) or empty for "log only" in development.
    pub smtp_url: String,
    pub smtp_user: Option<String>,
    pub smtp_password: Option<SecretRef>,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            from: "Serviceportal <noreply@localhost>".into(),
            smtp_url: String::new(),
            smtp_user: None,
            smtp_password: None,
        }
    }
}

/// The Servicekonto: session lifetimes, token lifetimes and password hashing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccountsConfig {
    /// Sessions end after this long without a request: citizens, and staff (caseworkers,
    /// admins).
    pub idle_timeout_secs: i64,
    pub staff_idle_timeout_secs: i64,
    /// …and after this long in any case.
    pub absolute_timeout_secs: i64,
    /// Changing e-mail, password, second factors or deleting the account needs the password
    /// entered within this time.
    pub reauthentication_secs: i64,
    pub verify_link_secs: i64,
    pub reset_link_secs: i64,
    /// Links that sign in an account without a password (applying with only an e-mail
    /// address).
    pub sign_in_link_secs: i64,
    /// An account whose address is not confirmed this many days after it was made is
    /// removed (with its tokens), so the address can register afresh and nothing is kept
    /// about someone who never became a user.
    pub unconfirmed_days: i64,
    /// Secret mixed into every password hash (`env:NAME` or `file:/path`). Without it the
    /// portal keeps a random one in `<data_dir>/pepper`, created on first start.
    pub pepper: Option<SecretRef>,
    /// Argon2id cost: memory in KiB and passes (parallelism is 1).
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    /// Password hashes computed at once; 0 means one per CPU core.
    pub hashing_concurrency: usize,
    /// Sign-in posts one address may send per minute (then 429).
    pub sign_ins_per_ip_minute: i64,
    /// Mails (registration, reset, resend) one address may ask for per hour.
    pub mails_per_ip_hour: i64,
}

impl Default for AccountsConfig {
    fn default() -> Self {
        Self {
            idle_timeout_secs: 15 * 60,
            staff_idle_timeout_secs: 30 * 60,
            absolute_timeout_secs: 12 * 3600,
            reauthentication_secs: 10 * 60,
            verify_link_secs: 24 * 3600,
            reset_link_secs: 30 * 60,
            sign_in_link_secs: 30 * 60,
            unconfirmed_days: 7,
            pepper: None,
            argon2_memory_kib: 19 * 1024,
            argon2_iterations: 2,
            hashing_concurrency: 0,
            sign_ins_per_ip_minute: 20,
            mails_per_ip_hour: 10,
        }
    }
}

/// The authorities' back office.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackofficeConfig {
    /// A case not decided this many days after submission counts as overdue.
    pub overdue_days: i64,
    /// How long a specialist system's webhook may take to answer.
    pub webhook_timeout_secs: u64,
}

impl Default for BackofficeConfig {
    fn default() -> Self {
        Self {
            overdue_days: 30,
            webhook_timeout_secs: 10,
        }
    }
}

/// Online applications: reference numbers and how long drafts are kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApplicationsConfig {
    /// Before the year and number of every reference (`SL-2026-000042`): 1–5 capital
    /// letters, the Land's code.
    pub reference_prefix: String,
    /// A draft not touched for this many days is deleted…
    pub draft_days: i64,
    /// …after a reminder this many days before (signed-in applicants, by e-mail).
    pub draft_reminder_days: i64,
    /// Attachments: the largest file, and the most files and bytes of one application.
    pub max_file_bytes: usize,
    pub max_files: usize,
    pub max_total_bytes: usize,
}

impl Default for ApplicationsConfig {
    fn default() -> Self {
        Self {
            reference_prefix: "SL".into(),
            draft_days: 30,
            draft_reminder_days: 7,
            max_file_bytes: 10 * 1024 * 1024,
            max_files: 20,
            max_total_bytes: 50 * 1024 * 1024,
        }
    }
}

/// Where uploaded files are kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    /// A directory (`path`, default `<data_dir>/objects`).
    #[default]
    Local,
    /// An S3-compatible bucket.
    S3,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ObjectsConfig {
    pub kind: StoreKind,
    pub path: Option<PathBuf>,
    pub bucket: Option<String>,
    pub region: Option<String>,
    /// For S3-compatible services other than AWS (`https://s3.example.org`).
    pub endpoint: Option<String>,
    pub access_key_id: Option<SecretRef>,
    pub secret_access_key: Option<SecretRef>,
    /// Only for a local test service without TLS.
    pub allow_http: bool,
}

/// Where a secret lives: `env:NAME` or `file:/path`. The value itself never appears in the
/// settings file or the logs.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum SecretRef {
    Env(String),
    File(PathBuf),
}

impl TryFrom<String> for SecretRef {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        if let Some(name) = value.strip_prefix("env:").filter(|n| !n.is_empty()) {
            Ok(SecretRef::Env(name.to_owned()))
        } else if let Some(path) = value.strip_prefix("file:").filter(|p| !p.is_empty()) {
            Ok(SecretRef::File(PathBuf::from(path)))
        } else {
            Err("a secret must be given by reference: `env:NAME` or `file:/path`".into())
        }
    }
}

impl fmt::Debug for SecretRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretRef::Env(name) => write!(f, "env:{name}"),
            SecretRef::File(path) => write!(f, "file:{}", path.display()),
        }
    }
}

impl SecretRef {
    /// Reads the secret; `key` names the setting in the error.
    pub fn resolve(&self, key: &str) -> Result<SecretString, ConfigError> {
        let value = match self {
            SecretRef::Env(name) => std::env::var(name).map_err(|_| {
                ConfigError::Invalid(
                    key.into(),
                    format!("environment variable {name} is not set"),
                )
            })?,
            SecretRef::File(path) => std::fs::read_to_string(path)
                .map_err(|e| {
                    ConfigError::Invalid(key.into(), format!("cannot read {}: {e}", path.display()))
                })?
                .trim_end_matches(['\r', '\n'])
                .to_owned(),
        };
        Ok(SecretString::from(value))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("settings: {0}")]
    Load(#[from] Box<figment::Error>),
    #[error("settings: `{0}`: {1}")]
    Invalid(String, String),
}

impl Config {
    /// Reads `path` (if it exists) and the environment.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        Self::from_figment(
            Figment::new()
                .merge(Toml::file(path))
                .merge(Env::prefixed("PORTAL_").split("__"))
                .merge(
                    Env::raw()
                        .only(&["DATABASE_URL"])
                        .map(|_| "database.url".into()),
                ),
        )
    }

    pub fn from_figment(figment: Figment) -> Result<Config, ConfigError> {
        let config: Config = figment.extract().map_err(Box::new)?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key: &str, why: &str| Err(ConfigError::Invalid(key.into(), why.into()));
        let base = &self.site.base_url;
        let uri: http::Uri = base
            .parse()
            .map_err(|_| ConfigError::Invalid("site.base_url".into(), "not a URL".into()))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return invalid("site.base_url", "must be an http:// or https:// URL");
        }
        if base.ends_with('/') || uri.path_and_query().is_some_and(|p| p.as_str() != "/") {
            return invalid(
                "site.base_url",
                "must be scheme and host only, without a trailing slash",
            );
        }
        if self.site.name.trim().is_empty() {
            return invalid("site.name", "must not be empty");
        }
        if !(self.database.url.starts_with("sqlite:") || self.database.url.starts_with("postgres"))
        {
            return invalid("database.url", "must start with sqlite: or postgres://");
        }
        let smtp = &self.mail.smtp_url;
        if !(smtp.is_empty() || smtp.starts_with("smtp://") || smtp.starts_with("smtps://")) {
            return invalid(
                "mail.smtp_url",
                "must be empty (log only), smtp://… or smtps://…",
            );
        }
        if self.database.max_connections == 0 {
            return invalid("database.max_connections", "must be at least 1");
        }
        if self.server.body_limit_bytes < 1024 {
            return invalid("server.body_limit_bytes", "must be at least 1024");
        }
        if self.server.request_timeout_secs == 0 || self.server.header_read_timeout_secs == 0 {
            return invalid(
                "server.request_timeout_secs",
                "timeouts must be at least one second",
            );
        }
        if self.server.max_concurrent_requests == 0 {
            return invalid("server.max_concurrent_requests", "must be at least 1");
        }
        let prefix = &self.applications.reference_prefix;
        if !(1..=5).contains(&prefix.len()) || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
            return invalid(
                "applications.reference_prefix",
                "1 to 5 capital letters A-Z",
            );
        }
        let drafts = &self.applications;
        if drafts.draft_days < 1 || !(0..drafts.draft_days).contains(&drafts.draft_reminder_days) {
            return invalid(
                "applications.draft_days",
                "at least 1, and draft_reminder_days between 0 and draft_days - 1",
            );
        }
        if drafts.max_file_bytes < 1024
            || drafts.max_files == 0
            || drafts.max_total_bytes < drafts.max_file_bytes
        {
            return invalid(
                "applications.max_file_bytes",
                "files of at least 1 KiB, at least one file, and max_total_bytes at least max_file_bytes",
            );
        }
        if self.objects.kind == StoreKind::S3
            && self.objects.bucket.as_deref().is_none_or(str::is_empty)
        {
            return invalid("objects.bucket", "needed for kind = \"s3\"");
        }
        let accounts = &self.accounts;
        if accounts.argon2_memory_kib < 19 * 1024 || accounts.argon2_iterations < 2 {
            return invalid(
                "accounts.argon2_memory_kib",
                "Argon2id needs at least 19456 KiB and 2 iterations (OWASP)",
            );
        }
        if [
            accounts.idle_timeout_secs,
            accounts.staff_idle_timeout_secs,
            accounts.absolute_timeout_secs,
            accounts.reauthentication_secs,
            accounts.verify_link_secs,
            accounts.reset_link_secs,
            accounts.sign_in_link_secs,
        ]
        .iter()
        .any(|secs| *secs < 60)
        {
            return invalid(
                "accounts",
                "timeouts and link lifetimes must be at least 60 s",
            );
        }
        let link_secs = accounts.verify_link_secs.max(accounts.sign_in_link_secs);
        if accounts.unconfirmed_days < 1 || accounts.unconfirmed_days * 86_400 < link_secs {
            return invalid(
                "accounts.unconfirmed_days",
                "at least 1, and no shorter than verify_link_secs and sign_in_link_secs",
            );
        }
        if !(1..=3650).contains(&self.backoffice.overdue_days) {
            return invalid("backoffice.overdue_days", "must be 1 to 3650 days");
        }
        if !(1..=120).contains(&self.backoffice.webhook_timeout_secs) {
            return invalid(
                "backoffice.webhook_timeout_secs",
                "must be 1 to 120 seconds",
            );
        }
        if !is_iso_date(&self.accessibility.statement_date) {
            return invalid(
                "accessibility.statement_date",
                "must be a date like 2026-11-29",
            );
        }
        Ok(())
    }

    /// True when people reach the portal over HTTPS (HSTS, `Secure` and `__Host-` cookies).
    pub fn is_https(&self) -> bool {
        self.site.base_url.starts_with("https://")
    }

    /// What pages may show about this deployment.
    pub fn site_info(&self) -> SiteInfo {
        SiteInfo {
            name: self.site.name.clone(),
            short_name: self.site.short_name.clone(),
            region_name: self.site.region_name.clone(),
            base_url: self.site.base_url.clone(),
            operator: self.operator.clone(),
            accessibility: self.accessibility.clone(),
        }
    }

    /// The origin (`scheme://host[:port]`) that browsers send in `Origin` headers.
    pub fn origin(&self) -> &str {
        &self.site.base_url
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::providers::Serialized;

    const MINIMAL: &str = include_str!("../../Leptos.toml");

    fn load(extra: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut figment = Figment::new().merge(Toml::string(MINIMAL));
        for (key, value) in extra {
            figment = figment.merge(Serialized::default(key, value));
        }
        Config::from_figment(figment)
    }

    #[test]
    fn the_shipped_settings_are_valid() {
        let config = load(&[]).expect("Leptos.toml");
        assert_eq!(config.site.default_locale, Locale::De);
        assert!(config.database.url.starts_with("sqlite:"));
    }

    #[test]
    fn invalid_settings_name_their_key() {
        let err = load(&[("site.base_url", "ftp://example.org")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("site.base_url"), "{err}");
        let err = load(&[("server.listen", "not an address")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("listen"), "{err}");
        let err = load(&[("mail.smtp_url", "http://mail")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("mail.smtp_url"), "{err}");
        let err = load(&[("accessibility.statement_date", "gestern")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("accessibility.statement_date"), "{err}");
        let figment = Figment::new()
            .merge(Toml::string(MINIMAL))
            .merge(Serialized::default("accounts.unconfirmed_days", 0));
        let err = Config::from_figment(figment).unwrap_err().to_string();
        assert!(err.contains("accounts.unconfirmed_days"), "{err}");
        assert!(err.contains("no shorter than verify_link_secs"), "{err}");
    }

    #[test]
    fn secrets_must_be_references_and_never_print() {
        let err = load(&[("mail.smtp_password", "hunter2hunter2")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("reference"), "{err}");
        assert!(
            !err.contains("hunter2"),
            "the secret leaked into the error: {err}"
        );

        let reference = SecretRef::try_from("env:PORTAL_TEST_SECRET_NEVER_SET".to_owned()).unwrap();
        let err = reference
            .resolve("mail.smtp_password")
            .unwrap_err()
            .to_string();
        assert!(err.contains("mail.smtp_password"));

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        std::fs::write(&path, "s3cr3t-value\n").unwrap();
        let secret = SecretRef::File(path).resolve("mail.smtp_password").unwrap();
        assert_eq!(
            secrecy::ExposeSecret::expose_secret(&secret),
            "s3cr3t-value"
        );
        assert!(!format!("{secret:?}").contains("s3cr3t"));
    }
}

#[cfg(test)]
mod env_tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail decides the closure's error type
    fn environment_variables_override_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("Leptos.toml", include_str!("../../Leptos.toml"))?;
            jail.set_env("PORTAL_SERVER__LISTEN", "0.0.0.0:8080");
            jail.set_env("PORTAL_SITE__NAME", "Serviceportal Musterland");
            jail.set_env("DATABASE_URL", "postgres://portal@localhost/portal");
            let config = Config::load(Path::new("Leptos.toml")).map_err(|e| e.to_string())?;
            assert_eq!(config.server.listen.port(), 8080);
            assert_eq!(config.site.name, "Serviceportal Musterland");
            assert_eq!(config.database.url, "postgres://portal@localhost/portal");
            Ok(())
        });
    }
}
