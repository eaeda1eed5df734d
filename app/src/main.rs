//! The `portal` binary; see `portal --help`.

fn main() -> std::process::ExitCode {
    app::server::run()
}
