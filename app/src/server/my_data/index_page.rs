//! `index.html` of the archive: everything in it as one page in the person's language,
//! readable offline in any browser and with a screen reader (one heading order, tables
//! with captions and row headers, no scripts), each file linked at its place.

use kernel::{
    I18n,
    personal_data::{DataPart, DataRecord},
    upload::size_for_people,
};
use leptos::prelude::*;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::layout::{Layout, Placed};

/// Characters written as they are in a link to a file; everything else is escaped.
const KEPT_IN_LINKS: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Plain, print-friendly styles, inline so the page needs nothing else.
const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;\
margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}\
a{color:#004b8c}table{border-collapse:collapse;margin:0 0 1rem}\
caption{text-align:left;font-weight:600}th,td{border:1px solid #767676;padding:.25rem .5rem;\
text-align:left;vertical-align:top}dt{font-weight:600}dd{margin:0 0 .5rem}\
article{border-top:1px solid #767676;margin-top:1.5rem}";

/// The whole page.
pub fn render(i18n: &I18n, parts: &[DataPart], layout: &Layout, written: &str) -> String {
    let title = i18n.t("shell-data-archive-title");
    let made = i18n.t_named(
        "shell-data-archive-made",
        &[("date".to_owned(), written.to_owned())],
    );
    let contents = parts
        .iter()
        .enumerate()
        .map(|(p, part)| {
            view! {
                <li>
                    <a href=format!("#part-{p}")>{part.title.clone()}</a>
                    " ("{part.records.len()}")"
                </li>
            }
        })
        .collect_view();
    let sections = parts
        .iter()
        .zip(layout)
        .enumerate()
        .map(|(p, (part, places))| view! { <Part i18n=*i18n number=p part=part.clone() places=places.clone() /> })
        .collect_view();
    let body = view! {
        <main>
            <h1>{title.clone()}</h1>
            <p>{made}</p>
            <p>{i18n.phrase("shell-data-archive-intro")}</p>
            <nav aria-labelledby="contents">
                <h2 id="contents">{i18n.phrase("shell-data-archive-contents")}</h2>
                <ul>{contents}</ul>
            </nav>
            {sections}
        </main>
    }
    .to_html();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>{body}</body></html>",
        lang = i18n.locale.code(),
        title = body_safe(&title),
    )
}

/// `text` with the characters that mean something in HTML escaped (for the title,
/// which is written outside the view).
fn body_safe(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[component]
fn Part(i18n: I18n, number: usize, part: DataPart, places: Vec<Vec<Placed>>) -> impl IntoView {
    let id = format!("part-{number}");
    let records = part
        .records
        .into_iter()
        .zip(places)
        .enumerate()
        .map(|(r, (record, files))| {
            let id = format!("part-{number}-{r}");
            view! { <Record i18n id record files /> }
        })
        .collect_view();
    let labelled_by = id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=id>{part.title}</h2>
            <p>{part.note}</p>
            {records}
        </section>
    }
}

#[component]
fn Record(i18n: I18n, id: String, record: DataRecord, files: Vec<Placed>) -> impl IntoView {
    let facts = record
        .facts
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    let answers = (!record.answers.is_empty()).then(|| {
        let tables = record
            .answers
            .into_iter()
            .filter(|section| !section.rows.is_empty())
            .map(|section| {
                let rows = section
                    .rows
                    .into_iter()
                    .map(|(label, value)| view! { <tr><th scope="row">{label}</th><td>{value}</td></tr> })
                    .collect_view();
                view! { <table><caption>{section.title}</caption><tbody>{rows}</tbody></table> }
            })
            .collect_view();
        view! { <h4>{i18n.phrase("shell-data-answers")}</h4>{tables} }
    });
    let history = (!record.history.is_empty()).then(|| {
        let events = record
            .history
            .into_iter()
            .map(|event| {
                view! {
                    <li>
                        {event.at}" · "<strong>{event.what}</strong>" · "{event.by}
                        {event.text.map(|text| view! { <br />{text} })}
                    </li>
                }
            })
            .collect_view();
        view! { <h4>{i18n.phrase("shell-data-history")}</h4><ol>{events}</ol> }
    });
    let documents = (!record.files.is_empty()).then(|| {
        let missing = i18n.t("shell-data-file-missing");
        let items = record
            .files
            .into_iter()
            .zip(files)
            .map(|(file, placed)| {
                let about = format!(" ({}, {})", file.what, size_for_people(file.size));
                if placed.present {
                    view! { <li><a href=link(&placed.path)>{file.name}</a>{about}</li> }.into_any()
                } else {
                    view! { <li>{file.name}{about}": "{missing.clone()}</li> }.into_any()
                }
            })
            .collect_view();
        view! { <h4>{i18n.phrase("shell-data-files")}</h4><ul>{items}</ul> }
    });
    let labelled_by = id.clone();
    view! {
        <article aria-labelledby=labelled_by>
            <h3 id=id>{record.heading}</h3>
            <dl>{facts}</dl>
            {answers}
            {history}
            {documents}
        </article>
    }
}

/// A relative link to `path` inside the archive, each segment escaped.
fn link(path: &str) -> String {
    path.split('/')
        .map(|segment| utf8_percent_encode(segment, KEPT_IN_LINKS).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::link;

    #[test]
    fn links_survive_any_file_name() {
        assert_eq!(
            link("vorgaenge/M-2026-1/Foto #1 Küche.jpg"),
            "vorgaenge/M-2026-1/Foto%20%231%20K%C3%BCche.jpg"
        );
    }
}
