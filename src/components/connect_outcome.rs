//! What the last sign-in or connection test came to, announced: news in `role="status"`,
//! failures in `role="alert"`. Both regions are always present so screen readers notice changes.

use keyturn_core::error::ApiError;
use yew::prelude::*;

use crate::api::diagnosis::Diagnosis;
use crate::api::identify::AdminStatus;
use crate::i18n::{ConnectText, Text};
use crate::state::{Translator, use_text};

/// A clock offset at least this large (milliseconds, either way) is mentioned: smaller ones are
/// the `Date` header's one-second resolution and network delay.
pub const NOTABLE_CLOCK_OFFSET_MS: i64 = 5_000;

/// What a failed call left to show besides the plain-words explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum FailureDetail {
    /// The service's (or proxy's) error answer: status, code, message, request id.
    Service(ApiError),
    /// What the browser or the answer's reader reported, for calls without an error answer.
    Report(String),
    /// Nothing more is known.
    None,
}

/// Where the Connect page stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing tried yet.
    Idle,
    /// Signing in.
    SigningIn,
    /// Testing the connection.
    Testing,
    /// The form was refused before sending.
    Invalid,
    /// The credentials work.
    Connected {
        /// IAM user name; empty when unknown.
        user: String,
        /// Account name or id.
        account: String,
        /// Whether the user administers the account.
        admin: AdminStatus,
        /// The browser's clock offset from the server's, in milliseconds.
        clock_offset_ms: i64,
    },
    /// The connection failed.
    Failed {
        /// The explanation.
        diagnosis: Diagnosis,
        /// The service's answer or the browser's report.
        detail: FailureDetail,
        /// The browser's clock offset from the server's, in milliseconds.
        clock_offset_ms: i64,
    },
}

/// Props of [`ConnectOutcome`].
#[derive(Properties, PartialEq)]
pub struct ConnectOutcomeProps {
    /// What to show.
    pub outcome: Outcome,
}

/// The status and alert regions of the Connect page.
#[component]
pub fn ConnectOutcome(props: &ConnectOutcomeProps) -> Html {
    let tr = use_text();
    let line = |text: ConnectText| html! { <p>{ tr.t(Text::Connect(text)) }</p> };
    let (status, alert) = match &props.outcome {
        Outcome::Idle => (Html::default(), Html::default()),
        Outcome::SigningIn => (line(ConnectText::SigningIn), Html::default()),
        Outcome::Testing => (line(ConnectText::Testing), Html::default()),
        Outcome::Invalid => (Html::default(), line(ConnectText::FormInvalid)),
        Outcome::Connected {
            user,
            account,
            admin,
            clock_offset_ms,
        } => (
            html! {
                <>
                    <p class="connect-who">{ tr.t(Text::Connect(ConnectText::ConnectedAs {
                        user: user.clone(),
                        account: account.clone(),
                    })) }</p>
                    <p class={classes!((*admin == AdminStatus::NotAdministrator)
                        .then_some("connect-warning"))}>
                        { tr.t(Text::Connect(ConnectText::Admin(*admin))) }
                    </p>
                    { clock_line(tr, *clock_offset_ms) }
                </>
            },
            Html::default(),
        ),
        Outcome::Failed {
            diagnosis,
            detail,
            clock_offset_ms,
        } => (
            Html::default(),
            html! {
                <>
                    <p class="connect-diagnosis">
                        { tr.t(Text::Connect(ConnectText::Diagnosis(diagnosis.clone()))) }
                    </p>
                    { detail_line(tr, detail) }
                    if !matches!(diagnosis, Diagnosis::ClockSkew { .. }) {
                        { clock_line(tr, *clock_offset_ms) }
                    }
                </>
            },
        ),
    };
    html! {
        <div class="connect-outcome">
            <div role="status" class="connect-status" data-testid="connect-status">{ status }</div>
            <div role="alert" class="connect-alert" data-testid="connect-alert">{ alert }</div>
        </div>
    }
}

fn clock_line(tr: Translator, offset_ms: i64) -> Html {
    if offset_ms.abs() < NOTABLE_CLOCK_OFFSET_MS {
        return Html::default();
    }
    html! {
        <p class="connect-clock">{ tr.t(Text::Connect(ConnectText::ClockOffset { offset_ms })) }</p>
    }
}

fn detail_line(tr: Translator, detail: &FailureDetail) -> Html {
    let text = match detail {
        FailureDetail::Service(error) => ConnectText::ServiceAnswer {
            status: error.status,
            code: error.code.clone(),
            message: error.message.clone(),
            request_id: error.request_id.clone(),
        },
        FailureDetail::Report(report) => ConnectText::BrowserReport(report.clone()),
        FailureDetail::None => return Html::default(),
    };
    html! { <p class="connect-detail">{ tr.t(Text::Connect(text)) }</p> }
}
