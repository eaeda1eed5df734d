//! The module's addresses, in one place for pages, handlers and redirects. Ids come
//! from request paths too, so each is encoded as a path segment (see `kernel::url`).

use kernel::url::segment;

/// Step `step` of `draft`.
pub fn step(draft: &str, step: &str) -> String {
    format!("/antraege/{}/{}", segment(draft), segment(step))
}

/// The check-your-answers page of `draft`.
pub fn review(draft: &str) -> String {
    format!("/antraege/{}/pruefen", segment(draft))
}

/// The receipt of submission `id`.
pub fn receipt(id: &str) -> String {
    format!("/antraege/eingang/{}", segment(id))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Whatever a path carried, the address is a valid `Location` header value and
        /// leads back to the same ids.
        #[test]
        fn any_ids_make_a_valid_location(draft in any::<String>(), step_id in any::<String>()) {
            let address = step(&draft, &step_id);
            prop_assert!(axum::http::HeaderValue::try_from(address.as_str()).is_ok());
            let parts: Vec<String> = address
                .trim_start_matches("/antraege/")
                .split('/')
                .map(percent_decode)
                .collect();
            prop_assert_eq!(parts, vec![draft, step_id]);
        }
    }

    fn percent_decode(text: &str) -> String {
        percent_encoding::percent_decode_str(text)
            .decode_utf8_lossy()
            .into_owned()
    }
}
