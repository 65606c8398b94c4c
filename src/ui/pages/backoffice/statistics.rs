//! `/behoerde/statistik`: submissions per service and status as a chart (SVG drawn on the
//! server, described for screen readers, with the same figures as a table), processing
//! times, and the cases open for too long; the table as CSV.

use super::status_label;
use crate::api::backoffice::{StatisticsPage, StatisticsRow, load_statistics, pages};
use crate::domain::applications::Status;
use crate::domain::locale::Locale;
use crate::domain::time::format_date_time;
use crate::i18n::text_with;
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::error::NotFoundPage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StatisticsPageView() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (q.get("behoerde"), q.get("von"), q.get("bis"))
    };
    let data = Resource::new_blocking(args, |(a, f, u)| load_statistics(a, f, u));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => Either::Left(statistics_view(page)),
                    Err(_) => Either::Right(view! { <NotFoundPage/> }),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Hours as days with one decimal, in the page's language ("2,5 Tage").
pub fn days(hours: Option<i64>, locale: Locale) -> String {
    match hours {
        None => "–".to_owned(),
        Some(h) => {
            let tenths = (h * 10 + 12) / 24;
            let sep = if locale == Locale::En { "." } else { "," };
            text_with(
                locale,
                "statistics-days",
                &[("days", format!("{}{sep}{}", tenths / 10, tenths % 10))],
            )
        }
    }
}

/// A horizontal stacked bar per service; the figures are in the table that follows.
fn chart(rows: &[StatisticsRow]) -> impl IntoView + use<> {
    const LABEL: f64 = 220.0;
    const WIDTH: f64 = 720.0;
    const BAR: f64 = 22.0;
    const GAP: f64 = 14.0;
    let max = rows.iter().map(|r| r.total).max().unwrap_or(1).max(1) as f64;
    let height = rows.len() as f64 * (BAR + GAP) + GAP;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = GAP + i as f64 * (BAR + GAP);
            let mut x = LABEL;
            let parts = row
                .counts
                .iter()
                .zip(Status::SUBMITTED)
                .filter(|(n, _)| **n > 0)
                .map(|(n, status)| {
                    let w = *n as f64 / max * (WIDTH - LABEL - 40.0);
                    let part = view! {
                        <rect x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{w:.1}") height=BAR.to_string()
                            class=format!("chart-bar chart-bar--{}", status.as_str())/>
                    };
                    x += w;
                    part
                })
                .collect_view();
            let title: String = row.service_title.chars().take(32).collect();
            view! {
                <g>
                    <text x="0" y=format!("{:.1}", y + BAR * 0.7) class="chart-label">{title}</text>
                    {parts}
                    <text x=format!("{:.1}", x + 6.0) y=format!("{:.1}", y + BAR * 0.7) class="chart-label">{row.total.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let legend = Status::SUBMITTED
        .iter()
        .map(|s| view! {
            <li><span class=format!("chart-swatch chart-bar--{}", s.as_str()) aria-hidden="true"></span>" "{status_label(*s)}</li>
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="chart-title chart-desc"
                width="100%" preserveAspectRatio="xMinYMin meet">
                <title id="chart-title">{t("statistics-chart-title")}</title>
                <desc id="chart-desc">{t("statistics-chart-desc")}</desc>
                {bars}
            </svg>
            <figcaption>
                <ul class="kern-list kern-list--horizontal chart-legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

fn statistics_view(page: StatisticsPage) -> impl IntoView {
    let locale = use_page().locale;
    let name = page
        .authorities
        .iter()
        .find(|(id, _)| *id == page.authority)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    let options = page
        .authorities
        .iter()
        .map(|(id, n)| {
            let selected = *id == page.authority;
            view! { <option value=id.clone() selected=selected>{n.clone()}</option> }
        })
        .collect_view();
    let heads = Status::SUBMITTED
        .iter()
        .map(|s| view! { <th class="kern-table__header" scope="col">{status_label(*s)}</th> })
        .collect_view();
    let rows = page
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .counts
                .iter()
                .map(|n| view! { <td class="kern-table__cell kern-table__cell--numeric">{n.to_string()}</td> })
                .collect_view();
            view! {
                <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">{r.service_title.clone()}</th>
                    {cells}
                    <td class="kern-table__cell kern-table__cell--numeric">{r.total.to_string()}</td>
                    <td class="kern-table__cell kern-table__cell--numeric">{r.decided.to_string()}</td>
                    <td class="kern-table__cell">{days(r.median_hours, locale)}</td>
                    <td class="kern-table__cell">{days(r.p90_hours, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    let overdue = page
        .overdue
        .iter()
        .map(|o| view! {
            <tr class="kern-table__row">
                <th class="kern-table__header" scope="row"><a class="kern-link" href=pages::case(&o.reference)>{o.reference.clone()}</a></th>
                <td class="kern-table__cell">{o.service_title.clone()}</td>
                <td class="kern-table__cell">{status_label(o.status)}</td>
                <td class="kern-table__cell">{format_date_time(o.submitted_at, locale)}</td>
            </tr>
        })
        .collect_view();
    let csv = format!(
        "{}?behoerde={}&von={}&bis={}",
        pages::STATISTICS_CSV,
        crate::domain::url::encode_query_value(&page.authority),
        page.from,
        page.until
    );
    let period = text_with(
        locale,
        "statistics-period",
        &[
            ("from", crate::domain::time::german_date(&page.from)),
            ("until", crate::domain::time::german_date(&page.until)),
        ],
    );
    let overdue_heading = text_with(
        locale,
        "statistics-overdue-heading",
        &[("days", page.overdue_days.to_string())],
    );
    view! {
        <PageTitle title=t("statistics-title")/>
        <PageHeading title=t("statistics-title") lead=format!("{name} · {period}")/>
        <p class="kern-body"><a class="kern-link" href=pages::INBOX>{t("case-back-to-inbox")}</a></p>
        <form method="get" action=pages::STATISTICS class="inbox-filter" aria-label=t("statistics-filter-label")>
            <div class="kern-form-input">
                <label class="kern-label" for="statistics-authority">{t("inbox-authority")}</label>
                <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id="statistics-authority" name="behoerde">{options}</select>
                </div>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="statistics-from">{t("inbox-from")}</label>
                <input class="kern-form-input__input" id="statistics-from" name="von" type="date" value=page.from.clone()/>
            </div>
            <div class="kern-form-input">
                <label class="kern-label" for="statistics-until">{t("inbox-until")}</label>
                <input class="kern-form-input__input" id="statistics-until" name="bis" type="date" value=page.until.clone()/>
            </div>
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("inbox-apply")}</span></button>
        </form>
        <section class="text-section" aria-labelledby="per-service-heading">
            <h2 id="per-service-heading" class="kern-heading-medium">{t("statistics-per-service")}</h2>
            {if page.rows.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("statistics-none")}</p> })
            } else {
                Either::Right(view! {
                    {chart(&page.rows)}
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("statistics-table-caption")>
                        <table class="kern-table">
                            <caption class="kern-title">{t("statistics-table-caption")}</caption>
                            <thead class="kern-table__head">
                                <tr class="kern-table__row">
                                    <th class="kern-table__header" scope="col">{t("inbox-service")}</th>
                                    {heads}
                                    <th class="kern-table__header" scope="col">{t("statistics-total")}</th>
                                    <th class="kern-table__header" scope="col">{t("statistics-decided")}</th>
                                    <th class="kern-table__header" scope="col">{t("statistics-median")}</th>
                                    <th class="kern-table__header" scope="col">{t("statistics-p90")}</th>
                                </tr>
                            </thead>
                            <tbody class="kern-table__body">{rows}</tbody>
                        </table>
                    </div>
                })
            }}
            <p class="kern-body"><a class="kern-link" href=csv download="">{t("statistics-csv")}</a></p>
        </section>
        <section class="text-section" aria-labelledby="overdue-heading">
            <h2 id="overdue-heading" class="kern-heading-medium">{overdue_heading}</h2>
            {if page.overdue.is_empty() {
                Either::Left(view! { <p class="kern-body">{t("statistics-no-overdue")}</p> })
            } else {
                Either::Right(view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=t("statistics-overdue-caption")>
                        <table class="kern-table">
                            <caption class="kern-sr-only">{t("statistics-overdue-caption")}</caption>
                            <thead class="kern-table__head">
                                <tr class="kern-table__row">
                                    <th class="kern-table__header" scope="col">{t("inbox-reference")}</th>
                                    <th class="kern-table__header" scope="col">{t("inbox-service")}</th>
                                    <th class="kern-table__header" scope="col">{t("inbox-status")}</th>
                                    <th class="kern-table__header" scope="col">{t("inbox-submitted")}</th>
                                </tr>
                            </thead>
                            <tbody class="kern-table__body">{overdue}</tbody>
                        </table>
                    </div>
                })
            }}
        </section>
    }
}
