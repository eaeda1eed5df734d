//! Integration tests: each boots the real portal (database, migrations, demo content,
//! HTTP stack) on port 0 and talks to it over HTTP. SQLite always; PostgreSQL too when
//! `PORTAL_TEST_DATABASE_URL` names a server (`scripts/test` starts one).

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly when the portal misbehaves"
)]

mod access_matrix;
mod api;
mod api_client;
mod api_document;
mod api_fuzz;
mod api_support;
mod appointment_booking;
mod appointment_for_request;
mod appointment_offices;
mod appointment_staff_api;
mod appointments;
mod assets;
mod audit;
mod backups;
mod case_documents;
mod case_export;
mod case_inbox_work;
mod case_search;
mod cases;
mod config;
mod dashboard;
mod demo_content;
mod filing;
mod forms;
mod forms_flow;
mod forms_walk;
mod headers;
mod health;
mod idp;
mod info;
mod language;
mod metrics;
mod module_contract;
mod munich_catalogue;
mod my_data;
mod my_requests;
mod notifications;
mod object_storage;
mod oidc;
mod open311;
mod open311_specification;
mod pages;
mod portal_process;
mod probe;
mod provider_claims;
mod redirect_targets;
mod rent_index;
mod retention;
mod s3_server;
mod scale_out;
mod search;
mod secrets_stay_inside;
mod seed;
mod service_designer;
mod sessions;
mod shared_pages;
mod sign_in;
mod smtp;
mod support;
mod toilets;
mod traces;
mod uploads;
mod webhooks;
mod write_transactions;
