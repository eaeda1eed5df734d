//! Changing the server's markup from an island (see ARCHITECTURE.md, "What runs in the
//! browser"): the elements below a root that a selector finds, and attributes that are
//! on or off (`hidden`).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Calls `act` with every element below `root` that `selector` finds.
pub fn each(root: &Element, selector: &str, mut act: impl FnMut(Element)) {
    let Ok(found) = root.query_selector_all(selector) else {
        return;
    };
    for index in 0..found.length() {
        if let Some(element) = found.item(index).and_then(|n| n.dyn_into().ok()) {
            act(element);
        }
    }
}

/// Sets the attribute `name` (empty, as `hidden` is) or removes it.
pub fn flag(element: &Element, name: &str, on: bool) {
    if element.has_attribute(name) != on {
        let _ = if on {
            element.set_attribute(name, "")
        } else {
            element.remove_attribute(name)
        };
    }
}
