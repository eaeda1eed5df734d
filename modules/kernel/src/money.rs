//! Amounts of money as people read them in each language.

use crate::Locale;

/// Formats euro cents: `1.234,50 €` in German, `€1,234.50` in English.
pub fn format_euro(cents: i64, locale: Locale) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let (euros, rest) = (cents / 100, cents % 100);
    // English writes `€1,234.50`; German and the portal's other languages (Turkish,
    // Ukrainian) write `1.234,50 €`.
    let english = locale == Locale::EN;
    let (group, decimal) = if english { (',', '.') } else { ('.', ',') };
    let digits = euros.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    if english {
        format!("{sign}€{grouped}{decimal}{rest:02}")
    } else {
        format!("{sign}{grouped}{decimal}{rest:02}\u{a0}€")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_forms() {
        assert_eq!(format_euro(50, Locale::DE), "0,50\u{a0}€");
        assert_eq!(format_euro(123_450, Locale::DE), "1.234,50\u{a0}€");
        assert_eq!(format_euro(123_450, Locale::EN), "€1,234.50");
        assert_eq!(format_euro(100_000_000, Locale::EN), "€1,000,000.00");
        assert_eq!(format_euro(-5, Locale::DE), "-0,05\u{a0}€");
    }
}
