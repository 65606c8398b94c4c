//! The search box: an island. Without JavaScript it is a plain text field of the search
//! form; with JavaScript it becomes a combobox (WAI-ARIA 1.2 pattern) that suggests
//! services while typing, debounced, fully usable with the keyboard.

use crate::api::catalogue::{Suggestion, suggest_services};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchBoxText {
    pub label: String,
    pub hint: String,
    /// "{count} suggestions", announced to screen readers.
    pub count: String,
    /// The name of the list of suggestions.
    pub list_label: String,
}

const DEBOUNCE: Duration = Duration::from_millis(200);

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn SearchBox(text: SearchBoxText, value: String) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let typed = StoredValue::new(0u64);
    let count_template = StoredValue::new(text.count.clone());
    let list_label = StoredValue::new(text.list_label.clone());

    let on_input = move |ev: leptos::ev::Event| {
        let query = event_target_value(&ev);
        let generation = typed.get_value() + 1;
        typed.set_value(generation);
        set_timeout(
            move || {
                if typed.get_value() != generation {
                    return; // a newer keystroke will ask
                }
                leptos::task::spawn_local(async move {
                    let found = suggest_services(query).await.unwrap_or_default();
                    if typed.get_value() == generation {
                        open.set(!found.is_empty());
                        active.set(None);
                        suggestions.set(found);
                    }
                });
            },
            DEBOUNCE,
        );
    };
    let go = move |index: usize| {
        if let Some(s) = suggestions.with_untracked(|list| list.get(index).cloned()) {
            let _ = window()
                .location()
                .set_href(&format!("/leistungen/{}", s.slug));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let len = suggestions.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if len > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % len)));
            }
            "ArrowUp" if len > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(len - 1, |i| (i + len - 1) % len)));
            }
            "Enter" => {
                if let (true, Some(index)) = (open.get_untracked(), active.get_untracked()) {
                    ev.prevent_default();
                    go(index);
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let option_id = |i: usize| format!("search-suggestion-{i}");
    let status = move || {
        let n = suggestions.with(Vec::len);
        (open.get() && n > 0)
            .then(|| count_template.with_value(|t| t.replace("{count}", &n.to_string())))
    };
    view! {
        <div class="kern-form-input search-box">
            <label class="kern-label" for="search-q">{text.label.clone()}</label>
            <div class="kern-hint" id="search-q-hint">{text.hint.clone()}</div>
            <input
                class="kern-form-input__input"
                id="search-q"
                type="text"
                name="q"
                value=value
                maxlength="200"
                autocomplete="off"
                aria-describedby="search-q-hint"
                role=move || hydrated.get().then_some("combobox")
                aria-autocomplete=move || hydrated.get().then_some("list")
                aria-controls=move || hydrated.get().then_some("search-suggestions")
                aria-expanded=move || hydrated.get().then(|| if open.get() { "true" } else { "false" })
                aria-activedescendant=move || active.get().map(option_id)
                data-hydrated=move || hydrated.get().then_some("true")
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| set_timeout(move || open.set(false), Duration::from_millis(150))
            />
            // Only with JavaScript is there a list to choose from.
            <Show when=move || hydrated.get()>
            <ul class="search-box__list" id="search-suggestions" role="listbox" aria-label=list_label.get_value() hidden=move || !open.get()>
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let selected = move || active.get() == Some(i);
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    class="search-box__option"
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        go(i);
                                    }
                                >
                                    {s.title}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            </Show>
            <div class="kern-sr-only" role="status" aria-live="polite">{status}</div>
        </div>
    }
    .into_any()
}
