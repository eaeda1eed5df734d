//! Return addresses (`back`, `return_to`) that a stranger may send: only paths on this
//! site are followed.

/// Longest path followed; longer ones go to the home page.
const MAX_BACK_LEN: usize = 2048;

/// Where to go back to: `back` when it is a local path (see [`local_path`]), else the
/// home page.
pub fn back_or_home(back: Option<&str>) -> String {
    back.and_then(local_path).unwrap_or_else(|| "/".into())
}

/// `path` when it is a path on this site (never another host: no open redirect),
/// with bytes outside visible ASCII percent-encoded so it is a valid header.
pub fn local_path(back: &str) -> Option<String> {
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && back.len() <= MAX_BACK_LEN
        && !back.chars().any(char::is_control);
    ok.then(|| {
        let mut out = String::with_capacity(back.len());
        for byte in back.bytes() {
            if byte.is_ascii_graphic() {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            local_path("/toilets?district=Au").as_deref(),
            Some("/toilets?district=Au")
        );
        assert_eq!(local_path("//evil.example/"), None);
        assert_eq!(local_path("/\\evil.example/"), None);
        assert_eq!(local_path("https://evil.example/"), None);
        assert_eq!(local_path("/a\r\nSet-Cookie: x=1"), None);
        assert_eq!(local_path(&format!("/{}", "a".repeat(3000))), None);
    }

    #[test]
    fn non_ascii_is_percent_encoded() {
        assert_eq!(local_path("/x?d=Ä b").as_deref(), Some("/x?d=%C3%84%20b"));
    }
}
