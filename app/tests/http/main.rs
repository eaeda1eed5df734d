//! Integration tests: each boots the real portal (database, migrations, demo content,
//! HTTP stack) on port 0 and talks to it over HTTP. SQLite always; PostgreSQL too when
//! `PORTAL_TEST_DATABASE_URL` names a server (`.ci/run` starts one).

mod config;
mod demo_content;
mod headers;
mod health;
mod language;
mod pages;
mod support;
mod toilets;
