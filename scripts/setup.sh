# Installs what building and testing the portal needs, each only when missing or at
# the wrong version. Sourced by scripts/run and scripts/test; everything comes from
# the package registries (crates.io, npm, Debian), nothing is downloaded from elsewhere.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CARGO_LEPTOS_VERSION=0.3.10
CARGO_DENY_VERSION=0.20.2

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Runs a cargo command with the settings cargo-leptos passes to its debug server build,
# so tests and lints reuse its compiled dependencies instead of building them again.
# (Not exported: cargo-leptos adds its own flags to an inherited RUSTFLAGS.)
like_leptos_build() {
  env RUSTFLAGS="--cfg erase_components" LEPTOS_OUTPUT_NAME=portal LEPTOS_SITE_ROOT=target/site \
    LEPTOS_SITE_PKG_DIR=pkg LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 \
    LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=app LEPTOS_JS_MINIFY=false LEPTOS_HASH_FILES=false "$@"
}
# Installed npm tools (wasm-opt from binaryen for release builds) come first on PATH.
export PATH="$ROOT/style/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The directory cargo builds into (CARGO_TARGET_DIR may move it out of the clone).
target_dir() { echo "${CARGO_TARGET_DIR:-$ROOT/target}"; }

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (takes about 15 minutes once)"
    cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
  fi
  # The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
  local wb
  wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
    say "installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb"
  fi
}

ensure_npm() { # DIR
  local dir="$ROOT/$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $1"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_style() {
  ensure_npm style
  say "building the stylesheet"
  node "$ROOT/style/build.mjs"
}

# Everything `cargo leptos build` needs.
ensure_build_tools() {
  ensure_rust_tools
  build_style
}

# The Python tools of the tests (end2end/requirements.txt: the SMTP server the tests
# send mail to, the interface fuzzer schemathesis, the S3 server moto), from PyPI, in a
# virtual environment beside the build; its Python is handed to the tests.
ensure_test_python() {
  local venv
  venv="$(target_dir)/tools/test-python"
  if [ ! -x "$venv/bin/python" ] || [ "$ROOT/end2end/requirements.txt" -nt "$venv/.installed" ]; then
    say "installing the tests' Python tools (aiosmtpd, schemathesis, moto)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/end2end/requirements.txt"
    touch "$venv/.installed"
  fi
  export PORTAL_TEST_PYTHON="$venv/bin/python"
}

ensure_test_tools() {
  ensure_build_tools
  ensure_test_python
  if ! cargo deny --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
    say "installing cargo-deny $CARGO_DENY_VERSION"
    cargo install cargo-deny --locked --version "$CARGO_DENY_VERSION"
  fi
  ensure_npm end2end
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing Debian's Chromium"
      apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)" >&2
      return 1
    fi
  fi
}

# Lays out the RustSec snapshot at SOURCE where deny.toml's db-path points, as the git
# clone cargo-deny reads (its folder name is the default database URL's hash).
prepare_advisory_db() { # SOURCE
  local target="$ROOT/target/advisory-dbs/advisory-db-3157b0e258782691"
  if [ ! -d "$target/.git" ] || [ "$1" -nt "$target/.git" ]; then
    rm -rf "$target"
    mkdir -p "$(dirname "$target")"
    cp -r "$1" "$target"
    (cd "$target" && git init -q && git add -A \
      && git -c user.name=portal -c user.email=portal@localhost commit -q -m snapshot)
  fi
}
