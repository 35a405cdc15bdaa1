//! What the last sign-in or connection test came to, announced: news in `role="status"`,
//! failures in `role="alert"`. Both regions are always present so screen readers notice changes.

use keyturn_core::connect::{
    AdminStatus, ConnectStatus, Diagnosis, FailureDetail, is_notable_offset,
};
use yew::prelude::*;

use crate::context::{Translator, use_text};
use crate::i18n::{ConnectText, Text};

/// Props of [`ConnectStatusView`].
#[derive(Properties, PartialEq)]
pub struct ConnectStatusViewProps {
    /// What to show.
    pub status: ConnectStatus,
}

/// The status and alert regions of the Connect page.
#[component]
pub fn ConnectStatusView(props: &ConnectStatusViewProps) -> Html {
    let tr = use_text();
    let line = |text: ConnectText| html! { <p>{ tr.t(Text::Connect(text)) }</p> };
    let (status, alert) = match &props.status {
        ConnectStatus::Idle => (Html::default(), Html::default()),
        ConnectStatus::SigningIn => (line(ConnectText::SigningIn), Html::default()),
        ConnectStatus::Testing => (line(ConnectText::Testing), Html::default()),
        ConnectStatus::Invalid => (Html::default(), line(ConnectText::FormInvalid)),
        ConnectStatus::Connected {
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
        ConnectStatus::Failed {
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
    if !is_notable_offset(offset_ms) {
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
