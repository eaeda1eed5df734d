//! Amounts of money as people read them in each language.

use crate::Locale;

/// Formats euro cents: `1.234,50 €` in German, `€1,234.50` in English.
pub fn format_euro(cents: i64, locale: Locale) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let (euros, rest) = (cents / 100, cents % 100);
    let (group, decimal) = match locale {
        Locale::De => ('.', ','),
        Locale::En => (',', '.'),
    };
    let digits = euros.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    match locale {
        Locale::De => format!("{sign}{grouped}{decimal}{rest:02}\u{a0}€"),
        Locale::En => format!("{sign}€{grouped}{decimal}{rest:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_forms() {
        assert_eq!(format_euro(50, Locale::De), "0,50\u{a0}€");
        assert_eq!(format_euro(123_450, Locale::De), "1.234,50\u{a0}€");
        assert_eq!(format_euro(123_450, Locale::En), "€1,234.50");
        assert_eq!(format_euro(100_000_000, Locale::En), "€1,000,000.00");
        assert_eq!(format_euro(-5, Locale::De), "-0,05\u{a0}€");
    }
}
