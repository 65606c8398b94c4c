//! Online applications: `/antrag/{slug}` (before you start, the steps), one page per step,
//! `/antrag/{slug}/pruefen` (check your answers, declaration, submit), `/antraege` (my
//! applications) and `/antraege/{reference}` (confirmation and what was sent).
//!
//! Every page is a server-rendered form that posts and redirects, so it works without
//! JavaScript; whatever is typed is saved with every step.

pub mod fields;
pub mod live_step;

use crate::api::applications::{
    CHECK_FLASH, STEP_FLASH, SaveStep, SaveStepFiles, StartApplication, SubmitApplication,
    load_application, load_applications, load_check, load_start, load_step, pages,
};
use crate::domain::applications::Status;
use crate::domain::fields::ErrorCode;
use crate::domain::forms::AnswerError;
use crate::domain::time::format_date_time;
use crate::i18n::{text, text_with};
use crate::ui::components::{PageHeading, PageTitle};
use crate::ui::context::{t, use_page};
use crate::ui::pages::account::action;
use crate::ui::pages::error::NotFoundPage;
use crate::ui::pages::place::AuthorityCard;
use fields::{FieldContext, control_id, field_view, problem_message, step_summary};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use live_step::LiveStep;

fn param(name: &'static str) -> impl Fn() -> String + Send + Sync + Copy + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// A summary of refused answers, focused, each linking to its field.
fn problem_summary(items: Vec<(String, String)>) -> Option<AnyView> {
    crate::ui::form::error_summary(items.into_iter().map(|(href, m)| (Some(href), m)).collect())
}

/// `/antrag/{slug}`: what is needed, what it costs, the steps; start or resume.
#[component]
pub fn ApplicationStartPage() -> impl IntoView {
    let slug = param("slug");
    let start = Resource::new_blocking(slug, load_start);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(page) = start.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let ctx = use_page();
                let slug = page.service.slug.clone();
                let steps = page
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, (id, title, done))| {
                        let status = if *done { t("application-step-done") } else { t("application-step-open") };
                        let badge = if *done { "kern-badge kern-badge--success" } else { "kern-badge kern-badge--info" };
                        let link = page.draft_saved_at.is_some().then(|| pages::step(&slug, id));
                        view! {
                            <li class="task-list__item">
                                <span class="task-list__name">
                                    {format!("{}. ", i + 1)}
                                    {match link {
                                        Some(href) => Either::Left(view! { <a class="kern-link" href=href>{title.clone()}</a> }),
                                        None => Either::Right(view! { <span>{title.clone()}</span> }),
                                    }}
                                </span>
                                <span class=badge><span class="kern-label">{status}</span></span>
                            </li>
                        }
                    })
                    .collect_view();
                let documents = page
                    .service
                    .documents
                    .iter()
                    .map(|d| view! { <li>{d.clone()}</li> })
                    .collect_view();
                let action_view = start_actions(&page, &ctx);
                Either::Left(view! {
                    <PageTitle title=page.form_title.clone()/>
                    <PageHeading title=page.form_title.clone() lead=page.service.summary.clone()/>
                    <section class="text-section" aria-labelledby="before-heading">
                        <h2 id="before-heading" class="kern-heading-medium">{t("application-before-heading")}</h2>
                        <dl class="summary-list" lang="de">
                            <div class="summary-list__row"><dt class="summary-list__key">{t("service-fees-heading")}</dt><dd class="summary-list__value">{page.service.fees.clone()}</dd></div>
                            <div class="summary-list__row"><dt class="summary-list__key">{t("service-duration-heading")}</dt><dd class="summary-list__value">{page.service.duration.clone()}</dd></div>
                        </dl>
                        {(!page.service.documents.is_empty()).then(|| view! {
                            <h3 class="kern-heading-small">{t("service-documents-heading")}</h3>
                            <ul class="kern-list" lang="de">{documents}</ul>
                        })}
                    </section>
                    <section class="text-section" aria-labelledby="steps-heading">
                        <h2 id="steps-heading" class="kern-heading-medium">{t("application-steps-heading")}</h2>
                        <ol class="task-list">{steps}</ol>
                    </section>
                    {action_view}
                })
            })}
        </Suspense>
    }
    .into_any()
}

/// How to begin: sign in (or, where the form allows it, go on with only an e-mail
/// address); signed in, start or resume the draft; signed in without a password where the
/// form needs a full Servicekonto, how to get one.
fn start_actions(
    page: &crate::api::applications::StartPage,
    ctx: &crate::ui::context::PageContext,
) -> AnyView {
    use crate::api::account::pages as account_pages;
    use crate::domain::forms::Access;
    let locale = ctx.locale;
    let slug = page.service.slug.clone();
    let here = crate::domain::url::encode_query_value(&pages::start(&slug));
    let sign_in = format!("{}?weiter={here}", account_pages::SIGN_IN);
    match &ctx.account {
        None if page.access == Access::Email => view! {
            <section class="text-section" aria-labelledby="access-heading">
                <h2 id="access-heading" class="kern-heading-medium">{t("application-access-heading")}</h2>
                <p class="kern-body">{t("application-access-choice")}</p>
                <ul class="kern-list access-choices">
                    <li>
                        <a class="kern-btn kern-btn--primary" href=sign_in><span class="kern-label">{t("application-access-account")}</span></a>
                        " "
                        <a class="kern-link" href=account_pages::REGISTER>{t("register-title")}</a>
                    </li>
                    <li>
                        <a class="kern-btn kern-btn--secondary" href=format!("{}?weiter={here}", account_pages::EMAIL_ACCESS)>
                            <span class="kern-label">{t("application-access-email")}</span>
                        </a>
                    </li>
                </ul>
            </section>
        }
        .into_any(),
        None => view! {
            <p class="kern-body">{t("application-needs-account")}</p>
            <p class="kern-body">
                <a class="kern-btn kern-btn--primary" href=sign_in><span class="kern-label">{t("sign-in-title")}</span></a>
                " "
                <a class="kern-link" href=account_pages::REGISTER>{t("register-title")}</a>
            </p>
        }
        .into_any(),
        Some(account) if !account.has_password && page.access == Access::Account => view! {
            <div class="kern-alert kern-alert--info" role="status">
                <div class="kern-alert__header">
                    <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
                    <span class="kern-title">{t("application-needs-password-title")}</span>
                </div>
                <div class="kern-alert__body">
                    <p class="kern-body">{t("application-needs-password")}</p>
                    <p class="kern-body"><a class="kern-link" href=account_pages::FORGOT>{t("account-set-password")}</a></p>
                </div>
            </div>
        }
        .into_any(),
        Some(_) => {
            let label = if page.draft_saved_at.is_some() { t("application-resume") } else { t("application-start") };
            let saved = page.draft_saved_at.map(|at| {
                let until = page.draft_expires_at.map(|e| format_date_time(e, locale)).unwrap_or_default();
                text_with(locale, "application-draft-saved", &[("at", format_date_time(at, locale)), ("until", until)])
            });
            view! {
                {saved.map(|s| view! { <p class="kern-body">{s}</p> })}
                <form method="post" action={action::<StartApplication>()}>
                    <input type="hidden" name="service" value=slug/>
                    <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{label}</span></button>
                </form>
            }
            .into_any()
        }
    }
}

/// One step: the fields of the form version the draft started with.
#[component]
pub fn ApplicationStepPage() -> impl IntoView {
    let slug = param("slug");
    let step = param("step");
    let data = Resource::new_blocking(
        move || (slug(), step()),
        |(slug, step)| load_step(slug, step),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(page) = data.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let ctx = use_page();
                let locale = ctx.locale;
                let errors: Vec<AnswerError> = ctx.flash(STEP_FLASH).unwrap_or_default();
                let form = page.form.clone();
                let step = &form.steps[page.step];
                let slug = form.service.clone();
                let cx = FieldContext {
                    locale,
                    answers: page.answers.clone(),
                    errors: errors.clone(),
                    form: form.clone(),
                    places: page.places.clone(),
                    prefilled: page.prefilled.clone(),
                    files: page.files.clone(),
                    max_file_mb: page.max_file_mb,
                };
                let summary = problem_summary(
                    errors
                        .iter()
                        .map(|e| (format!("#{}", control_id(&e.path)), problem_message(&form, e, locale)))
                        .collect(),
                );
                let back = match page.step {
                    0 => pages::start(&slug),
                    i => pages::step(&slug, &form.steps[i - 1].id),
                };
                let progress = text_with(
                    locale,
                    "application-progress",
                    &[("n", (page.step + 1).to_string()), ("total", form.steps.len().to_string())],
                );
                let fields = step.fields.iter().map(|f| field_view(f, "", &cx)).collect_view();
                // Files go with the step as multipart/form-data, to their own endpoint.
                let has_files = step.fields.iter().any(|f| f.kind == crate::domain::forms::FieldKind::File);
                let (form_action, enctype) = if has_files {
                    (action::<SaveStepFiles>(), "multipart/form-data")
                } else {
                    (action::<SaveStep>(), "application/x-www-form-urlencoded")
                };
                let title = step.title.get(locale).to_owned();
                let page_title = format!("{title} – {}", form.title.get(locale));
                let site = ctx.site.name.clone();
                let live = live_step::LiveStepSpec::new(
                    &form,
                    page.step,
                    page.form.steps[page.step]
                        .fields
                        .iter()
                        .filter(|f| f.kind == crate::domain::forms::FieldKind::File)
                        .map(|f| (f.id.clone(), page.answers.get(&f.id).to_owned()))
                        .collect(),
                    locale,
                    t("error-summary-title"),
                    crate::ui::components::document_title(&page_title, &site, true, locale),
                    action::<SaveStep>().to_owned(),
                );
                let step_id = step.id.clone();
                let intro = step.intro.as_ref().map(|i| i.get(locale).to_owned()).unwrap_or_default();
                let form_view = view! {
                    {summary}
                    <form method="post" action=form_action enctype=enctype class="application-form" novalidate=true>
                        // Enter in a field means "continue", not the first button of a group.
                        <button type="submit" name="action" value="weiter" class="kern-sr-only" tabindex="-1" aria-hidden="true">{t("application-continue")}</button>
                        <input type="hidden" name="service" value=slug.clone()/>
                        <input type="hidden" name="step" value=step_id/>
                        {fields}
                        <div class="form-actions">
                            <button type="submit" name="action" value="weiter" class="kern-btn kern-btn--primary"><span class="kern-label">{t("application-continue")}</span></button>
                            <button type="submit" name="action" value="speichern" class="kern-btn kern-btn--secondary"><span class="kern-label">{t("application-save-later")}</span></button>
                        </div>
                    </form>
                }
                .into_any();
                Either::Left(view! {
                    <PageTitle title=page_title.clone() has_errors=!errors.is_empty()/>
                    <p><a class="kern-link back-link" href=back>{t("application-back")}</a></p>
                    <p class="kern-body application-caption">{form.title.get(locale).to_owned()}" · "{progress}</p>
                    <PageHeading title=title lead=intro/>
                    <LiveStep spec=live>{form_view}</LiveStep>
                })
            })}
        </Suspense>
    }
    .into_any()
}

/// Check your answers, choose the Gemeinde, confirm, submit.
#[component]
pub fn ApplicationCheckPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new_blocking(slug, load_check);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(page) = data.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let ctx = use_page();
                let locale = ctx.locale;
                let refused: Vec<(String, ErrorCode)> = ctx.flash(CHECK_FLASH).unwrap_or_default();
                let form = page.form.clone();
                let slug = form.service.clone();
                let cx = FieldContext {
                    locale,
                    answers: page.answers.clone(),
                    errors: Vec::new(),
                    form: form.clone(),
                    places: page.places.clone(),
                    prefilled: Default::default(),
                    files: page.files.clone(),
                    max_file_mb: 0,
                };
                let mut items: Vec<(String, String)> = page
                    .problems
                    .iter()
                    .map(|p| {
                        let top = p.path.split('.').next().unwrap_or_default();
                        let step = form
                            .fields()
                            .find(|(_, f)| f.id == top)
                            .map(|(i, _)| form.steps[i].id.clone())
                            .unwrap_or_default();
                        (format!("{}#{}", pages::step(&slug, &step), control_id(&p.path)), problem_message(&form, p, locale))
                    })
                    .collect();
                let gemeinde_message = refused.iter().find(|(f, _)| f == "gemeinde").map(|(_, code)| {
                    if *code == ErrorCode::NoAuthority { t("application-gemeinde-no-authority") } else { t("application-gemeinde-required") }
                });
                for (field, _) in &refused {
                    match field.as_str() {
                        "gemeinde" => items.push(("#check-gemeinde".into(), gemeinde_message.clone().unwrap_or_default())),
                        "declaration" => items.push(("#check-declaration".into(), t("application-declaration-required"))),
                        _ => {}
                    }
                }
                let has_errors = !items.is_empty();
                let sections = form
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let heading_id = format!("check-{}", s.id);
                        view! {
                            <section class="text-section" aria-labelledby=heading_id.clone()>
                                <h2 id=heading_id.clone() class="kern-heading-medium">{s.title.get(locale).to_owned()}</h2>
                                {step_summary(i, &cx, Some(pages::step(&slug, &s.id)))}
                            </section>
                        }
                    })
                    .collect_view();
                let gemeinde_error = gemeinde_message.is_some();
                let declaration_error = refused.iter().any(|(f, _)| f == "declaration");
                let selected = page.gemeinde.clone().unwrap_or_default();
                let options = std::iter::once((String::new(), t("profile-choose")))
                    .chain(page.places.kreise.iter().flat_map(|(_, list)| list.iter().map(|g| (g.ags.to_string(), g.name.clone()))))
                    .map(|(v, l)| {
                        let is = v == selected;
                        view! { <option value=v selected=is>{l}</option> }
                    })
                    .collect_view();
                let title = t("application-check-title");
                Either::Left(view! {
                    <PageTitle title=format!("{title} – {}", form.title.get(locale)) has_errors/>
                    <p class="kern-body application-caption">{form.title.get(locale).to_owned()}</p>
                    <PageHeading title=title/>
                    {problem_summary(items)}
                    {sections}
                    <form method="post" action={action::<SubmitApplication>()} class="application-form" novalidate=true>
                        <input type="hidden" name="service" value=slug.clone()/>
                        <input type="hidden" name="key" value=page.idempotency_key.clone()/>
                        <div class=if gemeinde_error { "kern-form-input kern-form-input--error" } else { "kern-form-input" }>
                            <label class="kern-label" for="check-gemeinde">{t("application-gemeinde-label")}</label>
                            <div class="kern-hint" id="check-gemeinde-hint">{t("application-gemeinde-hint")}</div>
                            {gemeinde_message.map(|message| view! {
                                <p class="kern-error" id="check-gemeinde-error">
                                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                                    <span class="kern-body">{message}</span>
                                </p>
                            })}
                            <div class="kern-form-input__select-wrapper">
                                <select class="kern-form-input__select" id="check-gemeinde" name="gemeinde"
                                    aria-describedby=if gemeinde_error { "check-gemeinde-hint check-gemeinde-error" } else { "check-gemeinde-hint" }>
                                    {options}
                                </select>
                            </div>
                        </div>
                        <h2 class="kern-heading-medium">{t("application-declaration-heading")}</h2>
                        <div class=if declaration_error { "kern-form-check kern-form-check--error" } else { "kern-form-check" }>
                            {declaration_error.then(|| view! {
                                <p class="kern-error" id="check-declaration-error">
                                    <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                                    <span class="kern-body">{t("application-declaration-required")}</span>
                                </p>
                            })}
                            <input class="kern-form-check__input" type="checkbox" id="check-declaration" name="declaration" value="ja"
                                aria-describedby=declaration_error.then_some("check-declaration-error")/>
                            <label class="kern-label" for="check-declaration">{form.declaration.get(locale).to_owned()}</label>
                        </div>
                        <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t("application-submit")}</span></button>
                    </form>
                })
            })}
        </Suspense>
    }
    .into_any()
}

/// `/antraege`: drafts and submitted applications.
#[component]
pub fn ApplicationListPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| load_applications());
    view! {
        <PageTitle title=t("applications-title")/>
        <PageHeading title=t("applications-title") lead=t("applications-lead")/>
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(items) = list.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let locale = use_page().locale;
                if items.is_empty() {
                    return Either::Left(Either::Left(view! { <p class="kern-body">{t("applications-none")}</p> }));
                }
                let (drafts, sent): (Vec<_>, Vec<_>) = items.into_iter().partition(|a| a.status == Status::Draft);
                let row = move |a: crate::api::applications::ApplicationItem| {
                    let (href, state) = match &a.reference {
                        Some(r) => (pages::detail(r), crate::ui::pages::backoffice::status_label(a.status)),
                        None => (pages::start(&a.service_slug), t("application-status-draft")),
                    };
                    let detail = match (&a.reference, a.expires_at) {
                        (Some(r), _) => r.clone(),
                        (None, Some(until)) => text_with(locale, "application-draft-until", &[("until", format_date_time(until, locale))]),
                        (None, None) => String::new(),
                    };
                    view! {
                        <tr class="kern-table__row">
                            <td class="kern-table__cell"><a class="kern-link" href=href>{a.service_title.clone()}</a></td>
                            <td class="kern-table__cell">{state}</td>
                            <td class="kern-table__cell">{detail}</td>
                            <td class="kern-table__cell">{format_date_time(a.updated_at, locale)}</td>
                        </tr>
                    }
                };
                let table = move |caption: String, rows: Vec<crate::api::applications::ApplicationItem>| {
                    (!rows.is_empty()).then(|| view! {
                        <div class="table-scroll">
                            <table class="kern-table">
                                <caption class="kern-title">{caption.clone()}</caption>
                                <thead class="kern-table__head">
                                    <tr class="kern-table__row">
                                        <th class="kern-table__header" scope="col">{text(locale, "applications-service")}</th>
                                        <th class="kern-table__header" scope="col">{text(locale, "applications-status")}</th>
                                        <th class="kern-table__header" scope="col">{text(locale, "applications-reference")}</th>
                                        <th class="kern-table__header" scope="col">{text(locale, "applications-updated")}</th>
                                    </tr>
                                </thead>
                                <tbody class="kern-table__body">{rows.into_iter().map(row).collect_view()}</tbody>
                            </table>
                        </div>
                    })
                };
                Either::Left(Either::Right(view! {
                    {table(t("applications-sent"), sent)}
                    {table(t("applications-drafts"), drafts)}
                }))
            })}
        </Suspense>
    }
    .into_any()
}

/// `/antraege/{reference}`: the confirmation, what happens next, and what was sent.
#[component]
pub fn ApplicationDetailPage() -> impl IntoView {
    let reference = param("reference");
    let data = Resource::new_blocking(reference, load_application);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(page) = data.await else {
                    return Either::Right(view! { <NotFoundPage/> });
                };
                let locale = use_page().locale;
                let form = page.form.clone();
                let cx = FieldContext {
                    locale,
                    answers: page.answers.clone(),
                    errors: Vec::new(),
                    form: form.clone(),
                    places: Default::default(),
                    prefilled: Default::default(),
                    files: page.files.clone(),
                    max_file_mb: 0,
                };
                let sections = form
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| view! {
                        <h3 class="kern-heading-small">{s.title.get(locale).to_owned()}</h3>
                        {step_summary(i, &cx, None)}
                    })
                    .collect_view();
                let title = text_with(locale, "application-sent-title", &[("service", page.service_title.clone())]);
                let facts = view! {
                    <p class="kern-body">{t("application-reference")}" "<strong class="reference">{page.reference.clone()}</strong></p>
                    <p class="kern-body">{text_with(locale, "application-sent-at", &[("at", format_date_time(page.submitted_at, locale))])}</p>
                    <p class="kern-body">
                        <a class="kern-link" href=pages::receipt(&page.reference) download="">{t("application-receipt-link")}</a>
                    </p>
                };
                let mailbox = crate::api::mailbox::pages::thread(&page.reference);
                // Just sent: the confirmation; later: where it stands.
                let head = if page.status == Status::Submitted {
                    Either::Left(view! {
                        <div class="kern-alert kern-alert--success confirmation" role="status">
                            <div class="kern-alert__header">
                                <span class="kern-icon kern-icon--success" aria-hidden="true"></span>
                                <h1 class="kern-title">{title.clone()}</h1>
                            </div>
                            <div class="kern-alert__body">{facts}</div>
                        </div>
                    })
                } else {
                    Either::Right(view! {
                        <p class="kern-body application-caption">{page.service_title.clone()}</p>
                        <h1 class="kern-heading-large">{page.reference.clone()}</h1>
                        <p class="kern-body">{t("applications-status")} ": " {crate::ui::pages::backoffice::status_badge(page.status)}</p>
                        {facts}
                    })
                };
                Either::Left(view! {
                    <PageTitle title=title.clone()/>
                    {head}
                    <p class="kern-body"><strong>{t("application-next-label")} ": "</strong>{t(&format!("application-next-{}", page.status.as_str()))}</p>
                    <p class="kern-body"><a class="kern-link" href=mailbox>{t("application-to-mailbox")}</a></p>
                    {(!page.timeline.is_empty()).then(|| view! {
                        <section class="text-section" aria-labelledby="timeline-heading">
                            <h2 id="timeline-heading" class="kern-heading-medium">{t("timeline-heading")}</h2>
                            {crate::ui::pages::backoffice::case::timeline_view(&page.timeline)}
                        </section>
                    })}
                    <section class="text-section" aria-labelledby="next-heading">
                        <h2 id="next-heading" class="kern-heading-medium">{t("application-next-heading")}</h2>
                        <p class="kern-body">{form.next_steps.get(locale).to_owned()}</p>
                    </section>
                    {page.authority.map(|authority| view! {
                        <section class="text-section" aria-labelledby="authority-heading">
                            <h2 id="authority-heading" class="kern-heading-medium">{t("application-authority-heading")}</h2>
                            <AuthorityCard authority/>
                        </section>
                    })}
                    <section class="text-section" aria-labelledby="answers-heading">
                        <h2 id="answers-heading" class="kern-heading-medium">{t("application-answers-heading")}</h2>
                        {sections}
                    </section>
                    <p class="kern-body"><a class="kern-link" href=pages::LIST>{t("applications-title")}</a></p>
                })
            })}
        </Suspense>
    }
    .into_any()
}
