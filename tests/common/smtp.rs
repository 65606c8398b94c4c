//! A real SMTP server for tests, on a random loopback port: `mailin` speaks the protocol,
//! tokio carries the bytes, and received mails arrive on a channel, parsed by
//! `mail-parser`.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::{Mutex, mpsc};

/// A received mail, decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Mail {
    /// The first link in the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|word| word.starts_with(prefix))
            .map(str::to_owned)
    }
}

struct Handler {
    tx: mpsc::UnboundedSender<(Vec<String>, Vec<u8>)>,
    current: Option<(Vec<String>, Vec<u8>)>,
}

impl mailin::Handler for Handler {
    fn data_start(&mut self, _: &str, _: &str, _: bool, to: &[String]) -> mailin::Response {
        self.current = Some((to.to_vec(), Vec::new()));
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some((_, data)) = self.current.as_mut() {
            data.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> mailin::Response {
        if let Some(mail) = self.current.take() {
            let _ = self.tx.send(mail);
        }
        mailin::response::OK
    }
}

pub struct SmtpSink {
    pub addr: SocketAddr,
    rx: Mutex<mpsc::UnboundedReceiver<(Vec<String>, Vec<u8>)>>,
    task: tokio::task::JoinHandle<()>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let (tx, rx) = mpsc::unbounded_channel();
        let task = tokio::spawn(async move {
            while let Ok((socket, peer)) = listener.accept().await {
                let tx = tx.clone();
                tokio::spawn(async move {
                    let _ = session(socket, peer.ip(), tx).await;
                });
            }
        });
        SmtpSink {
            addr,
            rx: Mutex::new(rx),
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// The next mail, or `None` after `wait`.
    pub async fn next(&self, wait: Duration) -> Option<Mail> {
        let (to, data) = tokio::time::timeout(wait, self.rx.lock().await.recv())
            .await
            .ok()
            .flatten()?;
        let message = mail_parser::MessageParser::default().parse(&data)?;
        Some(Mail {
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            text: message
                .body_text(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            html: message
                .body_html(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
        })
    }

    /// Every mail that arrives within `wait`.
    pub async fn drain(&self, wait: Duration) -> Vec<Mail> {
        let mut mails = Vec::new();
        while let Some(mail) = self.next(wait).await {
            mails.push(mail);
        }
        mails
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn session(
    socket: tokio::net::TcpStream,
    ip: IpAddr,
    tx: mpsc::UnboundedSender<(Vec<String>, Vec<u8>)>,
) -> std::io::Result<()> {
    let (reader, mut writer) = socket.into_split();
    let mut reader = BufReader::new(reader);
    let mut session =
        mailin::SessionBuilder::new("sink.test").build(ip, Handler { tx, current: None });
    writer.write_all(&session.greeting().buffer()?).await?;
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let response = session.process(&line);
        match response.action {
            mailin::Action::Reply => writer.write_all(&response.buffer()?).await?,
            mailin::Action::Close => {
                writer.write_all(&response.buffer()?).await?;
                return Ok(());
            }
            mailin::Action::NoReply => {}
            mailin::Action::UpgradeTls => return Ok(()),
        }
    }
}
