//! Outgoing mail: SMTP in production, `.eml` files in a directory for demo and tests, or
//! only a log line when neither is configured.
//!
//! Mails are sent after the transaction that caused them has committed, on the blocking
//! pool and never on the request path: a request does not wait for the mail server and does
//! not fail when it is down (the failure is logged).

use std::sync::Arc;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use crate::config::{Mode, Settings};

/// One mail to one recipient: plain text (lettre picks the transfer encoding; a long link
/// line makes it quoted-printable), never pupil content: the kind of event and a link.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// What the mail is about (for the log), e.g. `decision_taken`.
    pub kind: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("ARRANGEER_SMTP_URL is not a valid SMTP URL: {0}")]
    SmtpUrl(String),
    #[error("ARRANGEER_MAIL_FROM is not a valid address: {0}")]
    From(String),
    #[error("could not create the mail directory {path}")]
    Dir {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

enum Channel {
    Smtp(Box<SmtpTransport>),
    File(FileTransport),
    Log,
}

struct Inner {
    channel: Channel,
    from: Mailbox,
    public_url: String,
    demo: bool,
}

/// The configured way out. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let channel = match self.inner.channel {
            Channel::Smtp(_) => "smtp",
            Channel::File(_) => "file",
            Channel::Log => "log",
        };
        f.debug_struct("Mailer").field("channel", &channel).finish_non_exhaustive()
    }
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Self, MailError> {
        let from: Mailbox = settings.mail_from.parse().map_err(|e| MailError::From(format!("{e}")))?;
        let channel = match (&settings.mail_dir, &settings.smtp_url) {
            (Some(dir), _) => {
                std::fs::create_dir_all(dir)
                    .map_err(|source| MailError::Dir { path: dir.display().to_string(), source })?;
                Channel::File(FileTransport::new(dir))
            }
            (None, Some(url)) => Channel::Smtp(Box::new(
                SmtpTransport::from_url(url).map_err(|e| MailError::SmtpUrl(e.to_string()))?.build(),
            )),
            (None, None) => Channel::Log,
        };
        Ok(Mailer {
            inner: Arc::new(Inner {
                channel,
                from,
                public_url: settings.public_url.trim_end_matches('/').to_owned(),
                demo: settings.mode == Mode::Demo,
            }),
        })
    }

    /// Where the web app is reached, without a trailing slash (for links in mails).
    pub fn public_url(&self) -> &str {
        &self.inner.public_url
    }

    /// Whether mails actually leave the server (SMTP or files), rather than only being logged.
    pub fn delivers(&self) -> bool {
        !matches!(self.inner.channel, Channel::Log)
    }

    /// Sends in the background, in order; failures are logged, never returned.
    pub fn send_later(&self, mails: Vec<Mail>) {
        if mails.is_empty() {
            return;
        }
        let inner = Arc::clone(&self.inner);
        let sending = tokio::task::spawn_blocking(move || {
            for mail in &mails {
                inner.send(mail);
            }
        });
        drop(sending);
    }
}

impl Inner {
    fn send(&self, mail: &Mail) {
        let message = match self.message(mail) {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(kind = mail.kind, error = %e, "mail not sent: invalid message");
                return;
            }
        };
        let result = match &self.channel {
            Channel::Smtp(smtp) => smtp.send(&message).map(|_| ()).map_err(|e| e.to_string()),
            Channel::File(file) => file.send(&message).map(|_| ()).map_err(|e| e.to_string()),
            Channel::Log => {
                if self.demo {
                    tracing::info!(kind = mail.kind, "mail not sent (demo mode, no ARRANGEER_MAIL_DIR)");
                } else {
                    tracing::warn!(
                        kind = mail.kind,
                        "mail not sent: neither ARRANGEER_SMTP_URL nor ARRANGEER_MAIL_DIR is set"
                    );
                }
                Ok(())
            }
        };
        match result {
            Ok(()) => tracing::info!(kind = mail.kind, "mail sent"),
            Err(error) => tracing::warn!(kind = mail.kind, %error, "mail could not be sent"),
        }
    }

    fn message(&self, mail: &Mail) -> Result<Message, String> {
        let to: Mailbox = mail.to.parse().map_err(|e| format!("recipient: {e}"))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_smtp_url_or_sender_is_refused_at_start_up() {
        let bad_url = Settings { smtp_url: Some("ftp://nowhere".into()), ..Settings::default() };
        assert!(matches!(Mailer::from_settings(&bad_url), Err(MailError::SmtpUrl(_))));
        let bad_from = Settings { mail_from: "not an address".into(), ..Settings::default() };
        assert!(matches!(Mailer::from_settings(&bad_from), Err(MailError::From(_))));
        let smtp = Settings { smtp_url: Some("smtp://127.0.0.1:2525".into()), ..Settings::default() };
        assert!(Mailer::from_settings(&smtp).map(|m| m.delivers()).unwrap_or(false));
        assert!(!Mailer::from_settings(&Settings::default()).map(|m| m.delivers()).unwrap_or(true));
    }
}
