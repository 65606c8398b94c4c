//! Online applications: start or resume a draft, save each step (validated against the
//! exact form version of the draft), check the answers, submit once.
//!
//! Every function is a public endpoint: it needs a signed-in session and only ever sees the
//! applicant's own drafts and applications (someone else's is "not found"). Plain form posts
//! get a redirect; script callers get the same data and a `Location` to follow.

use crate::api::AppError;
use crate::domain::applications::Status;
use crate::domain::forms::{AnswerError, Answers, FormDefinition};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Addresses of the application pages.
pub mod pages {
    pub const LIST: &str = "/antraege";

    pub fn start(slug: &str) -> String {
        format!("/antrag/{slug}")
    }

    pub fn step(slug: &str, step: &str) -> String {
        format!("/antrag/{slug}/{step}")
    }

    pub fn check(slug: &str) -> String {
        format!("/antrag/{slug}/pruefen")
    }

    pub fn detail(reference: &str) -> String {
        format!("/antraege/{reference}")
    }

    pub fn receipt(reference: &str) -> String {
        format!("/antraege/{reference}/empfangsbestaetigung.pdf")
    }
}

/// The flash of a refused step: what was typed is saved in the draft anyway; these are the
/// problems to show.
pub const STEP_FLASH: &str = "application-step";
pub const CHECK_FLASH: &str = "application-check";

/// The start page of an application: what the service needs, and the steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartPage {
    pub service: crate::domain::catalogue::Service,
    pub form_title: String,
    /// Who may apply: signed in with a password, or also with only an e-mail address.
    pub access: crate::domain::forms::Access,
    /// `(step id, title, answered)`.
    pub steps: Vec<(String, String, bool)>,
    /// When the open draft was last saved, if there is one.
    pub draft_saved_at: Option<i64>,
    pub draft_expires_at: Option<i64>,
}

/// An uploaded file as the applicant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub public_id: String,
    pub field_path: String,
    pub file_name: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// One step of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepPage {
    pub service_title: String,
    pub form: FormDefinition,
    pub step: usize,
    pub answers: Answers,
    pub prefilled: BTreeMap<String, String>,
    pub places: crate::api::catalogue::Places,
    pub files: Vec<FileView>,
    /// The largest file, in MiB (for the hint).
    pub max_file_mb: usize,
}

/// Check your answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckPage {
    pub service_title: String,
    pub form: FormDefinition,
    pub answers: Answers,
    /// Problems left in the whole form (each links to its step).
    pub problems: Vec<AnswerError>,
    /// Sent with the submission: the same key twice is one application.
    pub idempotency_key: String,
    pub places: crate::api::catalogue::Places,
    /// The Gemeinde the application is for, preselected from the profile or "Mein Ort".
    pub gemeinde: Option<String>,
    pub files: Vec<FileView>,
}

/// A submitted application as its applicant sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub reference: String,
    pub service_slug: String,
    pub service_title: String,
    pub form: FormDefinition,
    pub answers: Answers,
    pub status: Status,
    pub submitted_at: i64,
    pub authority: Option<crate::domain::catalogue::Authority>,
    pub files: Vec<FileView>,
    /// Where it stands: every status change, oldest first.
    pub timeline: Vec<crate::api::backoffice::EventView>,
}

/// One line of "Meine Anträge".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationItem {
    pub service_slug: String,
    pub service_title: String,
    pub status: Status,
    pub reference: Option<String>,
    pub updated_at: i64,
    pub expires_at: Option<i64>,
}

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use super::*;
    use crate::api::account::support::{internal, require_session};
    use crate::server::clock::Timestamp;
    use crate::server::state::AppState;
    use crate::server::storage::applications::Application;
    use crate::server::storage::sessions::Session;
    use crate::server::{request, storage};

    pub fn today(state: &AppState) -> String {
        crate::domain::time::iso_date(state.clock.now().0)
    }

    pub fn expiry(state: &AppState) -> Timestamp {
        Timestamp(state.clock.now().0 + state.config.applications.draft_days * 86_400)
    }

    /// The signed-in session; without one, plain requests go to the sign-in page and come
    /// back to `back` afterwards.
    pub fn applicant(back: &str) -> Result<Session, AppError> {
        if crate::api::account::support::session().is_none() {
            request::see_other(&format!(
                "{}?weiter={back}",
                crate::api::account::pages::SIGN_IN
            ));
            return Err(AppError::Forbidden);
        }
        require_session()
    }

    /// Whether the session may apply with `form`: an account without a password (made by
    /// applying with only an e-mail address) only where the form allows that.
    pub fn may_apply(session: &Session, form: &FormDefinition) -> bool {
        session.has_password || form.access == crate::domain::forms::Access::Email
    }

    /// The service and the newest version of its form; `NotFound` when it has none.
    pub async fn service_and_form(
        state: &AppState,
        slug: &str,
    ) -> Result<(crate::domain::catalogue::Service, FormDefinition), AppError> {
        let service = storage::catalogue::get_service(&state.db, slug)
            .await
            .map_err(internal("reading a service"))?
            .ok_or(AppError::NotFound)?;
        let form = storage::forms::current_for_service(&state.db, slug)
            .await
            .map_err(internal("reading a form"))?
            .ok_or(AppError::NotFound)?;
        Ok((service, form))
    }

    /// The open draft of this account for the service, with the form version it started with.
    pub async fn draft(
        state: &AppState,
        account_id: i64,
        slug: &str,
    ) -> Result<Option<(Application, FormDefinition)>, AppError> {
        let Some(draft) = storage::applications::open_draft(&state.db, account_id, slug)
            .await
            .map_err(internal("reading a draft"))?
        else {
            return Ok(None);
        };
        let form = storage::forms::version(&state.db, &draft.form_id, draft.form_version)
            .await
            .map_err(internal("reading a form version"))?
            .ok_or_else(|| request::fail(request::internal("a draft's form version", "missing")))?;
        Ok(Some((draft, form)))
    }

    /// The files of an application, as pages show them.
    pub async fn files_of(
        state: &AppState,
        application_id: i64,
    ) -> Result<Vec<FileView>, AppError> {
        Ok(
            storage::attachments::of_application(&state.db, application_id)
                .await
                .map_err(internal("reading attachments"))?
                .into_iter()
                // Files of the form; those of messages are shown with their message.
                .filter(|a| a.message_id.is_none())
                .map(|a| FileView {
                    public_id: a.public_id,
                    field_path: a.field_path,
                    file_name: a.file_name,
                    size_bytes: a.size_bytes,
                    sha256: a.sha256,
                })
                .collect(),
        )
    }

    /// Answers prefilled from the profile, and where each came from.
    pub fn prefill(
        form: &FormDefinition,
        profile: &crate::domain::profile::ProfileForm,
    ) -> (Answers, BTreeMap<String, String>) {
        use crate::domain::forms::{ADDRESS_PARTS, FieldKind};
        let mut answers = Answers::default();
        let mut sources = BTreeMap::new();
        for (_, field) in form.fields() {
            let Some(source) = field.prefill.as_deref() else {
                continue;
            };
            if field.kind == FieldKind::Address {
                for part in ADDRESS_PARTS {
                    let value = profile.value(part).trim();
                    if !value.is_empty() {
                        let path = format!("{}.{part}", field.id);
                        answers.set(path.clone(), value);
                        sources.insert(path, part.to_owned());
                    }
                }
            } else {
                let value = profile.value(source).trim();
                if !value.is_empty() {
                    answers.set(field.id.clone(), value);
                    sources.insert(field.id.clone(), source.to_owned());
                }
            }
        }
        (answers, sources)
    }
}

/// The start page: the service, the steps and whether a draft is open.
#[server(endpoint = "applications/start-page", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_start(slug: String) -> Result<StartPage, AppError> {
    use crate::api::account::support::session;
    use crate::server::request;
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (service, form) = service_and_form(&state, &slug).await?;
    let locale = request::locale();
    let draft = match session() {
        Some(s) => draft(&state, s.account_id, &slug).await?,
        None => None,
    };
    let today = today(&state);
    let steps = form
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let answered = draft.as_ref().is_some_and(|(d, f)| {
                let touched = f.steps[i].fields.iter().any(|field| {
                    d.answers
                        .0
                        .keys()
                        .any(|k| k.split('.').next() == Some(field.id.as_str()))
                });
                touched && f.check(&d.answers, Some(i), &today).is_empty()
            });
            (s.id.clone(), s.title.get(locale).to_owned(), answered)
        })
        .collect();
    Ok(StartPage {
        access: form.access,
        form_title: form.title.get(locale).to_owned(),
        service,
        steps,
        draft_saved_at: draft.as_ref().map(|(d, _)| d.updated_at),
        draft_expires_at: draft.as_ref().and_then(|(d, _)| d.expires_at),
    })
}

/// Starts an application (a draft prefilled from the profile) or resumes the open one.
#[server(endpoint = "applications/start")]
pub async fn start_application(service: String) -> Result<(), AppError> {
    use crate::api::account::support::internal;
    use crate::server::storage::applications::{NewDraft, create_draft};
    use crate::server::{auth, request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::start(&service))?;
    let (_, form) = service_and_form(&state, &service).await?;
    if !may_apply(&session, &form) {
        // The start page says why and how to set a password.
        request::see_other(&pages::start(&service));
        return Err(AppError::Forbidden);
    }
    if let Some((_, form)) = draft(&state, session.account_id, &service).await? {
        request::see_other(&pages::step(&service, &form.steps[0].id));
        return Ok(());
    }
    let profile = storage::profiles::get(&state.db, session.account_id)
        .await
        .map_err(internal("reading the profile"))?;
    let (answers, prefilled) = prefill(&form, &profile);
    let public_id =
        auth::random_token().map_err(|e| request::fail(request::internal("drawing an id", e)))?;
    create_draft(
        &state.db,
        &NewDraft {
            public_id: &public_id,
            account_id: session.account_id,
            form_id: &form.id,
            form_version: form.version,
            service_slug: &service,
            answers: &answers,
            prefilled: &prefilled,
            now: state.clock.now(),
            expires_at: expiry(&state),
        },
    )
    .await
    .map_err(internal("creating a draft"))?;
    request::see_other(&pages::step(&service, &form.steps[0].id));
    Ok(())
}

/// One step of the open draft.
#[server(endpoint = "applications/step-page", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_step(slug: String, step: String) -> Result<StepPage, AppError> {
    use crate::server::request;
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::step(&slug, &step))?;
    let (service, _) = service_and_form(&state, &slug).await?;
    let Some((draft, form)) = draft(&state, session.account_id, &slug).await? else {
        request::see_other(&pages::start(&slug));
        return Err(AppError::NotFound);
    };
    let index = form.step_index(&step).ok_or(AppError::NotFound)?;
    let places = crate::api::catalogue::places_of(&state.db)
        .await
        .map_err(crate::api::account::support::internal("reading places"))?;
    let files = files_of(&state, draft.id).await?;
    Ok(StepPage {
        service_title: service.title,
        form,
        step: index,
        answers: draft.answers,
        prefilled: draft.prefilled,
        places,
        files,
        max_file_mb: state.config.applications.max_file_bytes / (1024 * 1024),
    })
}

/// Saves a step. `action`: `weiter` checks the step and goes on (to the next step or the
/// check page), `zurueck` goes back, `speichern` keeps the draft for later, `neu:<group>`
/// adds an entry to a repeating group, `weg:<group>.<n>` removes one, `hochladen` stays on
/// the step after an upload and `datei-weg:<id>` removes a file. Whatever was typed is saved
/// first, also when the step is refused.
#[server(endpoint = "applications/save-step")]
pub async fn save_step(
    service: String,
    step: String,
    action: Option<String>,
    a: Option<BTreeMap<String, String>>,
) -> Result<(), AppError> {
    step_core(
        &service,
        &step,
        action.as_deref().unwrap_or("weiter"),
        a.unwrap_or_default(),
        Vec::new(),
    )
    .await
}

/// The same for a step with file fields, posted as `multipart/form-data`: the text fields
/// as in [`save_step`], files as `file[<path>]`.
#[server(endpoint = "applications/save-files", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn save_step_files(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(), AppError> {
    use crate::server::request;

    let state = request::state().map_err(request::fail)?;
    // Strangers are turned away before their files are read.
    support::applicant(pages::LIST)?;
    let (fields, files) =
        crate::api::uploads::read(data, state.config.applications.max_file_bytes).await?;
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let (service, step) = (field("service"), field("step"));
    let action = match field("action") {
        a if a.is_empty() => "weiter".to_owned(),
        a => a,
    };
    let texts = fields
        .iter()
        .filter_map(|(name, value)| {
            let path = name.strip_prefix("a[")?.strip_suffix(']')?;
            Some((path.to_owned(), value.clone()))
        })
        .collect();
    let uploads = files
        .into_iter()
        .filter_map(|u| {
            let path = u.name.strip_prefix("file[")?.strip_suffix(']')?.to_owned();
            Some(Upload {
                path,
                file_name: u.file_name,
                bytes: u.bytes,
            })
        })
        .collect();
    step_core(&service, &step, &action, texts, uploads).await
}

/// A file that came with a step; `bytes` is `None` when it was larger than allowed.
#[cfg(feature = "ssr")]
pub struct Upload {
    pub path: String,
    pub file_name: String,
    pub bytes: Option<bytes::Bytes>,
}

#[cfg(feature = "ssr")]
async fn step_core(
    service: &str,
    step: &str,
    action: &str,
    posted: BTreeMap<String, String>,
    uploads: Vec<Upload>,
) -> Result<(), AppError> {
    use crate::api::account::support::internal;
    use crate::domain::forms::FieldKind;
    use crate::server::{flash, request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::step(service, step))?;
    let Some((draft, form)) = draft(&state, session.account_id, service).await? else {
        return Err(request::fail(AppError::NotFound));
    };
    let index = form
        .step_index(step)
        .ok_or_else(|| request::fail(AppError::NotFound))?;
    // The errors of an earlier post are answered by this one: what it refuses is stored
    // again below, and a step that goes through leaves none behind for the next page.
    flash::clear(&state, STEP_FLASH).await;
    if posted.len() > 500
        || posted
            .iter()
            .any(|(k, v)| k.len() > 200 || v.len() > 10_000)
    {
        return Err(request::fail(AppError::PayloadTooLarge));
    }
    let fields = &form.steps[index].fields;
    let top = |path: &str| path.split('.').next().unwrap_or_default().to_owned();
    let is_file = |path: &str| {
        fields
            .iter()
            .any(|f| f.id == top(path) && f.kind == FieldKind::File)
    };
    // The answers of this step are replaced by what was posted (an emptied field is empty);
    // the other steps keep theirs. Only paths of this step's fields are taken, and file
    // fields only ever change by upload or removal.
    let owns = |path: &str| fields.iter().any(|f| f.id == top(path));
    let mut answers = draft.answers.clone();
    answers.0.retain(|path, _| !owns(path) || is_file(path));
    for (path, value) in posted {
        if owns(&path) && !is_file(&path) {
            answers.set(path, value.trim_end().to_owned());
        }
    }
    let here = pages::step(service, step);
    if let Some(id) = action.strip_prefix("datei-weg:") {
        if let Some(gone) = storage::attachments::remove(&state.db, draft.id, id)
            .await
            .map_err(internal("removing an attachment"))?
        {
            let kept: Vec<&str> = answers
                .get(&gone.field_path)
                .split(',')
                .filter(|x| !x.is_empty() && *x != id)
                .collect();
            answers.set(gone.field_path.clone(), kept.join(","));
            if let Err(error) = state.objects.delete(&gone.storage_key).await {
                tracing::warn!(%error, "an attachment's object stays behind");
            }
            save(&state, &draft, session.account_id, &answers).await?;
            request::see_other(&format!(
                "{here}#{}",
                crate::domain::forms::control_id(&gone.field_path)
            ));
            return Ok(());
        }
        return Err(request::fail(AppError::NotFound));
    }
    let mut problems = Vec::new();
    for upload in uploads {
        let field = fields
            .iter()
            .find(|f| f.id == upload.path && f.kind == FieldKind::File)
            .ok_or_else(|| request::fail(AppError::BadRequest))?;
        if let Some(problem) = attach(&state, &draft, field, upload, &mut answers).await? {
            problems.push(problem);
        }
    }
    if let Some(group) = action.strip_prefix("neu:") {
        let field = fields
            .iter()
            .find(|f| f.id == group && f.kind == FieldKind::Group)
            .ok_or_else(|| request::fail(AppError::BadRequest))?;
        let next = answers.items(group);
        if let Some(first) = field.fields.first() {
            answers.set(format!("{group}.{next}.{}", first.id), "");
        }
        save(&state, &draft, session.account_id, &answers).await?;
        request::see_other(&format!("{here}#{group}-{next}"));
        return Ok(());
    }
    if let Some(entry) = action.strip_prefix("weg:") {
        let (group, item) = entry
            .rsplit_once('.')
            .and_then(|(g, n)| Some((g, n.parse::<usize>().ok()?)))
            .ok_or_else(|| request::fail(AppError::BadRequest))?;
        remove_entry(&mut answers, group, item);
        save(&state, &draft, session.account_id, &answers).await?;
        request::see_other(&format!("{here}#{group}"));
        return Ok(());
    }
    save(&state, &draft, session.account_id, &answers).await?;
    match action {
        "zurueck" => {
            let back = match index {
                0 => pages::start(service),
                i => pages::step(service, &form.steps[i - 1].id),
            };
            request::see_other(&back);
            return Ok(());
        }
        "speichern" => {
            let _ = flash::store(
                &state,
                crate::api::account::NOTICE_FLASH,
                &"draft-saved".to_owned(),
            )
            .await;
            request::see_other(pages::LIST);
            return Ok(());
        }
        // Saved in the background while typing: no check, nowhere to go.
        "autosave" => return Ok(()),
        "hochladen" if problems.is_empty() => {
            request::see_other(&here);
            return Ok(());
        }
        _ => {}
    }
    if action != "hochladen" {
        problems.extend(form.check(&answers, Some(index), &today(&state)));
    }
    if !problems.is_empty() {
        if request::wants_html() {
            flash::store(&state, STEP_FLASH, &problems)
                .await
                .map_err(request::fail)?;
            request::see_other(&format!("{here}#fehler"));
        }
        return Err(AppError::Answers { problems });
    }
    let next = match form.steps.get(index + 1) {
        Some(next) => pages::step(service, &next.id),
        None => pages::check(service),
    };
    request::see_other(&next);
    Ok(())
}

/// Checks and stores one uploaded file of a file field: its type by content (PDF, JPEG,
/// PNG), its size, the field's and the application's limits. A single-file field takes the
/// new file in place of the old one.
#[cfg(feature = "ssr")]
async fn attach(
    state: &crate::server::state::AppState,
    draft: &crate::server::storage::applications::Application,
    field: &crate::domain::forms::Field,
    upload: Upload,
    answers: &mut Answers,
) -> Result<Option<AnswerError>, AppError> {
    use crate::api::account::support::internal;
    use crate::domain::forms::Problem;
    use crate::server::storage::attachments::{self, Attachment};
    use crate::server::{auth, request};

    let limits = &state.config.applications;
    let refuse = |problem| {
        Ok(Some(AnswerError {
            path: field.id.clone(),
            problem,
        }))
    };
    let max_mb = limits.max_file_bytes / (1024 * 1024);
    let Some(bytes) = upload.bytes else {
        return refuse(Problem::FileTooLarge { max_mb });
    };
    let Some(content_type) = crate::api::uploads::allowed_type(&bytes) else {
        return refuse(Problem::FileType);
    };
    let existing = attachments::of_application(&state.db, draft.id)
        .await
        .map_err(internal("reading attachments"))?;
    let in_field: Vec<&Attachment> = existing
        .iter()
        .filter(|a| a.field_path == field.id)
        .collect();
    let max_files = field.max_files.unwrap_or(1);
    let replaced = if max_files == 1 {
        in_field.first().map(|a| (*a).clone())
    } else {
        None
    };
    if replaced.is_none() && in_field.len() >= max_files {
        return refuse(Problem::TooManyFiles { max: max_files });
    }
    let others: Vec<&Attachment> = existing
        .iter()
        .filter(|a| replaced.as_ref().is_none_or(|r| r.public_id != a.public_id))
        .collect();
    if others.len() >= limits.max_files {
        return refuse(Problem::ApplicationTooManyFiles {
            max: limits.max_files,
        });
    }
    let total: i64 = others.iter().map(|a| a.size_bytes).sum();
    if total as usize + bytes.len() > limits.max_total_bytes {
        return refuse(Problem::ApplicationFilesTooLarge {
            max_mb: limits.max_total_bytes / (1024 * 1024),
        });
    }
    let public_id =
        auth::random_token().map_err(|e| request::fail(request::internal("drawing an id", e)))?;
    let attachment = Attachment {
        storage_key: format!("applications/{}/{public_id}", draft.public_id),
        public_id,
        field_path: field.id.clone(),
        file_name: safe_file_name(&upload.file_name),
        content_type: content_type.to_owned(),
        size_bytes: bytes.len() as i64,
        sha256: crate::api::uploads::sha256(&bytes),
        created_at: state.clock.now().0,
        message_id: None,
    };
    state
        .objects
        .put(&attachment.storage_key, bytes)
        .await
        .map_err(|e| request::fail(request::internal("storing an attachment", e)))?;
    if let Err(error) = attachments::insert(&state.db, draft.id, &attachment).await {
        if let Err(error) = state.objects.delete(&attachment.storage_key).await {
            tracing::warn!(%error, "an unrecorded attachment's object stays behind");
        }
        return Err(internal("recording an attachment")(error));
    }
    if let Some(old) = replaced
        && attachments::remove(&state.db, draft.id, &old.public_id)
            .await
            .map_err(internal("replacing an attachment"))?
            .is_some()
        && let Err(error) = state.objects.delete(&old.storage_key).await
    {
        tracing::warn!(%error, "a replaced attachment's object stays behind");
    }
    let ids: Vec<String> = attachments::of_application(&state.db, draft.id)
        .await
        .map_err(internal("reading attachments"))?
        .into_iter()
        .filter(|a| a.field_path == field.id)
        .map(|a| a.public_id)
        .collect();
    answers.set(field.id.clone(), ids.join(","));
    Ok(None)
}

/// A file name to show: the last part of what the browser sent, without control
/// characters, at most 120 characters (it is never used as a path).
pub fn safe_file_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(120).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        "Datei".to_owned()
    } else {
        clean.to_owned()
    }
}

#[cfg(feature = "ssr")]
async fn save(
    state: &crate::server::state::AppState,
    draft: &crate::server::storage::applications::Application,
    account_id: i64,
    answers: &Answers,
) -> Result<(), AppError> {
    use crate::server::{request, storage};
    let saved = storage::applications::save_answers(
        &state.db,
        draft.id,
        account_id,
        answers,
        state.clock.now(),
        support::expiry(state),
    )
    .await
    .map_err(crate::api::account::support::internal("saving a draft"))?;
    if saved {
        Ok(())
    } else {
        Err(request::fail(AppError::NotFound))
    }
}

/// Removes entry `item` of a repeating group and moves the later ones up.
pub fn remove_entry(answers: &mut Answers, group: &str, item: usize) {
    let prefix = format!("{group}.");
    let moved: Vec<(String, String)> = answers
        .0
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (key, value) in moved {
        answers.0.remove(&key);
        let rest = &key[prefix.len()..];
        let Some((n, field)) = rest.split_once('.') else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else {
            continue;
        };
        if n == item {
            continue;
        }
        let n = if n > item { n - 1 } else { n };
        answers.set(format!("{group}.{n}.{field}"), value);
    }
}

/// Check your answers: everything, with the problems still open.
#[server(endpoint = "applications/check-page", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_check(slug: String) -> Result<CheckPage, AppError> {
    use crate::api::account::support::internal;
    use crate::server::{auth, request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::check(&slug))?;
    let (service, _) = service_and_form(&state, &slug).await?;
    let Some((draft, form)) = draft(&state, session.account_id, &slug).await? else {
        request::see_other(&pages::start(&slug));
        return Err(AppError::NotFound);
    };
    let problems = form.check(&draft.answers, None, &today(&state));
    let places = crate::api::catalogue::places_of(&state.db)
        .await
        .map_err(internal("reading places"))?;
    let profile = storage::profiles::get(&state.db, session.account_id)
        .await
        .map_err(internal("reading the profile"))?;
    let place = request::extension::<crate::ui::context::PageContext>().and_then(|p| p.place);
    let gemeinde = Some(profile.gemeinde.clone())
        .filter(|g| !g.is_empty())
        .or(place);
    let idempotency_key =
        auth::random_token().map_err(|e| request::fail(request::internal("drawing a key", e)))?;
    let files = files_of(&state, draft.id).await?;
    Ok(CheckPage {
        files,
        service_title: service.title,
        form,
        answers: draft.answers,
        problems,
        idempotency_key,
        places,
        gemeinde,
    })
}

/// Submits the open draft: the whole form is checked against its version, the Gemeinde
/// decides the responsible authority, and one transaction gives the reference number. The
/// same `key` twice (double click, retry, back button) is one application.
#[server(endpoint = "applications/submit")]
pub async fn submit_application(
    service: String,
    key: String,
    gemeinde: Option<String>,
    declaration: Option<String>,
) -> Result<String, AppError> {
    use crate::api::account::support::{audit, internal};
    use crate::domain::fields::ErrorCode;
    use crate::domain::region::{Ags, RegionKind};
    use crate::server::auth::{Event, is_token};
    use crate::server::storage::applications::{Submission, Submitted, submit};
    use crate::server::{flash, request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::check(&service))?;
    if !is_token(&key) {
        return Err(request::fail(AppError::BadRequest));
    }
    let check = pages::check(&service);
    let Some((draft, form)) = draft(&state, session.account_id, &service).await? else {
        // Submitted already (a second click after the first went through)?
        let earlier = storage::applications::for_account(&state.db, session.account_id)
            .await
            .map_err(internal("reading applications"))?
            .into_iter()
            .find(|a| a.service_slug == service && a.status != Status::Draft);
        return match earlier.and_then(|a| a.reference) {
            Some(reference) => {
                request::see_other(&pages::detail(&reference));
                Ok(reference)
            }
            None => Err(request::fail(AppError::NotFound)),
        };
    };
    if !may_apply(&session, &form) {
        return Err(request::fail(AppError::Forbidden));
    }
    let mut refused: Vec<(String, ErrorCode)> = Vec::new();
    let problems = form.check(&draft.answers, None, &today(&state));
    if !problems.is_empty() {
        refused.push(("answers".into(), ErrorCode::Required));
    }
    let gemeinde = gemeinde.unwrap_or_default();
    let place = match Ags::parse(gemeinde.trim()) {
        Ok(ags) if ags.kind() == RegionKind::Gemeinde => storage::regions::get(&state.db, &ags)
            .await
            .map_err(internal("reading a region"))?
            .map(|_| ags),
        _ => None,
    };
    let authority = match &place {
        Some(place) => storage::catalogue::responsible_authority(&state.db, &service, place)
            .await
            .map_err(internal("finding the authority"))?,
        None => None,
    };
    match (&place, &authority) {
        (None, _) => refused.push(("gemeinde".into(), ErrorCode::InvalidChoice)),
        // An application nobody would receive is not taken: the applicant learns it here,
        // with the draft kept, rather than waiting for an answer that cannot come.
        (Some(_), None) => refused.push(("gemeinde".into(), ErrorCode::NoAuthority)),
        (Some(_), Some(_)) => {}
    }
    if declaration.as_deref() != Some("ja") {
        refused.push(("declaration".into(), ErrorCode::Required));
    }
    if !refused.is_empty() {
        if request::wants_html() {
            flash::store(&state, CHECK_FLASH, &refused)
                .await
                .map_err(request::fail)?;
            request::see_other(&format!("{check}#fehler"));
        }
        return Err(AppError::Validation {
            fields: refused
                .into_iter()
                .map(|(field, code)| crate::api::error::FieldError { field, code })
                .collect(),
        });
    }
    let (Some(place), Some(authority)) = (place, authority) else {
        return Err(request::fail(AppError::BadRequest));
    };
    let now = state.clock.now();
    let year = crate::domain::time::german_time(now.0).year;
    let kept = form.visible_answers(&draft.answers);
    let applicant_name = ["given_names", "family_name"]
        .iter()
        .map(|f| kept.get(f).trim())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let outcome = submit(
        &state.db,
        &Submission {
            id: draft.id,
            account_id: session.account_id,
            idempotency_key: &key,
            answers: &kept,
            gemeinde_ags: Some(place.as_str()),
            authority_id: Some(authority.id.as_str()),
            reference_prefix: &state.config.applications.reference_prefix,
            year,
            now,
            email: &session.email,
            applicant_name: &applicant_name,
        },
    )
    .await
    .map_err(internal("submitting an application"))?;
    let reference = match outcome {
        Submitted::New(reference) => {
            state.delivery_wakeup.notify_one();
            audit(
                &state,
                Event::ApplicationSubmitted,
                Some(session.account_id),
                Some(&reference),
            )
            .await?;
            // The confirmation by mail, in the account's language.
            let account = storage::accounts::get(&state.db, session.account_id)
                .await
                .map_err(internal("reading the account"))?;
            if let Some(account) = account {
                let service_title = storage::catalogue::get_service(&state.db, &service)
                    .await
                    .map_err(internal("reading a service"))?
                    .map_or_else(|| service.clone(), |s| s.title);
                let mail = crate::server::mail::Mail::ApplicationSubmitted {
                    service: service_title,
                    reference: reference.clone(),
                    authority: authority.name.clone(),
                    link: format!(
                        "{}{}",
                        state.config.site.base_url,
                        pages::detail(&reference)
                    ),
                };
                crate::server::mail::send(&state, &account.email, account.locale, &mail, now)
                    .await
                    .map_err(internal("queueing mail"))?;
            }
            reference
        }
        Submitted::Already(reference) => reference,
        Submitted::NotFound => return Err(request::fail(AppError::NotFound)),
    };
    flash::clear(&state, CHECK_FLASH).await;
    request::see_other(&pages::detail(&reference));
    Ok(reference)
}

/// "Meine Anträge": drafts and submitted applications of the signed-in applicant.
#[server(endpoint = "applications/list", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_applications() -> Result<Vec<ApplicationItem>, AppError> {
    use crate::api::account::support::internal;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(pages::LIST)?;
    let applications = storage::applications::for_account(&state.db, session.account_id)
        .await
        .map_err(internal("reading applications"))?;
    let mut items = Vec::new();
    for a in applications {
        let title = storage::catalogue::get_service(&state.db, &a.service_slug)
            .await
            .map_err(internal("reading a service"))?
            .map_or_else(|| a.service_slug.clone(), |s| s.title);
        items.push(ApplicationItem {
            service_slug: a.service_slug,
            service_title: title,
            status: a.status,
            reference: a.reference,
            updated_at: a.updated_at,
            expires_at: a.expires_at,
        });
    }
    Ok(items)
}

/// One submitted application of the signed-in applicant.
#[server(endpoint = "applications/detail", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_application(reference: String) -> Result<ApplicationView, AppError> {
    use crate::server::request;
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let session = applicant(&pages::detail(&reference))?;
    application_view(&state, session.account_id, &reference).await
}

/// A submitted application of `account_id` as its pages and its receipt show it; someone
/// else's, or a malformed reference, is "not found".
#[cfg(feature = "ssr")]
pub async fn application_view(
    state: &crate::server::state::AppState,
    account_id: i64,
    reference: &str,
) -> Result<ApplicationView, AppError> {
    use crate::api::account::support::internal;
    use crate::domain::applications::is_reference;
    use crate::server::storage;

    if !is_reference(reference) {
        return Err(AppError::NotFound);
    }
    let application = storage::applications::by_reference(&state.db, account_id, reference)
        .await
        .map_err(internal("reading an application"))?
        .ok_or(AppError::NotFound)?;
    let form = storage::forms::version(&state.db, &application.form_id, application.form_version)
        .await
        .map_err(internal("reading a form version"))?
        .ok_or(AppError::NotFound)?;
    let service_title = storage::catalogue::get_service(&state.db, &application.service_slug)
        .await
        .map_err(internal("reading a service"))?
        .map_or_else(|| application.service_slug.clone(), |s| s.title);
    let authority = match &application.authority_id {
        Some(id) => storage::catalogue::get_authority(&state.db, id)
            .await
            .map_err(internal("reading an authority"))?,
        None => None,
    };
    let files = support::files_of(state, application.id).await?;
    let timeline = crate::api::backoffice::support::timeline(state, application.id, false).await?;
    Ok(ApplicationView {
        timeline,
        files,
        reference: reference.to_owned(),
        service_slug: application.service_slug,
        service_title,
        form,
        answers: application.answers,
        status: application.status,
        submitted_at: application.submitted_at.unwrap_or(application.created_at),
        authority,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_an_entry_moves_the_later_ones_up() {
        let mut answers = Answers::default();
        for (i, name) in ["Bello", "Rex", "Luna"].iter().enumerate() {
            answers.set(format!("hunde.{i}.name"), *name);
            answers.set(format!("hunde.{i}.rasse"), "Mischling");
        }
        answers.set("halter", "Kim");
        remove_entry(&mut answers, "hunde", 1);
        assert_eq!(answers.get("hunde.0.name"), "Bello");
        assert_eq!(answers.get("hunde.1.name"), "Luna");
        assert_eq!(answers.items("hunde"), 2);
        assert_eq!(answers.get("halter"), "Kim");
    }

    #[test]
    fn file_names_are_shown_never_used_as_paths() {
        assert_eq!(
            safe_file_name("C:\\Users\\kim\\Nachweis.pdf"),
            "Nachweis.pdf"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name(".."), "Datei");
        assert_eq!(safe_file_name("a\u{0}b.pdf"), "ab.pdf");
        assert_eq!(safe_file_name(&"x".repeat(300)).chars().count(), 120);
    }
}
