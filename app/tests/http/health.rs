//! `/healthz` and `/readyz`.

use crate::support::{backends, run, spawn_app};

#[test]
fn healthz_and_readyz_answer_while_the_database_is_up() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let (status, _, body) = app.get("/healthz").await;
            assert_eq!((status.as_u16(), body.as_str()), (200, "ok"));
            let (status, _, body) = app.get("/readyz").await;
            assert_eq!(
                (status.as_u16(), body.as_str()),
                (200, "ready"),
                "{backend:?}"
            );
        }
    });
}

#[test]
fn readyz_is_503_when_the_database_is_gone() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            app.state.ctx.db.clone().close().await.expect("close pool");
            let (status, _, body) = app.get("/readyz").await;
            assert_eq!(
                (status.as_u16(), body.as_str()),
                (503, "database unavailable"),
                "{backend:?}"
            );
            let (status, _, _) = app.get("/healthz").await;
            assert_eq!(status, 200, "the process itself still runs");
        }
    });
}
