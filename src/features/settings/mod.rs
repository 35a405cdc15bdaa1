//! Settings: the non-secret settings, kept in this browser.

use keyturn_core::endpoints;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use keyturn_core::settings::{ConfigStatus, FieldError, SettingsDraft, SettingsField};

use crate::context::{SaveError, Translator, use_settings, use_text};
use crate::i18n::Text;
use crate::ui::{SelectField, StatusKind, StatusMessage, TextField};

/// What the last button press did.
#[derive(Clone, Debug, PartialEq)]
enum SettingsNotice {
    Saved,
    Reset,
    Refused,
    StorageFailed(String),
}

/// The settings form.
#[component]
pub fn SettingsPage() -> Html {
    let tr = use_text();
    let settings = use_settings();
    let draft = use_state(|| SettingsDraft::from(&settings.effective));
    let errors = use_state(Vec::<(SettingsField, FieldError)>::new);
    let outcome = use_state(|| None::<SettingsNotice>);
    let form = use_node_ref();
    {
        let draft = draft.clone();
        use_effect_with(settings.effective.clone(), move |effective| {
            draft.set(SettingsDraft::from(effective));
        });
    }

    if settings.config == ConfigStatus::Loading {
        return html! { <p class="loading" role="status">{ tr.t(Text::LoadingConfig) }</p> };
    }

    let onsubmit = {
        let (settings, draft, errors, outcome, form) = (
            settings.clone(),
            draft.clone(),
            errors.clone(),
            outcome.clone(),
            form.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let result = draft
                .parse()
                .map_err(SaveError::Invalid)
                .and_then(|parsed| settings.save(parsed));
            match result {
                Ok(()) => {
                    errors.set(Vec::new());
                    outcome.set(Some(SettingsNotice::Saved));
                }
                Err(SaveError::Invalid(refused)) => {
                    if let Some((field, _)) = refused.first() {
                        focus_inside(&form, field.input_id());
                    }
                    errors.set(refused);
                    outcome.set(Some(SettingsNotice::Refused));
                }
                Err(SaveError::Storage(detail)) => {
                    errors.set(Vec::new());
                    outcome.set(Some(SettingsNotice::StorageFailed(detail)));
                }
            }
        })
    };
    let onreset = {
        let (settings, draft, errors, outcome) = (
            settings.clone(),
            draft.clone(),
            errors.clone(),
            outcome.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            settings.reset();
            draft.set(SettingsDraft::from(&settings.defaults));
            errors.set(Vec::new());
            outcome.set(Some(SettingsNotice::Reset));
        })
    };

    let error_of = |field: SettingsField| {
        errors
            .iter()
            .find(|(refused, _)| *refused == field)
            .map(|(_, error)| tr.t(Text::Field(error.clone())))
    };
    let text_field = |field: SettingsField, inputmode: &'static str| {
        let on_input = {
            let draft = draft.clone();
            Callback::from(move |value: String| draft.set(draft.with(field, value)))
        };
        html! {
            <TextField id={field.input_id()} label={tr.t(Text::FieldLabel(field))}
                value={draft.get(field).to_owned()} {on_input}
                hint={tr.t(Text::FieldHint(field))} error={error_of(field)}
                inputmode={AttrValue::from(inputmode)} />
        }
    };
    let region_field = {
        let field = SettingsField::Region;
        let on_change = {
            let draft = draft.clone();
            Callback::from(move |value: String| draft.set(draft.with(field, value)))
        };
        let options = endpoints::regions()
            .iter()
            .map(|region| {
                (
                    AttrValue::from(region.id.as_str()),
                    AttrValue::from(region.id.as_str()),
                )
            })
            .collect::<Vec<_>>();
        html! {
            <SelectField id={field.input_id()} label={tr.t(Text::FieldLabel(field))}
                value={draft.get(field).to_owned()} {options} {on_change}
                hint={tr.t(Text::FieldHint(field))} error={error_of(field)} />
        }
    };
    let status = outcome.as_ref().map(|outcome| {
        let (kind, text) = match outcome {
            SettingsNotice::Saved => (StatusKind::Success, Text::SettingsSaved),
            SettingsNotice::Reset => (StatusKind::Success, Text::SettingsResetDone),
            SettingsNotice::Refused => (StatusKind::Error, Text::SettingsNotSaved),
            SettingsNotice::StorageFailed(detail) => {
                (StatusKind::Error, Text::StorageFailed(detail.clone()))
            }
        };
        html! { <StatusMessage {kind} text={tr.t(text)} /> }
    });

    html! {
        <section class="page settings-page">
            <h1>{ tr.t(Text::NavSettings) }</h1>
            <p class="lead">{ tr.t(Text::SettingsIntro) }</p>
            <div class="page-notices">
                if matches!(settings.config, ConfigStatus::Failed(_)) {
                    <p class="notice notice-warning">
                        { tr.t(Text::SettingsUsingBuiltInDefaults) }
                    </p>
                }
                if settings.stored_ignored {
                    <p class="notice notice-warning">{ tr.t(Text::SettingsStoredIgnored) }</p>
                }
            </div>
            <form ref={form} class="settings-form" {onsubmit} novalidate=true>
                <fieldset>
                    <legend>{ tr.t(Text::SettingsConnectionGroup) }</legend>
                    { text_field(SettingsField::ProxyUrl, "url") }
                    { region_field }
                    { text_field(SettingsField::IamEndpoint, "url") }
                    { text_field(SettingsField::KmsEndpoint, "url") }
                    { text_field(SettingsField::AccountName, "text") }
                    { resolved_endpoints(&draft, tr) }
                </fieldset>
                <fieldset>
                    <legend>{ tr.t(Text::SettingsPolicyGroup) }</legend>
                    { text_field(SettingsField::RotateAfterDays, "numeric") }
                    { text_field(SettingsField::WarnBeforeDays, "numeric") }
                    { text_field(SettingsField::NewKeyGraceDays, "numeric") }
                    { text_field(SettingsField::UnusedAfterDays, "numeric") }
                    { text_field(SettingsField::Concurrency, "numeric") }
                    { text_field(SettingsField::KmsRequestsPerSecond, "numeric") }
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">
                        { tr.t(Text::SaveSettings) }
                    </button>
                    <button type="button" class="button" onclick={onreset}>
                        { tr.t(Text::ResetToDefaults) }
                    </button>
                </div>
                <div class="form-status">{ for status }</div>
            </form>
        </section>
    }
}

/// The IAM and KMS base URLs the form's region and overrides lead to.
fn resolved_endpoints(draft: &SettingsDraft, tr: Translator) -> Html {
    let region = draft.get(SettingsField::Region);
    let non_blank = |field| Some(draft.get(field)).filter(|text| !text.trim().is_empty());
    let iam = endpoints::iam_endpoint(region, non_blank(SettingsField::IamEndpoint));
    let kms = match endpoints::kms_endpoint(region, non_blank(SettingsField::KmsEndpoint)) {
        Some(url) => Text::ResolvedKms(url),
        None => Text::ResolvedKmsNone,
    };
    html! {
        <div class="resolved-endpoints" data-testid="resolved-endpoints">
            <h3>{ tr.t(Text::ResolvedEndpoints) }</h3>
            <ul>
                <li>{ tr.t(Text::ResolvedIam(iam)) }</li>
                <li>{ tr.t(kms) }</li>
            </ul>
        </div>
    }
}

/// Moves keyboard focus to the element `id` inside `container`, if it exists.
fn focus_inside(container: &NodeRef, id: &str) {
    if let Some(element) = container
        .cast::<web_sys::Element>()
        .and_then(|container| container.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
