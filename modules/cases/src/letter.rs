//! The decision letter the portal writes when a caseworker asks for one: an A4 PDF
//! with the issuer, the reference, the decision, its reason, the legal remedy and the
//! caseworker's name. The texts are fluent texts in German, the official language
//! (§ 23 VwVfG), so a city words its letters without code.
//!
//! The letter uses the PDF standard fonts (nothing to embed, small files); they cover
//! Windows-1252, so other letters (e.g. Turkish ı) are written as their closest Latin
//! form rather than lost.

use kernel::I18n;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::lifecycle::Outcome;

/// What the letter says.
#[derive(Clone, Debug)]
pub struct Letter<'a> {
    /// Who issues it: the portal's city and the department.
    pub issuer: &'a str,
    /// The case's reference.
    pub reference: &'a str,
    /// The service's title.
    pub service: &'a str,
    /// The applicant's name.
    pub applicant: &'a str,
    /// When the request was filed and when it was decided (Unix seconds).
    pub filed: i64,
    /// When it was decided.
    pub decided: i64,
    /// The decision.
    pub outcome: Outcome,
    /// Its reason.
    pub reason: &'a str,
    /// The caseworker who decided.
    pub signer: &'a str,
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 70.0;
const SIZE: f32 = 11.0;
const LEADING: f32 = 15.0;
/// Characters per line: Helvetica at 11 pt averages under 5.7 pt a character, the
/// text column is 455 pt wide.
const LINE_CHARS: usize = 78;

/// A line as set: its text, bold or not, and the space before it.
struct Line {
    text: String,
    bold: bool,
    space_before: f32,
}

/// The letter as PDF bytes.
pub fn write(letter: &Letter, i18n: &I18n) -> Vec<u8> {
    let lines = lines(letter, i18n);
    let title = i18n.t(match letter.outcome {
        Outcome::Approved => "cases-letter-title-approved",
        Outcome::Rejected => "cases-letter-title-rejected",
    });
    render(&title, &lines)
}

/// The letter's lines, wrapped.
fn lines(letter: &Letter, i18n: &I18n) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut push = |text: String, bold: bool, space_before: f32| {
        for (index, part) in wrap(&text).into_iter().enumerate() {
            let space_before = if index == 0 { space_before } else { 0.0 };
            lines.push(Line {
                text: part,
                bold,
                space_before,
            });
        }
    };
    let args = |key: &str, pairs: &[(&'static str, String)]| {
        let values: Vec<_> = pairs
            .iter()
            .map(|(name, value)| (*name, value.clone().into()))
            .collect();
        i18n.t_args(key, &values)
    };
    let day = kernel::time::day;
    push(letter.issuer.to_owned(), true, 0.0);
    push(
        args("cases-letter-date", &[("date", day(letter.decided))]),
        false,
        LEADING,
    );
    push(
        args(
            "cases-letter-reference",
            &[("reference", letter.reference.to_owned())],
        ),
        false,
        0.0,
    );
    let heading = match letter.outcome {
        Outcome::Approved => "cases-letter-title-approved",
        Outcome::Rejected => "cases-letter-title-rejected",
    };
    push(i18n.t(heading), true, 2.0 * LEADING);
    push(
        args(
            "cases-letter-subject",
            &[
                ("service", letter.service.to_owned()),
                ("date", day(letter.filed)),
            ],
        ),
        false,
        0.0,
    );
    push(
        args(
            "cases-letter-greeting",
            &[("name", letter.applicant.to_owned())],
        ),
        false,
        LEADING,
    );
    let decision = match letter.outcome {
        Outcome::Approved => "cases-letter-approved",
        Outcome::Rejected => "cases-letter-rejected",
    };
    push(i18n.t(decision), false, LEADING);
    push(i18n.t("cases-letter-reason"), true, LEADING);
    for paragraph in letter.reason.lines() {
        push(paragraph.to_owned(), false, 0.0);
    }
    push(i18n.t("cases-letter-remedy-heading"), true, LEADING);
    push(i18n.t("cases-letter-remedy"), false, 0.0);
    push(i18n.t("cases-letter-closing"), false, LEADING);
    push(letter.signer.to_owned(), false, 0.0);
    push(i18n.t("cases-letter-electronic"), false, LEADING);
    lines
}

/// `text` broken into lines of at most [`LINE_CHARS`] characters at spaces (a longer
/// word is cut).
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > LINE_CHARS {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..LINE_CHARS).collect());
        }
        let word: String = word.into_iter().collect();
        let length = line.chars().count() + word.chars().count() + 1;
        if !line.is_empty() && length > LINE_CHARS {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` in Windows-1252, the encoding of the standard fonts: Latin-1 and the
/// typographic marks as they are, everything else as its closest ASCII form.
fn win_ansi(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        let special = match c {
            '€' => Some(0x80),
            '‚' => Some(0x82),
            '„' => Some(0x84),
            '…' => Some(0x85),
            '‘' => Some(0x91),
            '’' => Some(0x92),
            '“' => Some(0x93),
            '”' => Some(0x94),
            '•' => Some(0x95),
            '–' => Some(0x96),
            '—' => Some(0x97),
            _ => None,
        };
        match (special, u8::try_from(u32::from(c))) {
            (Some(byte), _) => bytes.push(byte),
            (None, Ok(byte)) if (0x20..0x7f).contains(&byte) || byte >= 0xa0 => bytes.push(byte),
            _ => match deunicode::deunicode_char(c) {
                Some(ascii) if !ascii.is_empty() => {
                    bytes.extend(ascii.bytes().filter(|b| (0x20..0x7f).contains(b)))
                }
                _ => bytes.push(b'?'),
            },
        }
    }
    bytes
}

/// The lines set on as many A4 pages as they need.
fn render(title: &str, lines: &[Line]) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let mut next_id = 6;
    let mut pages: Vec<Content> = Vec::new();
    let mut content = Content::new();
    let mut y = PAGE_HEIGHT - MARGIN;
    content.begin_text();
    for line in lines {
        y -= line.space_before + LEADING;
        if y < MARGIN {
            content.end_text();
            pages.push(std::mem::replace(&mut content, Content::new()));
            content.begin_text();
            y = PAGE_HEIGHT - MARGIN - LEADING;
        }
        let font = if line.bold { Name(b"F2") } else { Name(b"F1") };
        content.set_font(font, SIZE);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN, y]);
        content.show(Str(&win_ansi(&line.text)));
    }
    content.end_text();
    pages.push(content);

    let mut pdf = Pdf::new();
    let page_ids: Vec<(Ref, Ref)> = pages
        .iter()
        .map(|_| {
            let ids = (Ref::new(next_id), Ref::new(next_id + 1));
            next_id += 2;
            ids
        })
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    for ((page_id, content_id), content) in page_ids.iter().zip(pages) {
        let mut page = pdf.page(*page_id);
        page.parent(tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(*content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        page.finish();
        pdf.stream(*content_id, &content.finish());
    }
    for (id, name) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info).title(TextStr(title));
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::{LINE_CHARS, win_ansi, wrap};

    #[test]
    fn lines_break_at_spaces_and_long_words_are_cut() {
        let text = "Wort ".repeat(40);
        let lines = wrap(&text);
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_CHARS));
        assert_eq!(lines.join(" ").split(' ').count(), 40);
        let long = "x".repeat(LINE_CHARS + 5);
        assert_eq!(wrap(&long), vec!["x".repeat(LINE_CHARS), "x".repeat(5)]);
    }

    #[test]
    fn german_letters_stay_and_others_come_close() {
        assert_eq!(
            win_ansi("Grüße „Ä“ – 5 €"),
            b"Gr\xfc\xdfe \x84\xc4\x93 \x96 5 \x80"
        );
        assert_eq!(win_ansi("Yılmaz Şahin"), b"Yilmaz Sahin");
    }
}
