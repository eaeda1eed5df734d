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
