//! Enabling rotation at an interval, or changing the interval of a key rotating already.

use keyturn_core::ids::KmsKeyId;
use keyturn_core::kms::{RotationInterval, parse_interval};
use keyturn_core::request_state::RequestState;
use yew::prelude::*;

use super::{KmsError, use_kms, with_kms};
use crate::context::use_text;
use crate::i18n::KmsText;
use crate::ui::{FormDialog, TextField};

/// Props of [`KmsIntervalDialog`].
#[derive(Properties, PartialEq)]
pub struct KmsIntervalDialogProps {
    /// The key.
    pub key_id: KmsKeyId,
    /// Its alias.
    pub alias: String,
    /// Its interval when its rotation is on (a change); `None` to enable rotation.
    pub current: Option<u32>,
    /// The dialog's request.
    pub request: RequestState,
}

/// The interval field (whole days 30 to 365, with the reason any other text is refused, shown
/// once something was typed or sent) and the writes it leads to: "Enable rotation" sends the
/// enable, then the interval when it is not 365; "Save interval" sends the interval.
#[component]
pub fn KmsIntervalDialog(props: &KmsIntervalDialogProps) -> Html {
    let tr = use_text();
    let kms = use_kms();
    let initial = props
        .current
        .unwrap_or(RotationInterval::ON_ENABLE.days())
        .to_string();
    let text = use_state(move || initial);
    let on_input = {
        let text = text.clone();
        Callback::from(move |value: String| text.set(value))
    };
    let tried = use_state(|| false);
    let parsed = parse_interval(&text);
    let enabling = props.current.is_none();
    let on_submit = {
        let (key, alias, parsed, tried) = (
            props.key_id.clone(),
            props.alias.clone(),
            parsed,
            tried.clone(),
        );
        with_kms(kms.clone(), move |kms, ()| {
            tried.set(true);
            let Ok(interval) = parsed else {
                return;
            };
            if enabling {
                kms.enable(key.clone(), alias.clone(), interval);
            } else {
                kms.set_interval(key.clone(), alias.clone(), interval);
            }
        })
    };
    let on_cancel = with_kms(kms, |kms, ()| kms.close());
    let shown_error = parsed
        .err()
        .filter(|_| *tried || *text != props.current.unwrap_or(365).to_string())
        .map(|problem| AttrValue::from(tr.t(KmsText::Interval(problem).into())));
    let (title, submit, failed) = if enabling {
        (
            KmsText::EnableTitle(props.alias.clone()),
            KmsText::Enable,
            KmsText::EnableFailed(props.alias.clone()),
        )
    } else {
        (
            KmsText::IntervalTitle(props.alias.clone()),
            KmsText::SaveInterval,
            KmsText::WriteFailed(props.alias.clone()),
        )
    };
    let failure = props.request.error().cloned().map(|error| {
        html! { <KmsError context={failed} {error} /> }
    });
    html! {
        <FormDialog id="kms-interval-dialog" title={tr.t(title.into())}
            submit={tr.t(submit.into())} working={tr.t(KmsText::Working.into())}
            cancel={tr.t(KmsText::Cancel.into())} submit_class="button-primary"
            busy={props.request.is_pending()} {failure} {on_submit} {on_cancel}>
            <p class="dialog-key"><code>{ props.key_id.to_string() }</code></p>
            if enabling {
                <p>{ tr.t(KmsText::EnableIntro.into()) }</p>
            } else if let Some(days) = props.current {
                <p>{ tr.t(KmsText::CurrentInterval(days).into()) }</p>
            }
            <TextField id="kms-interval" label={tr.t(KmsText::IntervalLabel.into())}
                value={(*text).clone()} {on_input} inputmode="numeric"
                hint={tr.t(KmsText::IntervalHint.into())} error={shown_error} />
        </FormDialog>
    }
}
