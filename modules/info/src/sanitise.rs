//! Markup from outside made safe to show: the service database's descriptions are HTML
//! written in an editor, and the portal shows only the structure a text needs (paragraphs,
//! lists, emphasis, links to the web, mail and telephone) and nothing that runs or loads.

use std::{collections::HashSet, sync::LazyLock};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from([
            "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h3", "h4",
        ]))
        .tag_attributes(std::collections::HashMap::from([(
            "a",
            HashSet::from(["href"]),
        )]))
        .url_schemes(HashSet::from(["https", "http", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(HashSet::from(["script", "style"]));
    builder
});

/// Characters editors leave in texts that only confuse screen readers and search.
const INVISIBLE: [char; 3] = ['\u{200b}', '\u{feff}', '\u{00ad}'];

/// `html` with only the allowed tags and attributes; the rest of the markup is dropped,
/// its text kept (scripts and styles go whole). Empty paragraphs are removed.
pub fn html(html: &str) -> String {
    let visible: String = html.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    let clean = CLEANER.clean(&visible).to_string();
    clean
        .replace("<p><br></p>", "")
        .replace("<p></p>", "")
        .trim()
        .to_owned()
}

/// The text of `html` without any markup, for search and for summaries: block ends
/// become line breaks, character references are decoded.
pub fn text(html: &str) -> String {
    let marked = html
        .replace("</p>", "</p>\n")
        .replace("</li>", "</li>\n")
        .replace("<br>", "\n");
    let mut builder = ammonia::Builder::empty();
    builder.clean_content_tags(HashSet::from(["script", "style"]));
    let escaped = builder.clean(&marked).to_string();
    let decoded = decode_references(&escaped);
    decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .filter(|c| !INVISIBLE.contains(c))
        .collect()
}

/// Undoes the escaping ammonia writes for text (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, `&nbsp;`).
fn decode_references(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_foreign_links_are_removed() {
        let dirty = r#"<p onclick="x()">Hallo <script>alert(1)</script><a href="javascript:alert(1)">hier</a> <a href="https://muenchen.de" target="_blank">Stadt</a></p><img src="x" onerror="y()"><iframe src="https://evil"></iframe><h1>Titel</h1>"#;
        assert_eq!(
            html(dirty),
            r#"<p>Hallo <a rel="noopener noreferrer">hier</a> <a href="https://muenchen.de" rel="noopener noreferrer">Stadt</a></p>Titel"#
        );
    }

    #[test]
    fn structure_stays_and_invisible_characters_go() {
        assert_eq!(
            html("<p>\u{200b}Erst <strong>dies</strong></p><p><br></p><ol><li>eins</li></ol>"),
            "<p>Erst <strong>dies</strong></p><ol><li>eins</li></ol>"
        );
    }

    #[test]
    fn text_keeps_words_and_lines_without_markup() {
        assert_eq!(
            text(
                "<p>Gebühr &amp; Kosten:&nbsp;50&nbsp;€</p><ul><li>A &lt;B&gt;</li><li>C</li></ul><script>x</script>"
            ),
            "Gebühr & Kosten: 50 €\nA <B>\nC"
        );
    }
}
