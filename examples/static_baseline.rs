//! The reference server of benchmarks P1 and P2 (`make bench`, see docs/benchmarks.md): axum
//! answering every request with the same bytes, read once from a file. The benchmark saves a
//! page the portal rendered and serves it here, so the ratio between the two is the price of
//! rendering that page (routing, database, Leptos, security headers) on the same machine.
//!
//! `static_baseline <file> <address>`; threads as tokio is told (`TOKIO_WORKER_THREADS`).

use axum::Router;
use axum::response::Html;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(address)) = (args.next(), args.next()) else {
        eprintln!("usage: static_baseline <file> <address>");
        std::process::exit(2);
    };
    let body: &'static [u8] = std::fs::read(&file)?.leak();
    let app = Router::new().fallback(move || async move { Html(body) });
    let listener = tokio::net::TcpListener::bind(&address).await?;
    axum::serve(listener, app).await
}
