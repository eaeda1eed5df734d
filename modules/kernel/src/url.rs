//! Parts of the portal's own addresses built from what a request carried: an id from
//! the path, a field name from a form. Such text can hold anything (`%0D%0A` decodes
//! to a line break), so it is percent-encoded before it goes into a `Location` header
//! or a link; unreserved characters (letters, digits, `-._~`) stay as they are, so
//! ids and field names look the same as before.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986's unreserved characters.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `text` as one path segment or fragment of an address.
pub fn segment(text: &str) -> String {
    utf8_percent_encode(text, RESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_and_anything_else_is_encoded() {
        assert_eq!(
            segment("3f1c0e2a-9b1d-4c55-8e1f-0a2b3c4d5e6f"),
            "3f1c0e2a-9b1d-4c55-8e1f-0a2b3c4d5e6f"
        );
        assert_eq!(segment("f-children-0-name"), "f-children-0-name");
        assert_eq!(segment("\r\nSet-Cookie: x"), "%0D%0ASet-Cookie%3A%20x");
        assert_eq!(segment("a/b?c#d"), "a%2Fb%3Fc%23d");
        assert_eq!(segment("Straße"), "Stra%C3%9Fe");
    }
}
