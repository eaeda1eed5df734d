//! Rebuilds the portal when a language folder is added to `locales/`: the fluent
//! loader embeds the files it finds, and Cargo would otherwise only notice changes to
//! files it has already embedded.

fn main() {
    println!("cargo:rerun-if-changed=../locales");
}
