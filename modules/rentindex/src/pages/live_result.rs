//! The result in the browser: the state the answers give is shown and its figures are
//! written into the server's markup (see `result`), so the browser needs the estimate
//! and not the result's views.

use kernel::dom::{each, flag};
use web_sys::{Document, Element};

use super::reading::{Reading, Shown};

/// Shows `reading` in the result area `area`.
pub fn show(area: &Element, reading: &Reading) {
    let state = match reading {
        Reading::Nothing => "",
        Reading::Missing(_) => "missing",
        Reading::Outside(_) => "outside",
        Reading::Shown(_) => "shown",
    };
    each(area, "[data-state]", |element| {
        let hide = element.get_attribute("data-state").as_deref() != Some(state);
        flag(&element, "hidden", hide);
    });
    match reading {
        Reading::Nothing => {}
        Reading::Missing(text) => write(area, "missing", text),
        Reading::Outside(text) => write(area, "outside", text),
        Reading::Shown(figures) => show_figures(area, figures),
    }
}

fn show_figures(area: &Element, figures: &Shown) {
    write(area, "mean", &figures.mean);
    write(area, "range", &figures.range);
    write(area, "base", &figures.base);
    write(area, "mean-per-sqm", &figures.mean_per_sqm);
    if let Some(link) = slot(area, "check") {
        let _ = link.set_attribute("href", &figures.check_href);
    }
    // The additions and deductions: the old lines go, the new ones come before the
    // table's last line.
    each(area, "[data-slot=row]", |row| row.remove());
    let (Some(end), Some(document)) = (slot(area, "rows-end"), area.owner_document()) else {
        return;
    };
    for cells in &figures.rows {
        if let Some(row) = table_row(&document, cells) {
            let _ = end.before_with_node_1(&row);
        }
    }
}

/// A line of the table: what, percent, per square metre (the figures right-aligned).
fn table_row(document: &Document, cells: &[String; 3]) -> Option<Element> {
    let row = document.create_element("tr").ok()?;
    row.set_attribute("data-slot", "row").ok()?;
    for (index, text) in cells.iter().enumerate() {
        let cell = document.create_element("td").ok()?;
        if index > 0 {
            cell.set_class_name("portal-number");
        }
        cell.set_text_content(Some(text));
        row.append_child(&cell).ok()?;
    }
    Some(row)
}

fn slot(area: &Element, name: &str) -> Option<Element> {
    area.query_selector(&format!("[data-slot={name}]"))
        .ok()
        .flatten()
}

fn write(area: &Element, name: &str, text: &str) {
    if let Some(element) = slot(area, name) {
        element.set_text_content(Some(text));
    }
}
