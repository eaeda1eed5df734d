//! Reading a decimal number as people type it here: `65`, `65.5` or, in German,
//! `65,5`.

/// `text` as a finite number; `None` for anything else.
pub fn read(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn points_and_german_commas_are_read_and_nothing_else() {
        assert_eq!(read(" 48,1374 "), Some(48.1374));
        assert_eq!(read("65.5"), Some(65.5));
        for wrong in ["", "inf", "NaN", "1,2,3", "viel"] {
            assert_eq!(read(wrong), None, "{wrong}");
        }
    }
}
