//! The `portal` binary; see `portal --help`.

/// Rendering a page allocates and frees many small strings; mimalloc serves them with
/// less work than the system allocator (figures in BENCHMARKS.md).
#[cfg(feature = "ssr")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    app::server::run()
}
