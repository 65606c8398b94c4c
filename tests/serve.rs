//! The accept loop on a real socket: slow clients are cut off, shutdown lets requests finish.

mod common;

use serviceportal::server::{clock::Clock, db::Db, http::router, serve, state::AppState};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start(
    header_timeout: Duration,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().expect("dir");
    let url = common::fresh_database_url(dir.path()).await;
    let config = common::config(&url, dir.path());
    let db = Db::connect(&config.database).await.expect("connect");
    db.migrate().await.expect("migrate");
    let app = router(AppState::new(config, db, Clock::System).expect("app state"));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve::serve(listener, app, header_timeout, async {
        let _ = stopped.await;
    }));
    (addr, stop, server, dir)
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let (addr, stop, server, _dir) = start(Duration::from_millis(300)).await;
    let mut slow = TcpStream::connect(addr).await.expect("connect");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("write");
    // The server closes the connection (possibly after a 408); reading ends either way.
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), slow.read_to_end(&mut rest)).await;
    assert!(
        read.is_ok(),
        "the slow connection was still open after 10 s"
    );
    let _ = stop.send(());
    server.await.expect("server");
}

#[tokio::test]
async fn shutdown_stops_accepting_and_ends_the_server() {
    let (addr, stop, server, _dir) = start(Duration::from_secs(5)).await;
    let mut client = TcpStream::connect(addr).await.expect("connect");
    client
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let mut answer = String::new();
    client.read_to_string(&mut answer).await.expect("read");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(15), server)
        .await
        .expect("shut down in time")
        .expect("join");
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "still accepting after shutdown"
    );
}
