//! Reading typed values as German citizens write them: whole numbers, euro amounts,
//! dates (from a date picker or typed), e-mail addresses, phone numbers, postcodes
//! and IBANs. Each function answers `None` for input it does not accept; none panics.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A whole number: digits with an optional sign; `.` or space as thousands separator.
pub fn number(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    let digits = cleaned.strip_prefix('-').unwrap_or(&cleaned);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    cleaned.parse().ok()
}

/// An amount in euro, as cents. `12,50`, `1.234,56`, `12.50`, `12`, `12 €` and
/// `EUR 12` are accepted; more than two decimal places are not.
pub fn amount_cents(text: &str) -> Option<i64> {
    let trimmed = text
        .trim()
        .trim_end_matches('€')
        .trim_start_matches("EUR")
        .trim_end_matches("EUR")
        .trim();
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, trimmed),
    };
    let (whole, fraction) = split_decimal(body)?;
    let whole: String = whole.chars().filter(|c| *c != ' ').collect();
    if whole.is_empty() || whole.len() > 13 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let euros: i64 = whole.parse().ok()?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let value = euros.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -value } else { value })
}

/// Splits into whole part (thousands separators removed) and fraction. With a comma,
/// the comma is the decimal mark and dots group thousands (German); without one, a
/// single dot followed by one or two digits is the decimal mark.
fn split_decimal(text: &str) -> Option<(String, &str)> {
    if let Some((whole, fraction)) = text.split_once(',') {
        return Some((ungroup(whole, '.')?, fraction));
    }
    match text.rsplit_once('.') {
        Some((whole, fraction)) if (1..=2).contains(&fraction.len()) && !whole.contains('.') => {
            Some((whole.to_owned(), fraction))
        }
        _ => Some((ungroup(text, '.')?, "")),
    }
}

/// Removes thousands separators, which must separate groups of three digits.
fn ungroup(text: &str, separator: char) -> Option<String> {
    let groups: Vec<&str> = text.split(separator).collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    well_grouped.then(|| groups.concat())
}

/// A date from a date picker (`2026-03-01`) or typed German style (`1.3.2026`).
pub fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
}

/// A date bound of a definition: `YYYY-MM-DD`, `today`, or `today` plus or minus a
/// number of days (`d`), months (`m`) or years (`y`), e.g. `today-18y`.
pub fn date_bound(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let Some(offset) = text.strip_prefix("today") else {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    };
    if offset.is_empty() {
        return Some(today);
    }
    let (sign, rest) = offset.split_at_checked(1)?;
    let (count, unit) = rest.split_at_checked(rest.len().checked_sub(1)?)?;
    let count: u32 = count.parse().ok()?;
    let forward = match sign {
        "+" => true,
        "-" => false,
        _ => return None,
    };
    match (unit, forward) {
        ("d", true) => today.checked_add_days(Days::new(count.into())),
        ("d", false) => today.checked_sub_days(Days::new(count.into())),
        ("m", true) => today.checked_add_months(Months::new(count)),
        ("m", false) => today.checked_sub_months(Months::new(count)),
        ("y", true) => today.checked_add_months(Months::new(count.checked_mul(12)?)),
        ("y", false) => today.checked_sub_months(Months::new(count.checked_mul(12)?)),
        _ => None,
    }
}

/// A plausible e-mail address: one `@`, a local part, a domain with a dot, no spaces.
pub fn email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A phone number: digits with the usual separators, 6 to 20 digits, an optional `+`
/// at the start.
pub fn phone(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '/' | '(' | ')'))
}

/// A German postcode: five digits.
pub fn postcode(text: &str) -> bool {
    text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The IBAN without spaces, upper case, when its checksum (ISO 13616, mod 97) holds;
/// German IBANs must have 22 characters.
pub fn iban(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid_shape = (15..=34).contains(&compact.len())
        && compact.bytes().take(2).all(|b| b.is_ascii_uppercase())
        && compact.bytes().skip(2).take(2).all(|b| b.is_ascii_digit())
        && compact.bytes().all(|b| b.is_ascii_alphanumeric())
        && (!compact.starts_with("DE") || compact.len() == 22);
    if !valid_shape {
        return None;
    }
    let rearranged = compact[4..].bytes().chain(compact[..4].bytes());
    let mut remainder: u32 = 0;
    for byte in rearranged {
        let value = if byte.is_ascii_digit() {
            u32::from(byte - b'0')
        } else {
            u32::from(byte - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    (remainder == 1).then_some(compact)
}

pub use kernel::time::{local as local_time, today};

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(number("42"), Some(42));
        assert_eq!(number("-7"), Some(-7));
        assert_eq!(number("1.000"), Some(1000));
        for bad in ["", "-", "4,2", "12a", "1e5", "9999999999999999999"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    #[test]
    fn amounts_in_german_and_plain_notation() {
        for (text, cents) in [
            ("12", 1200),
            ("12,5", 1250),
            ("12,50", 1250),
            ("1.234,56", 123_456),
            ("12.50", 1250),
            ("1.234", 123_400),
            ("12 €", 1200),
            ("EUR 7,10", 710),
            ("-3,00", -300),
        ] {
            assert_eq!(amount_cents(text), Some(cents), "{text}");
        }
        for bad in [
            "",
            "12,345",
            "1.23.4",
            "12,5,0",
            "abc",
            "1,2.3",
            ",50",
            "1.2345,00",
        ] {
            assert_eq!(amount_cents(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_from_pickers_and_typed() {
        assert_eq!(date("2026-03-01"), Some(day(2026, 3, 1)));
        assert_eq!(date("1.3.2026"), Some(day(2026, 3, 1)));
        assert_eq!(date("31.02.2026"), None);
        assert_eq!(date("0001-01-01"), None);
        assert_eq!(date("morgen"), None);
    }

    #[test]
    fn relative_bounds() {
        let today = day(2026, 11, 27);
        assert_eq!(date_bound("today", today), Some(today));
        assert_eq!(date_bound("today-18y", today), Some(day(2008, 11, 27)));
        assert_eq!(date_bound("today+14d", today), Some(day(2026, 12, 11)));
        assert_eq!(date_bound("today-1m", today), Some(day(2026, 10, 27)));
        assert_eq!(date_bound("2020-01-01", today), Some(day(2020, 1, 1)));
        for bad in [
            "today*2d",
            "today+d",
            "today+2w",
            "yesterday",
            "today+99999999999y",
        ] {
            assert_eq!(date_bound(bad, today), None, "{bad}");
        }
    }

    #[test]
    fn ibans_by_checksum() {
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00").as_deref(),
            Some("DE89370400440532013000")
        );
        assert!(iban("de89370400440532013000").is_some());
        assert!(iban("GB82 WEST 1234 5698 7654 32").is_some());
        assert!(iban("DE89 3704 0044 0532 0130 01").is_none(), "checksum");
        assert!(iban("DE8937040044053201300").is_none(), "German length");
        assert!(iban("").is_none() && iban("DE").is_none());
    }

    #[test]
    fn contact_details() {
        assert!(email("erika@example.org"));
        for bad in [
            "erika",
            "@example.org",
            "erika@",
            "erika@example",
            "er ika@example.org",
            "a@b@c.de",
        ] {
            assert!(!email(bad), "{bad}");
        }
        assert!(phone("+49 89 233-00") && phone("(089) 233 00"));
        assert!(!phone("12345") && !phone("089 call me"));
        assert!(postcode("80331") && !postcode("8033") && !postcode("80331a"));
    }
}
