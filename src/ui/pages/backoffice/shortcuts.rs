//! Keyboard shortcuts of the back office: single keys, outside text fields and without
//! modifier keys (so screen reader and browser shortcuts keep working), that focus or
//! press an element of the page, or move through the inbox's cases. The list is always
//! visible in the page (a `<details>`), and every action also has its ordinary control.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShortcutAction {
    /// Moves focus to the element (a field).
    Focus,
    /// Presses the element (a button or link).
    Click,
    /// Focuses the next / previous case link of the inbox.
    NextRow,
    PreviousRow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortcut {
    pub key: String,
    /// The element's id (for `Focus` and `Click`).
    pub target: String,
    pub action: ShortcutAction,
    /// What it does, for the list.
    pub label: String,
}

impl Shortcut {
    pub fn new(key: &str, target: &str, action: ShortcutAction, label: String) -> Self {
        Shortcut {
            key: key.to_owned(),
            target: target.to_owned(),
            action,
            label,
        }
    }
}

/// The visible list of shortcuts and the island that makes them work.
pub fn shortcuts_view(list: Vec<Shortcut>) -> impl IntoView {
    use crate::ui::context::t;
    let items = list
        .iter()
        .map(|s| view! { <li><kbd>{s.key.clone()}</kbd> " " {s.label.clone()}</li> })
        .collect_view();
    view! {
        <details class="shortcuts">
            <summary class="kern-body">{t("shortcuts-title")}</summary>
            <p class="kern-body">{t("shortcuts-text")}</p>
            <ul class="kern-list">{items}</ul>
        </details>
        <Shortcuts keys=list/>
    }
}

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn Shortcuts(keys: Vec<Shortcut>) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| {
        hydrated.set(true);
        #[cfg(feature = "hydrate")]
        {
            let keys = keys.clone();
            let handle = window_event_listener(leptos::ev::keydown, move |event| {
                browser::on_key(&keys, &event);
            });
            on_cleanup(move || handle.remove());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &keys;
    });
    view! { <span hidden=true data-hydrated=move || hydrated.get().then_some("")></span> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{Shortcut, ShortcutAction};
    use wasm_bindgen::JsCast;

    pub fn on_key(keys: &[Shortcut], event: &web_sys::KeyboardEvent) {
        if event.alt_key() || event.ctrl_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Typing in a field is typing, never a shortcut.
        if let Some(active) = document.active_element() {
            let tag = active.tag_name().to_ascii_lowercase();
            let editable = active.get_attribute("contenteditable").is_some();
            if matches!(tag.as_str(), "input" | "textarea" | "select") || editable {
                return;
            }
        }
        let key = event.key();
        let Some(shortcut) = keys.iter().find(|s| s.key == key) else {
            return;
        };
        let element = |id: &str| {
            document
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        };
        match shortcut.action {
            ShortcutAction::Focus => {
                if let Some(e) = element(&shortcut.target) {
                    event.prevent_default();
                    let _ = e.focus();
                }
            }
            ShortcutAction::Click => {
                if let Some(e) = element(&shortcut.target) {
                    event.prevent_default();
                    e.click();
                }
            }
            ShortcutAction::NextRow | ShortcutAction::PreviousRow => {
                let Ok(links) = document.query_selector_all("a.inbox-case") else {
                    return;
                };
                let count = links.length();
                if count == 0 {
                    return;
                }
                let active = document.active_element();
                let current = (0..count).find(|i| {
                    links
                        .item(*i)
                        .zip(active.as_ref())
                        .is_some_and(|(n, a)| n.is_same_node(Some(a)))
                });
                let next = match (shortcut.action, current) {
                    (ShortcutAction::NextRow, Some(i)) => (i + 1).min(count - 1),
                    (ShortcutAction::PreviousRow, Some(i)) => i.saturating_sub(1),
                    _ => 0,
                };
                if let Some(link) = links
                    .item(next)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    event.prevent_default();
                    let _ = link.focus();
                }
            }
        }
    }
}
