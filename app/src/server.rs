//! The `portal` server: command line, configuration, telemetry, database and HTTP.
//! Compiled only with the `ssr` feature; the browser build never sees it.

pub mod backup;
pub mod cli;
pub mod database;
pub mod demo_content;
pub mod files;
pub mod http;
pub mod mail;
pub mod metrics;
pub mod my_data;
pub mod retention;
pub mod seed;
pub mod settings;
pub mod state;
pub mod telemetry;
pub mod webhooks;

pub use cli::run;
pub use http::Assets;
pub use settings::Settings;
pub use state::AppState;
