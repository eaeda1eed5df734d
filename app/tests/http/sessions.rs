//! The database session store on SQLite and PostgreSQL.

use app::auth::session_store::DbSessionStore;
use tower_sessions::{
    ExpiredDeletion, SessionStore,
    cookie::time::{Duration, OffsetDateTime},
    session::{Id, Record},
};

use crate::support::{backends, run, spawn_app};

fn record(expires_in: Duration) -> Record {
    let mut data = std::collections::HashMap::new();
    data.insert("locale".to_owned(), serde_json::json!("de"));
    Record {
        id: Id::default(),
        data,
        expiry_date: OffsetDateTime::now_utc() + expires_in,
    }
}

#[test]
fn sessions_round_trip_and_expire() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let store = DbSessionStore::new(app.state.ctx.db.clone(), app.state.clock.clone());

            let mut live = record(Duration::minutes(30));
            store.create(&mut live).await.unwrap();
            let loaded = store.load(&live.id).await.unwrap().expect("stored");
            assert_eq!(loaded.data, live.data, "{backend:?}");
            assert_eq!(
                loaded.expiry_date.unix_timestamp(),
                live.expiry_date.unix_timestamp()
            );

            live.data.insert("step".into(), serde_json::json!(2));
            store.save(&live).await.unwrap();
            let loaded = store.load(&live.id).await.unwrap().unwrap();
            assert_eq!(loaded.data["step"], 2, "save updates the row");

            let mut expired = record(Duration::minutes(-1));
            store.create(&mut expired).await.unwrap();
            assert!(
                store.load(&expired.id).await.unwrap().is_none(),
                "expired sessions do not load"
            );
            store.delete_expired().await.unwrap();
            assert!(
                store.load(&live.id).await.unwrap().is_some(),
                "clean-up keeps live sessions"
            );

            store.delete(&live.id).await.unwrap();
            assert!(store.load(&live.id).await.unwrap().is_none());
        }
    });
}

#[test]
fn create_never_overwrites_an_existing_session() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let store = DbSessionStore::new(app.state.ctx.db.clone(), app.state.clock.clone());
            let mut first = record(Duration::minutes(30));
            store.create(&mut first).await.unwrap();
            let mut second = record(Duration::minutes(30));
            second.id = first.id;
            second
                .data
                .insert("owner".into(), serde_json::json!("someone else"));
            store.create(&mut second).await.unwrap();
            assert_ne!(second.id, first.id, "{backend:?}: a taken id is replaced");
            let original = store.load(&first.id).await.unwrap().unwrap();
            assert!(
                !original.data.contains_key("owner"),
                "the first session is untouched"
            );
        }
    });
}

/// The expiry of the row `id`.
async fn stored_expiry(app: &crate::support::TestApp, id: &Id) -> i64 {
    use sea_orm::ConnectionTrait;
    let db = &app.state.ctx.db;
    db.query_one(kernel::sql::statement(
        db,
        "SELECT expires_at FROM kernel_session WHERE id = $1",
        vec![id.to_string().into()],
    ))
    .await
    .unwrap()
    .expect("a row")
    .try_get_by_index(0)
    .unwrap()
}

#[test]
fn an_unchanged_session_is_extended_once_a_minute_not_on_every_request() {
    run(async {
        for backend in backends() {
            let app = spawn_app(backend).await;
            let store = DbSessionStore::new(app.state.ctx.db.clone(), app.state.clock.clone());
            let mut session = record(Duration::minutes(30));
            store.create(&mut session).await.unwrap();
            let written = stored_expiry(&app, &session.id).await;

            // A request half a minute later: read, nothing changed, not written.
            let mut request = store.load(&session.id).await.unwrap().unwrap();
            request.expiry_date += Duration::seconds(30);
            store.save(&request).await.unwrap();
            assert_eq!(
                stored_expiry(&app, &session.id).await,
                written,
                "{backend:?}"
            );

            // Changed data is written at once.
            request.data.insert("step".into(), serde_json::json!(3));
            store.save(&request).await.unwrap();
            assert_eq!(
                store.load(&session.id).await.unwrap().unwrap().data["step"],
                3
            );
            assert_eq!(stored_expiry(&app, &session.id).await, written + 30);

            // Two minutes on, the expiry moves.
            let mut later = store.load(&session.id).await.unwrap().unwrap();
            later.expiry_date += Duration::minutes(2);
            store.save(&later).await.unwrap();
            assert_eq!(stored_expiry(&app, &session.id).await, written + 150);
        }
    });
}
