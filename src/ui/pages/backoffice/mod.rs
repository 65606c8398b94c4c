//! The back office of the authorities (`/behoerde`): the inbox, one case, statistics.
//! Dense but calm tables, filters that are a plain GET form (so they work without
//! JavaScript and every view has an address), keyboard shortcuts for frequent actions.

pub mod case;
pub mod shortcuts;
pub mod statistics;

use crate::api::backoffice::{InboxPage, load_inbox, pages};
use crate::domain::applications::Status;
use crate::domain::backoffice::{AssigneeChoice, InboxFilter, SortChoice};
use crate::domain::time::format_date_time;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shortcuts::{Shortcut, ShortcutAction, shortcuts_view};

/// The localized name of a status.
pub fn status_label(status: Status) -> String {
    t(&format!("status-{}", status.as_str()))
}

/// A status as a KERN badge.
pub fn status_badge(status: Status) -> impl IntoView {
    let tone = match status {
        Status::Draft | Status::Submitted => "kern-badge--info",
        Status::InProgress | Status::Query => "kern-badge--warning",
        Status::Approved => "kern-badge--success",
        Status::Rejected => "kern-badge--danger",
        Status::Withdrawn => "kern-badge--info",
    };
    view! { <span class=format!("kern-badge {tone}")><span class="kern-label">{status_label(status)}</span></span> }
}

/// `/behoerde`: the inbox.
#[component]
pub fn InboxPageView() -> impl IntoView {
    let query = use_query_map();
    let filter = move || InboxFilter::from_query(|name| query.read().get(name));
    let inbox = Resource::new_blocking(filter, load_inbox);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(page) => Either::Left(inbox_view(page)),
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn inbox_view(page: InboxPage) -> impl IntoView {
    let locale = use_page().locale;
    let filter = page.filter.clone();
    let all_count: i64 = page.by_status.iter().map(|(_, n)| n).sum();
    let tab = |status: Option<Status>, label: String, count: i64| {
        let target = InboxFilter {
            status,
            page: 1,
            ..filter.clone()
        };
        let current = filter.status == status;
        view! {
            <li>
                <a class="kern-link inbox-tab" href=format!("{}{}", pages::INBOX, target.query())
                    aria-current=current.then_some("page")>
                    {format!("{label} ({count})")}
                </a>
            </li>
        }
    };
    let tabs = std::iter::once(tab(None, t("inbox-all"), all_count))
        .chain(
            page.by_status
                .iter()
                .map(|(s, n)| tab(Some(*s), status_label(*s), *n)),
        )
        .collect_view();
    let option = |value: &str, label: String, selected: bool| {
        view! { <option value=value.to_owned() selected=selected>{label}</option> }
    };
    let services = std::iter::once(option("", t("inbox-any-service"), filter.service.is_none()))
        .chain(page.services.iter().map(|(slug, title)| {
            option(slug, title.clone(), filter.service.as_deref() == Some(slug))
        }))
        .collect_view();
    let assignees = [
        AssigneeChoice::All,
        AssigneeChoice::Mine,
        AssigneeChoice::Nobody,
    ]
    .into_iter()
    .map(|a| {
        option(
            a.as_str(),
            t(&format!("inbox-assignee-{}", a.as_str())),
            filter.assignee == a,
        )
    })
    .collect_view();
    let sorts = [SortChoice::Oldest, SortChoice::Newest, SortChoice::Waiting]
        .into_iter()
        .map(|s| {
            option(
                s.as_str(),
                t(&format!("inbox-sort-{}", s.as_str())),
                filter.sort == s,
            )
        })
        .collect_view();
    let authority_choice = (page.authorities.len() > 1).then(|| {
        let options = std::iter::once(option("", t("inbox-any-authority"), filter.authority.is_none()))
            .chain(page.authorities.iter().map(|(id, name)| {
                option(id, name.clone(), filter.authority.as_deref() == Some(id))
            }))
            .collect_view();
        view! {
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-authority">{t("inbox-authority")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="inbox-authority" name="behoerde">{options}</select>
                </div>
            </div>
        }
    });
    let rows = page
        .items
        .iter()
        .map(|item| {
            view! {
                <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">
                        <a class="kern-link inbox-case" href=pages::case(&item.reference)>{item.reference.clone()}</a>
                    </th>
                    <td class="kern-table__cell">{item.service_title.clone()}</td>
                    <td class="kern-table__cell">{item.applicant_name.clone()}</td>
                    <td class="kern-table__cell">{format_date_time(item.submitted_at, locale)}</td>
                    <td class="kern-table__cell">{status_badge(item.status)}</td>
                    <td class="kern-table__cell">{item.assignee.clone().unwrap_or_else(|| t("inbox-nobody"))}</td>
                </tr>
            }
        })
        .collect_view();
    let pages_total = (page.total + page.per_page - 1) / page.per_page;
    let pager = (pages_total > 1).then(|| {
        let link = |n: i64, key: &str| {
            let target = InboxFilter { page: n, ..filter.clone() };
            view! { <a class="kern-link" href=format!("{}{}", pages::INBOX, target.query())>{t(key)}</a> }
        };
        let status = text_with(locale, "inbox-page-of", &[("n", filter.page.to_string()), ("total", pages_total.to_string())]);
        view! {
            <nav class="pager" aria-label=t("inbox-pages-label")>
                {(filter.page > 1).then(|| link(filter.page - 1, "inbox-previous"))}
                <span>{status}</span>
                {(filter.page < pages_total).then(|| link(filter.page + 1, "inbox-next"))}
            </nav>
        }
    });
    let count = text_with(locale, "inbox-count", &[("count", page.total.to_string())]);
    let shortcuts = vec![
        Shortcut::new(
            "/",
            "inbox-search",
            ShortcutAction::Focus,
            t("shortcut-search"),
        ),
        Shortcut::new("j", "", ShortcutAction::NextRow, t("shortcut-next-case")),
        Shortcut::new(
            "k",
            "",
            ShortcutAction::PreviousRow,
            t("shortcut-previous-case"),
        ),
    ];
    let names: Vec<String> = page.authorities.iter().map(|(_, n)| n.clone()).collect();
    view! {
        <PageTitle title=t("inbox-title")/>
        <PageHeading title=t("inbox-title") lead=names.join(", ")/>
        <p class="kern-body"><a class="kern-link" href=pages::STATISTICS>{t("statistics-title")}</a></p>
        <nav class="inbox-tabs" aria-label=t("inbox-status-label")>
            <ul class="kern-list kern-list--horizontal">{tabs}</ul>
        </nav>
        <form method="get" action=pages::INBOX class="inbox-filter" role="search" aria-label=t("inbox-filter-label")>
            {filter.status.map(|s| view! { <input type="hidden" name="status" value=s.as_str()/> })}
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-search">{t("inbox-search")}</label>
                <div class="kern-hint" id="inbox-search-hint">{t("inbox-search-hint")}</div>
                <input class="kern-form-input__input" id="inbox-search" name="suche" type="search"
                    value=filter.text.clone() maxlength="100" aria-describedby="inbox-search-hint"/>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-service">{t("inbox-service")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="inbox-service" name="leistung">{services}</select>
                </div>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-assignee">{t("inbox-assignee")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="inbox-assignee" name="zustaendig">{assignees}</select>
                </div>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-from">{t("inbox-from")}</label>
                <input class="kern-form-input__input" id="inbox-from" name="von" type="date" value=filter.from.clone().unwrap_or_default()/>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-until">{t("inbox-until")}</label>
                <input class="kern-form-input__input" id="inbox-until" name="bis" type="date" value=filter.until.clone().unwrap_or_default()/>
            </div>
            {authority_choice}
            <div class="kern-form-input">
                <label class="kern-label" for="inbox-sort">{t("inbox-sort")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="inbox-sort" name="sortierung">{sorts}</select>
                </div>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("inbox-apply")}</span></button>
        </form>
        <p class="kern-body" role="status">{count}</p>
        {if page.items.is_empty() {
            Either::Left(view! { <p class="kern-body">{t("inbox-empty")}</p> })
        } else {
            Either::Right(view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=t("inbox-title")>
                    <table class="kern-table inbox-table">
                        <caption class="kern-sr-only">{t("inbox-title")}</caption>
                        <thead class="kern-table__head">
                            <tr class="kern-table__row">
                                <th class="kern-table__header" scope="col">{t("inbox-reference")}</th>
                                <th class="kern-table__header" scope="col">{t("inbox-service")}</th>
                                <th class="kern-table__header" scope="col">{t("inbox-applicant")}</th>
                                <th class="kern-table__header" scope="col">{t("inbox-submitted")}</th>
                                <th class="kern-table__header" scope="col">{t("inbox-status")}</th>
                                <th class="kern-table__header" scope="col">{t("inbox-assignee")}</th>
                            </tr>
                        </thead>
                        <tbody class="kern-table__body">{rows}</tbody>
                    </table>
                </div>
            })
        }}
        {pager}
        {shortcuts_view(shortcuts)}
    }
}
