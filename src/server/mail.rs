//! Mail: localized messages (plain text and HTML) written to a queue in the database, and
//! a worker that delivers them over SMTP with retries.
//!
//! Requests only enqueue, so answering never waits for (or reveals anything through) the
//! mail server. Without `mail.smtp_url` (development) nothing is sent: the queue is the
//! outbox, shown at `/dev/mail` when the portal runs on a loopback address.

use crate::domain::locale::Locale;
use crate::i18n::text_with;
use crate::server::clock::Timestamp;
use crate::server::config::Config;
use crate::server::state::AppState;
use crate::server::storage::mail::{self as queue, NewMail, QueuedMail};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use std::time::Duration;

/// The mails the portal sends. Each has `mail-<id>-subject` and `mail-<id>-body` in the
/// locale files; the body's paragraphs are separated by blank lines, and a paragraph that
/// is exactly `{ $link }` becomes a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mail {
    /// Confirm the address of a new account.
    Verify {
        link: String,
    },
    /// Someone registered with an address that already has an account.
    AlreadyRegistered {
        sign_in: String,
        reset: String,
    },
    /// A link that signs in an account without a password (applying with only an e-mail
    /// address).
    SignInLink {
        link: String,
    },
    /// A sign-in link was asked for an address whose account has a password: it signs in
    /// with that instead.
    SignInLinkHasPassword {
        sign_in: String,
        reset: String,
    },
    /// A password reset link.
    Reset {
        link: String,
    },
    /// A reset was asked for an address without an account.
    ResetUnknown {
        register: String,
    },
    /// Confirm a new address (sent to the new one).
    EmailChange {
        link: String,
    },
    /// The address was changed (sent to the old one).
    EmailChanged {
        new_email: String,
    },
    PasswordChanged,
    AccountDeleted,
    /// A draft will be deleted soon unless it is continued.
    DraftReminder {
        service: String,
        until: String,
        link: String,
    },
    /// A message of the authority waits in the Postfach (never its content).
    NewMessage {
        reference: String,
        link: String,
    },
    /// An application arrived (no answers in the mail: they stay in the portal).
    ApplicationSubmitted {
        service: String,
        reference: String,
        authority: String,
        link: String,
    },
}

impl Mail {
    fn id(&self) -> &'static str {
        match self {
            Mail::Verify { .. } => "verify",
            Mail::AlreadyRegistered { .. } => "already-registered",
            Mail::SignInLink { .. } => "sign-in-link",
            Mail::SignInLinkHasPassword { .. } => "sign-in-link-password",
            Mail::Reset { .. } => "reset",
            Mail::ResetUnknown { .. } => "reset-unknown",
            Mail::EmailChange { .. } => "email-change",
            Mail::EmailChanged { .. } => "email-changed",
            Mail::PasswordChanged => "password-changed",
            Mail::AccountDeleted => "account-deleted",
            Mail::ApplicationSubmitted { .. } => "application-submitted",
            Mail::DraftReminder { .. } => "draft-reminder",
            Mail::NewMessage { .. } => "new-message",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Mail::Verify { link }
            | Mail::Reset { link }
            | Mail::EmailChange { link }
            | Mail::SignInLink { link } => {
                vec![("link", link.clone())]
            }
            Mail::AlreadyRegistered { sign_in, reset }
            | Mail::SignInLinkHasPassword { sign_in, reset } => {
                vec![("sign_in", sign_in.clone()), ("reset", reset.clone())]
            }
            Mail::ResetUnknown { register } => vec![("register", register.clone())],
            Mail::EmailChanged { new_email } => vec![("new_email", new_email.clone())],
            Mail::PasswordChanged | Mail::AccountDeleted => Vec::new(),
            Mail::NewMessage { reference, link } => {
                vec![("reference", reference.clone()), ("link", link.clone())]
            }
            Mail::DraftReminder {
                service,
                until,
                link,
            } => vec![
                ("service", service.clone()),
                ("until", until.clone()),
                ("link", link.clone()),
            ],
            Mail::ApplicationSubmitted {
                service,
                reference,
                authority,
                link,
            } => vec![
                ("service", service.clone()),
                ("reference", reference.clone()),
                ("authority", authority.clone()),
                ("link", link.clone()),
            ],
        }
    }

    /// Subject, plain text and HTML in `locale`.
    pub fn render(&self, locale: Locale, site: &str) -> (String, String, String) {
        let mut args = self.args();
        args.push(("site", site.to_owned()));
        let subject = text_with(locale, &format!("mail-{}-subject", self.id()), &args);
        let body = text_with(locale, &format!("mail-{}-body", self.id()), &args);
        let footer = text_with(locale, "mail-footer", &args);
        let text = format!("{body}\n\n-- \n{footer}\n");
        let links: Vec<String> = self
            .args()
            .into_iter()
            .filter(|(name, _)| matches!(*name, "link" | "sign_in" | "reset" | "register"))
            .map(|(_, value)| value)
            .collect();
        let paragraphs: String = body
            .split("\n\n")
            .map(|p| {
                let p = p.trim();
                if links.iter().any(|l| l == p) {
                    let href = escape(p);
                    format!("<p><a href=\"{href}\">{href}</a></p>\n")
                } else {
                    format!("<p>{}</p>\n", escape(p).replace('\n', "<br>"))
                }
            })
            .collect();
        let lang = locale.as_str();
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
             <body style=\"font-family: sans-serif; line-height: 1.5\">\n{paragraphs}\
             <hr><p style=\"font-size: small\">{}</p></body></html>\n",
            escape(&subject),
            escape(&footer)
        );
        (subject, text, html)
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Queues `mail` to `recipient` in `locale`.
pub async fn send(
    state: &AppState,
    recipient: &str,
    locale: Locale,
    mail: &Mail,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let (subject, text, html) = mail.render(locale, &state.config.site.name);
    queue::enqueue(
        &state.db,
        &NewMail {
            recipient,
            subject: &subject,
            text_body: &text,
            html_body: &html,
        },
        now,
    )
    .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

/// True when mail stays in the outbox and `/dev/mail` may show it: no SMTP server is
/// configured and the portal is only reachable on this machine.
pub fn dev_outbox(config: &Config) -> bool {
    let loopback = config
        .site
        .base_url
        .parse::<http::Uri>()
        .ok()
        .and_then(|u| u.host().map(str::to_owned))
        .is_some_and(|h| matches!(h.as_str(), "127.0.0.1" | "localhost" | "[::1]"));
    config.mail.smtp_url.is_empty() && loopback
}

type Transport = AsyncSmtpTransport<Tokio1Executor>;

fn transport(config: &Config) -> Result<Option<Transport>, String> {
    let mail = &config.mail;
    if mail.smtp_url.is_empty() {
        return Ok(None);
    }
    let mut builder = Transport::from_url(&mail.smtp_url)
        .map_err(|e| format!("mail.smtp_url: {e}"))?
        .timeout(Some(Duration::from_secs(20)));
    if let (Some(user), Some(password)) = (&mail.smtp_user, &mail.smtp_password) {
        let password = password
            .resolve("mail.smtp_password")
            .map_err(|e| e.to_string())?;
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose_secret().to_owned(),
        ));
    }
    Ok(Some(builder.build()))
}

fn message(from: &Mailbox, mail: &QueuedMail) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .multipart(MultiPart::alternative_plain_html(
            mail.text_body.clone(),
            mail.html_body.clone(),
        ))
        .map_err(|e| e.to_string())
}

/// The wait before attempt `n + 1` (1 min, 2, 4 … up to 6 h); after 12 attempts the mail
/// is given up.
fn retry_after(attempts: i64) -> Option<i64> {
    (attempts < 12).then(|| (60 * 2i64.pow(attempts.clamp(0, 9) as u32)).min(6 * 3600))
}

/// Sends every due mail once. Returns how many went out.
pub async fn deliver_due(state: &AppState) -> Result<usize, String> {
    let Some(transport) = transport(&state.config)? else {
        return Ok(0);
    };
    let from: Mailbox = state
        .config
        .mail
        .from
        .parse()
        .map_err(|e| format!("mail.from: {e}"))?;
    let due = queue::due(&state.db, state.clock.now(), 50)
        .await
        .map_err(|e| e.to_string())?;
    let mut sent = 0;
    for mail in due {
        let result = match message(&from, &mail) {
            Ok(message) => transport.send(message).await.map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let now = state.clock.now();
        let stored = match result {
            Ok(_) => {
                sent += 1;
                queue::mark_sent(&state.db, mail.id, now).await
            }
            Err(error) => {
                let next = retry_after(mail.attempts).map(|secs| Timestamp(now.0 + secs));
                tracing::warn!(id = mail.id, attempts = mail.attempts + 1, %error, gave_up = next.is_none(), "mail delivery failed");
                queue::mark_attempt_failed(&state.db, mail.id, next, now).await
            }
        };
        stored.map_err(|e| e.to_string())?;
    }
    Ok(sent)
}

/// Delivers queued mail until `stop`: woken by new mail, and every 30 s for retries.
pub fn spawn_worker(
    state: AppState,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = deliver_due(&state).await {
                tracing::warn!(%error, "mail worker");
            }
            tokio::select! {
                _ = state.mail_wakeup.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(30)) => {}
                _ = stop.changed() => return,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_are_localized_with_a_plain_and_an_html_part() {
        let mail = Mail::Verify {
            link: "https://portal.example/konto/bestaetigen?code=a<b".into(),
        };
        for locale in Locale::ALL {
            let (subject, text, html) = mail.render(locale, "Serviceportal Saarland");
            assert!(!subject.starts_with("mail-"), "{locale:?}: {subject}");
            assert!(text.contains("https://portal.example/konto/bestaetigen?code=a<b"));
            assert!(
                html.contains(r#"<a href="https://portal.example/konto/bestaetigen?code=a&lt;b">"#)
            );
            assert!(html.contains(&format!("lang=\"{}\"", locale.as_str())));
            assert!(!html.contains("a<b"), "escaped");
        }
    }

    #[test]
    fn retries_back_off_and_end() {
        assert_eq!(retry_after(0), Some(60));
        assert_eq!(retry_after(1), Some(120));
        assert_eq!(retry_after(11), Some(6 * 3600));
        assert_eq!(retry_after(12), None);
    }
}
