//! `ceiling ADDRESS`: a bare axum handler answering every `GET /` with a fixed string,
//! so that a load run can say how far the portal is from what the machine and the
//! HTTP stack manage with no work at all.

use axum::{Router, routing::get};

#[tokio::main]
async fn main() -> Result<(), String> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3999".to_owned());
    let listener = tokio::net::TcpListener::bind(&address)
        .await
        .map_err(|e| format!("{address}: {e}"))?;
    let app = Router::new().route("/", get(|| async { "Grüß Gott" }));
    axum::serve(listener, app).await.map_err(|e| e.to_string())
}
