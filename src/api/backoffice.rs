//! The authorities' back office (`/behoerde`): the inbox, one case (answers, files,
//! timeline, notes, the Postfach thread), assignment, status changes and messages to the
//! applicant.
//!
//! Every function is a public endpoint and checks for itself: a signed-in caseworker with a
//! second factor, and only cases of the authorities they belong to (any other case is "not
//! found"). Admins manage the back office but see cases only where they are members too.

use crate::api::AppError;
use crate::api::applications::FileView;
use crate::domain::applications::Status;
use crate::domain::backoffice::InboxFilter;
use crate::domain::forms::{Answers, FormDefinition};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Addresses of the back office.
pub mod pages {
    pub const INBOX: &str = "/behoerde";
    pub const STATISTICS: &str = "/behoerde/statistik";
    pub const STATISTICS_CSV: &str = "/behoerde/statistik.csv";

    pub fn case(reference: &str) -> String {
        format!("/behoerde/vorgaenge/{reference}")
    }

    pub fn file(id: &str) -> String {
        format!("/behoerde/anlagen/{id}")
    }
}

/// Flash kinds of the case page's forms.
pub const NOTE_FLASH: &str = "case-note";
pub const MESSAGE_FLASH: &str = "case-message";

/// One line of the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub reference: String,
    pub service_title: String,
    pub applicant_name: String,
    pub authority_name: String,
    pub status: Status,
    pub submitted_at: i64,
    pub status_changed_at: i64,
    pub assignee: Option<String>,
}

/// The inbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub filter: InboxFilter,
    /// `(id, name)` of the caseworker's authorities.
    pub authorities: Vec<(String, String)>,
    /// `(slug, title)` of the services these authorities handle.
    pub services: Vec<(String, String)>,
    pub items: Vec<InboxItem>,
    pub total: i64,
    pub by_status: Vec<(Status, i64)>,
    pub per_page: i64,
}

/// An entry of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub at: i64,
    /// `applicant`, `caseworker`, `system`, `portal`.
    pub actor_kind: String,
    /// The caseworker's address (only in the back office).
    pub actor: Option<String>,
    /// `status`, `assigned`, `message`.
    pub kind: String,
    pub to_status: Option<Status>,
}

/// A message of a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: String,
    /// `applicant`, `authority`, `portal`.
    pub sender: String,
    /// The caseworker who wrote it (only in the back office).
    pub author: Option<String>,
    pub subject: String,
    pub body: String,
    pub sent_at: i64,
    pub files: Vec<FileView>,
}

/// A note of the authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub at: i64,
    pub author: Option<String>,
    pub body: String,
}

/// One case as the caseworker sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CasePage {
    pub reference: String,
    pub service_title: String,
    pub form: FormDefinition,
    pub answers: Answers,
    /// Files of the form's fields (message files are with their message).
    pub files: Vec<FileView>,
    pub status: Status,
    pub submitted_at: i64,
    pub authority_name: String,
    pub gemeinde: Option<String>,
    pub applicant_name: String,
    pub applicant_email: Option<String>,
    /// The caseworker it is assigned to: `(account id, address)`.
    pub assignee: Option<(i64, String)>,
    /// The authority's members, to assign to.
    pub members: Vec<(i64, String)>,
    /// The signed-in caseworker.
    pub me: i64,
    /// Where the authority can move the case from here.
    pub next: Vec<Status>,
    pub events: Vec<EventView>,
    pub notes: Vec<NoteView>,
    pub messages: Vec<MessageView>,
}

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use super::*;
    use crate::api::account::support::internal;
    use crate::domain::account::TrustLevel;
    use crate::server::state::AppState;
    use crate::server::storage;
    use crate::server::storage::applications::Application;
    use crate::server::storage::sessions::Session;

    /// The signed-in caseworker (with the second factor used at sign-in) and the
    /// authorities they belong to; plain requests without a session go to the sign-in page.
    pub async fn caseworker(
        state: &AppState,
        back: &str,
    ) -> Result<(Session, Vec<String>), AppError> {
        let session = crate::api::applications::support::applicant(back)?;
        if !session.role.is_staff() || session.trust_level != TrustLevel::Substantial {
            return Err(AppError::Forbidden);
        }
        let authorities = storage::members::authorities_of(&state.db, session.account_id)
            .await
            .map_err(internal("reading memberships"))?;
        if authorities.is_empty() {
            return Err(AppError::Forbidden);
        }
        Ok((session, authorities))
    }

    /// A case of one of the caseworker's authorities; any other is "not found".
    pub async fn case(
        state: &AppState,
        authorities: &[String],
        reference: &str,
    ) -> Result<Application, AppError> {
        if !crate::domain::applications::is_reference(reference) {
            return Err(AppError::NotFound);
        }
        storage::cases::by_reference(&state.db, authorities, reference)
            .await
            .map_err(internal("reading a case"))?
            .ok_or(AppError::NotFound)
    }

    pub fn file_view(a: storage::attachments::Attachment) -> FileView {
        FileView {
            public_id: a.public_id,
            field_path: a.field_path,
            file_name: a.file_name,
            size_bytes: a.size_bytes,
            sha256: a.sha256,
        }
    }

    /// The messages of an application's thread with their files; `staff` also names the
    /// caseworkers.
    pub async fn thread(
        state: &AppState,
        application_id: i64,
        staff: bool,
    ) -> Result<Vec<MessageView>, AppError> {
        let messages = storage::messages::of_application(&state.db, application_id)
            .await
            .map_err(internal("reading messages"))?;
        let files = storage::attachments::of_application(&state.db, application_id)
            .await
            .map_err(internal("reading attachments"))?;
        Ok(messages
            .into_iter()
            .map(|m| MessageView {
                files: files
                    .iter()
                    .filter(|f| f.message_id == Some(m.id))
                    .cloned()
                    .map(file_view)
                    .collect(),
                id: m.public_id,
                sender: m.sender.as_str().to_owned(),
                author: if staff { m.author_email } else { None },
                subject: m.subject,
                body: m.body,
                sent_at: m.sent_at,
            })
            .collect())
    }

    /// The statistics of `authority` (one of `mine`, else the first of them).
    pub async fn statistics(
        state: &AppState,
        mine: &[String],
        authority: Option<String>,
        from: Option<String>,
        until: Option<String>,
    ) -> Result<StatisticsPage, AppError> {
        use crate::domain::backoffice::parse_date;
        use crate::domain::time::{iso_date, start_of_german_day};
        use crate::server::clock::Timestamp;
        let authority = authority
            .filter(|a| mine.contains(a))
            .or_else(|| mine.first().cloned())
            .ok_or(AppError::Forbidden)?;
        let now = state.clock.now();
        let until = until
            .filter(|d| parse_date(d).is_some())
            .unwrap_or_else(|| iso_date(now.0));
        let from = from
            .filter(|d| parse_date(d).is_some())
            .unwrap_or_else(|| iso_date(now.0 - 365 * 86_400));
        let start = Timestamp(parse_date(&from).map(start_of_german_day).unwrap_or(0));
        let end = Timestamp(
            parse_date(&until)
                .map(|d| start_of_german_day(d + 1))
                .unwrap_or(now.0),
        );
        let counts = storage::statistics::counts(&state.db, &authority, start, end)
            .await
            .map_err(internal("counting cases"))?;
        let times = storage::statistics::processing_times(&state.db, &authority, start, end)
            .await
            .map_err(internal("measuring processing times"))?;
        let mut rows: Vec<(String, StatisticsRow)> = Vec::new();
        for count in counts {
            let index = rows
                .iter()
                .position(|(slug, _)| *slug == count.service_slug);
            let row = match index {
                Some(i) => &mut rows[i].1,
                None => {
                    rows.push((
                        count.service_slug.clone(),
                        StatisticsRow {
                            service_title: count.service_title.clone(),
                            counts: vec![0; Status::SUBMITTED.len()],
                            total: 0,
                            decided: 0,
                            median_hours: None,
                            p90_hours: None,
                        },
                    ));
                    &mut rows.last_mut().expect("just pushed").1
                }
            };
            if let Some(i) = Status::SUBMITTED.iter().position(|s| *s == count.status) {
                row.counts[i] += count.n;
            }
            row.total += count.n;
        }
        for (slug, row) in &mut rows {
            let mut took: Vec<i64> = times
                .iter()
                .filter(|(s, _)| s == slug)
                .map(|(_, secs)| *secs / 3600)
                .collect();
            took.sort_unstable();
            row.decided = took.len() as i64;
            row.median_hours = percentile(&took, 50);
            row.p90_hours = percentile(&took, 90);
        }
        let overdue_days = state.config.backoffice.overdue_days;
        let overdue = storage::statistics::overdue(
            &state.db,
            &authority,
            Timestamp(now.0 - overdue_days * 86_400),
        )
        .await
        .map_err(internal("finding overdue cases"))?
        .into_iter()
        .map(|o| OverdueItem {
            reference: o.reference,
            service_title: o.service_title,
            status: o.status,
            submitted_at: o.submitted_at,
        })
        .collect();
        let mut authorities = Vec::new();
        for id in mine {
            let name = storage::catalogue::get_authority(&state.db, id)
                .await
                .map_err(internal("reading an authority"))?
                .map_or_else(|| id.clone(), |a| a.name);
            authorities.push((id.clone(), name));
        }
        Ok(StatisticsPage {
            authorities,
            authority,
            from,
            until,
            rows: rows.into_iter().map(|(_, r)| r).collect(),
            overdue_days,
            overdue,
        })
    }

    /// The `p`-th percentile (nearest rank) of sorted values.
    pub fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
        if sorted.is_empty() {
            return None;
        }
        let rank = (p * sorted.len()).div_ceil(100).max(1);
        sorted.get(rank - 1).copied()
    }

    /// The timeline; `staff` also names the caseworkers.
    pub async fn timeline(
        state: &AppState,
        application_id: i64,
        staff: bool,
    ) -> Result<Vec<EventView>, AppError> {
        Ok(storage::cases::events(&state.db, application_id)
            .await
            .map_err(internal("reading the timeline"))?
            .into_iter()
            .map(|e| EventView {
                at: e.at,
                actor_kind: e.actor_kind,
                actor: if staff { e.actor_email } else { None },
                kind: e.kind,
                to_status: e.to_status,
            })
            .collect())
    }
}

/// The inbox of the signed-in caseworker's authorities.
#[server(endpoint = "backoffice/inbox", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_inbox(filter: InboxFilter) -> Result<InboxPage, AppError> {
    use crate::api::account::support::internal;
    use crate::domain::backoffice::{AssigneeChoice, PER_PAGE, SortChoice, parse_date};
    use crate::server::storage::cases::{self, Assignee, InboxQuery, Sort};
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (session, mine) = caseworker(&state, pages::INBOX).await?;
    let authorities: Vec<String> = match &filter.authority {
        Some(one) if mine.contains(one) => vec![one.clone()],
        _ => mine.clone(),
    };
    // Dates are whole German days (summer time included): from the start of `from` to the
    // start of the day after `until`.
    let day = |d: &Option<String>| d.as_deref().and_then(parse_date);
    let start = crate::domain::time::start_of_german_day;
    let query = InboxQuery {
        authorities: authorities.clone(),
        status: filter.status,
        service: filter.service.clone(),
        from: day(&filter.from).map(start),
        until: day(&filter.until).map(|days| start(days + 1)),
        assignee: match filter.assignee {
            AssigneeChoice::All => Assignee::Anyone,
            AssigneeChoice::Mine => Assignee::Account(session.account_id),
            AssigneeChoice::Nobody => Assignee::Nobody,
        },
        text: filter.text.clone(),
        sort: match filter.sort {
            SortChoice::Oldest => Sort::Oldest,
            SortChoice::Newest => Sort::Newest,
            SortChoice::Waiting => Sort::Waiting,
        },
        page: filter.page,
        per_page: PER_PAGE,
    };
    let inbox = cases::inbox(&state.db, &query)
        .await
        .map_err(internal("reading the inbox"))?;
    let mut names = Vec::new();
    for id in &mine {
        let name = storage::catalogue::get_authority(&state.db, id)
            .await
            .map_err(internal("reading an authority"))?
            .map_or_else(|| id.clone(), |a| a.name);
        names.push((id.clone(), name));
    }
    let services = cases::services_of(&state.db, &mine)
        .await
        .map_err(internal("reading services"))?;
    let name_of = |id: &str| {
        names
            .iter()
            .find(|(a, _)| a == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
    };
    Ok(InboxPage {
        items: inbox
            .rows
            .into_iter()
            .map(|r| InboxItem {
                authority_name: name_of(&r.authority_id),
                reference: r.reference,
                service_title: r.service_title,
                applicant_name: r.applicant_name,
                status: r.status,
                submitted_at: r.submitted_at,
                status_changed_at: r.status_changed_at,
                assignee: r.assignee_email,
            })
            .collect(),
        total: inbox.total,
        by_status: inbox.by_status,
        authorities: names,
        services,
        filter,
        per_page: PER_PAGE,
    })
}

/// One case; opening it marks the applicant's messages as read by the authority.
#[server(endpoint = "backoffice/case", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_case(reference: String) -> Result<CasePage, AppError> {
    use crate::api::account::support::internal;
    use crate::domain::applications::Actor;
    use crate::server::storage::messages::Sender;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (session, mine) = caseworker(&state, &pages::case(&reference)).await?;
    let application = case(&state, &mine, &reference).await?;
    let form = storage::forms::version(&state.db, &application.form_id, application.form_version)
        .await
        .map_err(internal("reading a form version"))?
        .ok_or(AppError::NotFound)?;
    let authority_id = application.authority_id.clone().unwrap_or_default();
    let authority_name = storage::catalogue::get_authority(&state.db, &authority_id)
        .await
        .map_err(internal("reading an authority"))?
        .map_or_else(|| authority_id.clone(), |a| a.name);
    let service_title = storage::catalogue::get_service(&state.db, &application.service_slug)
        .await
        .map_err(internal("reading a service"))?
        .map_or_else(|| application.service_slug.clone(), |s| s.title);
    let gemeinde = match application
        .gemeinde_ags
        .as_deref()
        .map(crate::domain::region::Ags::parse)
    {
        Some(Ok(ags)) => storage::regions::get(&state.db, &ags)
            .await
            .map_err(internal("reading a region"))?
            .map(|r| r.name),
        _ => None,
    };
    let members: Vec<(i64, String)> = storage::members::of_authority(&state.db, &authority_id)
        .await
        .map_err(internal("reading members"))?
        .into_iter()
        .map(|m| (m.account_id, m.email))
        .collect();
    let assignee = storage::cases::assignee_of(&state.db, application.id)
        .await
        .map_err(internal("reading the assignee"))?
        .and_then(|id| members.iter().find(|(m, _)| *m == id).cloned());
    let contact = storage::cases::applicant_contact(&state.db, application.id)
        .await
        .map_err(internal("reading the applicant"))?;
    let files = storage::attachments::of_application(&state.db, application.id)
        .await
        .map_err(internal("reading attachments"))?
        .into_iter()
        .filter(|f| f.message_id.is_none())
        .map(file_view)
        .collect();
    let notes = storage::cases::notes(&state.db, application.id)
        .await
        .map_err(internal("reading notes"))?
        .into_iter()
        .map(|n| NoteView {
            at: n.at,
            author: n.author_email,
            body: n.body,
        })
        .collect();
    let messages = thread(&state, application.id, true).await?;
    let events = timeline(&state, application.id, true).await?;
    storage::messages::mark_read(
        &state.db,
        None,
        Some(application.id),
        Sender::Authority,
        state.clock.now(),
    )
    .await
    .map_err(internal("marking messages read"))?;
    Ok(CasePage {
        reference,
        service_title,
        next: application.status.next(Actor::Authority),
        status: application.status,
        submitted_at: application.submitted_at.unwrap_or(application.created_at),
        answers: application.answers,
        form,
        files,
        authority_name,
        gemeinde,
        applicant_name: contact.name,
        applicant_email: contact.email,
        assignee,
        members,
        me: session.account_id,
        events,
        notes,
        messages,
    })
}

/// Assigns the case: `to` is `ich` (me), an account id of a member of the case's
/// authority, or empty (nobody).
#[server(endpoint = "backoffice/assign")]
pub async fn assign_case(reference: String, to: String) -> Result<(), AppError> {
    use crate::api::account::support::internal;
    use crate::server::storage::cases::ActorRef;
    use crate::server::{request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (session, mine) = caseworker(&state, &pages::case(&reference)).await?;
    let application = case(&state, &mine, &reference)
        .await
        .map_err(request::fail)?;
    let authority = application.authority_id.clone().unwrap_or_default();
    let assignee = match to.trim() {
        "" => None,
        "ich" => Some(session.account_id),
        id => Some(
            id.parse::<i64>()
                .map_err(|_| request::fail(AppError::BadRequest))?,
        ),
    };
    if let Some(id) = assignee
        && !storage::members::is_member(&state.db, id, &authority)
            .await
            .map_err(internal("reading memberships"))?
    {
        return Err(request::fail(AppError::BadRequest));
    }
    storage::cases::assign(
        &state.db,
        application.id,
        assignee,
        ActorRef::Caseworker(session.account_id),
        state.clock.now(),
    )
    .await
    .map_err(internal("assigning a case"))?;
    crate::api::account::support::audit(
        &state,
        crate::server::auth::Event::CaseAssigned,
        Some(session.account_id),
        Some(&reference),
    )
    .await?;
    request::see_other(&pages::case(&reference));
    Ok(())
}

/// Adds an internal note (never shown to the applicant).
#[server(endpoint = "backoffice/note")]
pub async fn add_case_note(reference: String, note: String) -> Result<(), AppError> {
    use crate::api::account::support::internal;
    use crate::domain::backoffice::check_note;
    use crate::server::{flash, request, storage};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (session, mine) = caseworker(&state, &pages::case(&reference)).await?;
    let application = case(&state, &mine, &reference)
        .await
        .map_err(request::fail)?;
    let here = pages::case(&reference);
    let errors = check_note(&note);
    if !errors.is_empty() {
        return Err(crate::api::account::support::refuse(
            &state,
            NOTE_FLASH,
            &here,
            &[("note", &note)],
            errors,
        )
        .await);
    }
    storage::cases::add_note(
        &state.db,
        application.id,
        session.account_id,
        note.trim(),
        state.clock.now(),
    )
    .await
    .map_err(internal("adding a note"))?;
    flash::clear(&state, NOTE_FLASH).await;
    request::see_other(&format!("{here}#notizen"));
    Ok(())
}

/// Moves the case on where no message is needed: picking it up (`in-progress`), also
/// after a query. Asking back and deciding go with a message ([`send_case_message`]).
#[server(endpoint = "backoffice/status")]
pub async fn change_case_status(reference: String, status: String) -> Result<(), AppError> {
    use crate::api::account::support::internal;
    use crate::server::request;
    use crate::server::storage::cases::{ActorRef, Moved, move_status};
    use support::*;

    let state = request::state().map_err(request::fail)?;
    let (session, mine) = caseworker(&state, &pages::case(&reference)).await?;
    let application = case(&state, &mine, &reference)
        .await
        .map_err(request::fail)?;
    if Status::parse(&status) != Some(Status::InProgress) {
        return Err(request::fail(AppError::BadRequest));
    }
    let moved = move_status(
        &state.db,
        &application,
        Status::InProgress,
        ActorRef::Caseworker(session.account_id),
        None,
        state.clock.now(),
    )
    .await
    .map_err(internal("changing a status"))?;
    if moved == Moved::NotAllowed {
        return Err(request::fail(AppError::Conflict));
    }
    crate::api::account::support::audit(
        &state,
        crate::server::auth::Event::CaseStatusChanged,
        Some(session.account_id),
        Some(&reference),
    )
    .await?;
    request::see_other(&pages::case(&reference));
    Ok(())
}

/// Writes to the applicant, optionally with one file (e.g. the decision as PDF) and a
/// status change that needs a message: a query (`query`) or a decision (`approved`,
/// `rejected`). Posted as `multipart/form-data` (`reference`, `status`, `subject`, `body`,
/// `file`). The applicant gets an e-mail that a message waits, without its content.
#[server(endpoint = "backoffice/message", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn send_case_message(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(), AppError> {
    use crate::server::request;

    let state = request::state().map_err(request::fail)?;
    // Only caseworkers' files are read at all; the case itself is checked after.
    support::caseworker(&state, pages::INBOX).await?;
    let max_file = state.config.applications.max_file_bytes;
    let (texts, uploads) = crate::api::uploads::read(data, max_file).await?;
    let field = |name: &str| texts.get(name).cloned().unwrap_or_default();
    crate::api::mailbox::support::write_as_authority(
        &state,
        &field("reference"),
        &field("status"),
        &field("subject"),
        &field("body"),
        uploads,
    )
    .await
}

/// One service's line of the statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsRow {
    pub service_title: String,
    /// Per status of [`Status::SUBMITTED`], in that order.
    pub counts: Vec<i64>,
    pub total: i64,
    /// Decided cases and how long they took (median and 90th percentile, in hours).
    pub decided: i64,
    pub median_hours: Option<i64>,
    pub p90_hours: Option<i64>,
}

/// A case open for longer than the deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueItem {
    pub reference: String,
    pub service_title: String,
    pub status: Status,
    pub submitted_at: i64,
}

/// The statistics of one authority for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsPage {
    pub authorities: Vec<(String, String)>,
    pub authority: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub until: String,
    pub rows: Vec<StatisticsRow>,
    pub overdue_days: i64,
    pub overdue: Vec<OverdueItem>,
}

/// The statistics of one of the caseworker's authorities (`authority`, or the first) for
/// the days `from` to `until` (`YYYY-MM-DD`; the last twelve months when not given).
#[server(endpoint = "backoffice/statistics", input = leptos::server_fn::codec::GetUrl)]
pub async fn load_statistics(
    authority: Option<String>,
    from: Option<String>,
    until: Option<String>,
) -> Result<StatisticsPage, AppError> {
    use crate::server::request;
    let state = request::state().map_err(request::fail)?;
    let (_, mine) = support::caseworker(&state, pages::STATISTICS).await?;
    support::statistics(&state, &mine, authority, from, until).await
}
