//! Reading the fields of a URL-encoded form post that a handler takes as bytes (it
//! needs the body whole, e.g. to keep what was typed when the post is refused).

/// Every value of `key` in the form body `body`, in order.
pub fn values(body: &[u8], key: &str) -> Vec<String> {
    form_urlencoded::parse(body)
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .collect()
}

/// The first value of `key`, as sent; `None` when the form has no such field.
pub fn first(body: &[u8], key: &str) -> Option<String> {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// Every field's first value, by its name.
pub fn firsts(body: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut all = std::collections::BTreeMap::new();
    for (key, value) in form_urlencoded::parse(body) {
        all.entry(key.into_owned())
            .or_insert_with(|| value.into_owned());
    }
    all
}

/// The first value of `key`, trimmed; empty when the form has no such field.
pub fn trimmed(body: &[u8], key: &str) -> String {
    first(body, key)
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_decoded_in_order() {
        let body = b"leistung=1&name=+Ada+M%C3%BCller+&leistung=2";
        assert_eq!(values(body, "leistung"), ["1", "2"]);
        assert_eq!(first(body, "name").as_deref(), Some(" Ada Müller "));
        assert_eq!(trimmed(body, "name"), "Ada Müller");
        assert_eq!(first(body, "fehlt"), None);
        assert_eq!(trimmed(body, "fehlt"), "");
        let all = firsts(body);
        assert_eq!(all.len(), 2);
        assert_eq!(all["leistung"], "1");
    }
}
