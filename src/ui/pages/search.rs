//! `/suche?q=…&lebenslage=…&online=1&seite=…`: search results with filters and paging.

use crate::api::catalogue::{SearchPage, search_services};
use crate::domain::catalogue::LifeSituation;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::listing::ServiceList;
use crate::ui::pages::search_box::{SearchBox, SearchBoxText};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The search form: a plain GET form around the search box island.
#[component]
pub fn SearchForm(#[prop(into)] value: String) -> impl IntoView {
    let locale = use_page().locale;
    let text = SearchBoxText {
        label: t("search-label"),
        hint: t("search-hint"),
        count: text_with(
            locale,
            "search-suggestions",
            &[("count", "{count}".to_owned())],
        ),
        list_label: t("search-suggestions-label"),
    };
    view! {
        <form class="search-form" method="get" action="/suche" role="search">
            <SearchBox text value/>
            <button type="submit" class="kern-btn kern-btn--primary">
                <span class="kern-label">{t("search-submit")}</span>
            </button>
        </form>
    }
}

#[derive(Clone, PartialEq, Eq)]
struct Params {
    q: String,
    life_situation: Option<String>,
    online_only: bool,
    page: i64,
}

#[component]
pub fn SearchPageView() -> impl IntoView {
    let query = use_query_map();
    let place = use_page().place;
    let params = move || {
        let q = query.read();
        Params {
            q: q.get("q").unwrap_or_default(),
            life_situation: q.get("lebenslage").filter(|s| !s.is_empty()),
            online_only: q.get("online").is_some_and(|v| v == "1"),
            page: q.get("seite").and_then(|s| s.parse().ok()).unwrap_or(1),
        }
    };
    let results = Resource::new_blocking(params, move |p| {
        search_services(p.q, p.life_situation, p.online_only, p.page, place.clone())
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let p = params();
                let page = results.await.unwrap_or_default();
                view! { <Results params=p page/> }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Results(params: Params, page: SearchPage) -> impl IntoView {
    let ctx = use_page();
    let locale = ctx.locale;
    let title = if params.q.trim().is_empty() {
        t("search-title")
    } else {
        text_with(locale, "search-title-for", &[("query", params.q.clone())])
    };
    let count = text_with(locale, "search-count", &[("count", page.total.to_string())]);
    let link = {
        let params = params.clone();
        move |n: i64| {
            let mut url = format!(
                "/suche?q={}",
                crate::domain::url::encode_query_value(&params.q)
            );
            if let Some(l) = &params.life_situation {
                url.push_str(&format!("&lebenslage={l}"));
            }
            if params.online_only {
                url.push_str("&online=1");
            }
            url.push_str(&format!("&seite={n}"));
            url
        }
    };
    let empty = (page.total == 0 && !params.q.trim().is_empty()).then(|| {
        let suggestion = page.suggestion.clone().map(|s| {
            view! {
                <p class="kern-body">
                    {t("search-did-you-mean")} " "
                    <a class="kern-link" href=format!("/suche?q={}", crate::domain::url::encode_query_value(&s))>{s.clone()}</a>
                </p>
            }
        });
        view! {
            <div class="text-section">
                <p class="kern-body">{t("search-empty")}</p>
                {suggestion}
                <p class="kern-body">{t("search-empty-tip")}</p>
            </div>
        }
    });
    let pager = (page.pages > 1).then(|| {
        let previous = (page.page > 1).then(|| view! { <a class="kern-link" rel="prev" href=link(page.page - 1)>{t("search-previous")}</a> });
        let next = (page.page < page.pages).then(|| view! { <a class="kern-link" rel="next" href=link(page.page + 1)>{t("search-next")}</a> });
        let status = text_with(locale, "search-page-of", &[("page", page.page.to_string()), ("pages", page.pages.to_string())]);
        view! { <nav class="pager" aria-label=t("search-pages-label")>{previous}<span>{status}</span>{next}</nav> }
    });
    let situations = LifeSituation::ALL
        .into_iter()
        .map(|l| {
            let selected = params.life_situation.as_deref() == Some(l.slug());
            view! { <option value=l.slug() selected=selected>{t(&format!("life-{}", l.slug()))}</option> }
        })
        .collect_view();
    view! {
        <PageTitle title=title.clone()/>
        <PageHeading title=title/>
        <SearchForm value=params.q.clone()/>
        <form class="search-filters" method="get" action="/suche">
            <input type="hidden" name="q" value=params.q.clone()/>
            <div class="kern-form-input">
                <label class="kern-label" for="search-life">{t("search-filter-life")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="search-life" name="lebenslage">
                        <option value="">{t("search-filter-all")}</option>
                        {situations}
                    </select>
                </div>
            </div>
            <div class="kern-form-check">
                <input class="kern-form-check__checkbox" type="checkbox" id="search-online" name="online" value="1" checked=params.online_only/>
                <label class="kern-label" for="search-online">{t("search-filter-online")}</label>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("search-filter-apply")}</span></button>
        </form>
        <p class="kern-body" role="status">{count}</p>
        {empty}
        <ServiceList services=page.hits place=ctx.place.clone()/>
        {pager}
    }
    .into_any()
}
