//! Connect: signing in to a Huawei Cloud account with an access key, a password or a token.

mod method_picker;
mod secret_field;
mod status_view;
mod target;

use keyturn_core::connect::{
    Circumstances, ConnectField, ConnectForm, ConnectStatus, FailureDetail, FieldProblem,
    SignInFailure, SignInMethod, diagnose,
};
use keyturn_core::endpoints;
use keyturn_core::error::Error;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::api::{Connected, SignInTarget, proxy_answers, sign_in};
use crate::context::{
    AbortScope, SessionHandle, use_abort_scope, use_session_handle, use_settings, use_text,
};
use crate::i18n::{ConnectText, Text};
use crate::ui::TextField;
use method_picker::ConnectMethodPicker;
use secret_field::SecretField;
use status_view::ConnectStatusView;
use target::ConnectTarget;

/// What a button asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    /// Check the credentials and report, without signing in.
    Test,
    /// Check the credentials, sign in and open the access keys.
    SignIn,
}

/// The sign-in page. Secrets live in this page's state only: they go when it does.
#[component]
pub fn ConnectPage() -> Html {
    let tr = use_text();
    let settings = use_settings();
    let sessions = use_session_handle();
    let navigator = use_navigator();
    let form = use_state(|| ConnectForm::new(settings.effective.account_name.as_deref()));
    let problems = use_state(Vec::<(ConnectField, FieldProblem)>::new);
    let outcome = use_state(|| ConnectStatus::Idle);
    let busy = matches!(*outcome, ConnectStatus::SigningIn | ConnectStatus::Testing);
    let scope = use_abort_scope();
    let form_ref = use_node_ref();
    {
        let form = form.clone();
        use_effect_with(settings.effective.account_name.clone(), move |name| {
            if form.get(ConnectField::AccountName).is_empty()
                && let Some(name) = name
            {
                form.set(form.with(ConnectField::AccountName, name.clone()));
            }
        });
    }

    let run = {
        let (form, problems, outcome, sessions, form_ref, scope) = (
            form.clone(),
            problems.clone(),
            outcome.clone(),
            sessions.clone(),
            form_ref.clone(),
            scope.clone(),
        );
        let proxy = settings.effective.proxy_url.clone();
        let endpoint = endpoints::iam_endpoint(
            &settings.effective.region,
            settings.effective.iam_endpoint.as_deref(),
        );
        let region = settings.effective.region.clone();
        Callback::from(move |action: Action| {
            let request = match form.request() {
                Ok(request) => request,
                Err(refused) => {
                    if let Some((field, _)) = refused.first() {
                        focus_inside(&form_ref, field.input_id());
                    }
                    problems.set(refused);
                    outcome.set(ConnectStatus::Invalid);
                    return;
                }
            };
            problems.set(Vec::new());
            outcome.set(match action {
                Action::Test => ConnectStatus::Testing,
                Action::SignIn => ConnectStatus::SigningIn,
            });
            let attempt = SignInRun {
                form: form.clone(),
                outcome: outcome.clone(),
                sessions: sessions.clone(),
                navigator: navigator.clone(),
                proxy: proxy.clone(),
                action,
                scope: scope.clone(),
            };
            let (endpoint, region) = (endpoint.clone(), region.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let clock = attempt.sessions.clock();
                let signal = attempt.scope.signal();
                let target = SignInTarget {
                    proxy_url: &attempt.proxy,
                    iam_endpoint: &endpoint,
                    region: &region,
                };
                match sign_in(&request, target, &clock, signal).await {
                    Ok(connected) => attempt.succeeded(connected),
                    Err(failure) => attempt.failed(failure, request.method()).await,
                }
            });
        })
    };
    let onsubmit = {
        let run = run.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            run.emit(Action::SignIn);
        })
    };
    let on_test = Callback::from(move |_: MouseEvent| run.emit(Action::Test));
    let on_method = {
        let (form, problems, outcome) = (form.clone(), problems.clone(), outcome.clone());
        Callback::from(move |method| {
            form.set(form.with_method(method));
            problems.set(Vec::new());
            outcome.set(ConnectStatus::Idle);
        })
    };

    let fields = ConnectField::of(form.method).iter().map(|&field| {
        let on_input = {
            let form = form.clone();
            Callback::from(move |value: String| form.set(form.with(field, value)))
        };
        let error = problems
            .iter()
            .find(|(refused, _)| *refused == field)
            .map(|(_, problem)| tr.t(Text::Connect(ConnectText::Problem(*problem))));
        let hint = Some(tr.t(Text::Connect(ConnectText::FieldHint(field))))
            .filter(|hint| !hint.is_empty());
        let (autocomplete, inputmode) = input_hints(field);
        let label = tr.t(Text::Connect(ConnectText::FieldLabel(field)));
        let value = AttrValue::from(form.get(field).to_owned());
        let autocomplete = autocomplete.map(AttrValue::from);
        let inputmode = inputmode.map(AttrValue::from);
        if field.is_secret() {
            html! {
                <SecretField key={field.input_id()} id={field.input_id()} {label} {value}
                    {on_input} {autocomplete} {inputmode} {hint} {error} />
            }
        } else {
            html! {
                <TextField key={field.input_id()} id={field.input_id()} {label} {value}
                    {on_input} {autocomplete} {inputmode} {hint} {error} />
            }
        }
    });
    html! {
        <section class="page connect-page">
            <h1>{ tr.t(Text::NavConnect) }</h1>
            <p class="lead">{ tr.t(Text::ConnectPlaceholder) }</p>
            <ConnectTarget />
            if let Some(session) = sessions.current() {
                <p class="notice" data-testid="connect-signed-in">
                    { tr.t(Text::Connect(ConnectText::AlreadySignedIn {
                        user: session.user_name.clone(),
                        account: session.account_label().to_owned(),
                    })) }
                </p>
            }
            <form ref={form_ref} class="connect-form" {onsubmit} novalidate=true>
                <ConnectMethodPicker value={form.method} on_change={on_method} />
                <div class="connect-fields">{ for fields }</div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled={busy}>
                        { tr.t(Text::Connect(ConnectText::SignIn)) }
                    </button>
                    <button type="button" class="button" onclick={on_test} disabled={busy}>
                        { tr.t(Text::Connect(ConnectText::TestConnection)) }
                    </button>
                </div>
            </form>
            <ConnectStatusView status={(*outcome).clone()} />
        </section>
    }
}

/// One run of a button, carried into the request's future.
struct SignInRun {
    form: UseStateHandle<ConnectForm>,
    outcome: UseStateHandle<ConnectStatus>,
    sessions: SessionHandle,
    navigator: Option<Navigator>,
    proxy: String,
    action: Action,
    scope: AbortScope,
}

impl SignInRun {
    /// Reports a test, or signs in: session in force, secrets out of the form, then the page
    /// that asked for a session (with its filters), else the access keys.
    fn succeeded(self, connected: Connected) {
        match self.action {
            Action::Test => self.outcome.set(ConnectStatus::Connected {
                user: connected.session.user_name.clone(),
                account: connected.session.account_label().to_owned(),
                admin: connected.admin,
                clock_offset_ms: self.sessions.clock().offset_ms(),
            }),
            Action::SignIn => {
                self.sessions.sign_in(connected.session);
                self.form.set(self.form.without_secrets());
                self.outcome.set(ConnectStatus::Idle);
                let page = self.sessions.take_return();
                if let Some(navigator) = &self.navigator {
                    if page.query.is_empty() {
                        navigator.push(&page.route);
                    } else {
                        let Ok(()) = navigator.push_with_query(&page.route, Raw(page.query));
                    }
                }
            }
        }
    }

    /// Explains the failure; a request without an answer first probes the proxy to tell an
    /// unreachable proxy from a CORS refusal.
    async fn failed(self, failure: SignInFailure, method: SignInMethod) {
        if matches!(failure, SignInFailure::Call(Error::Cancelled)) {
            return;
        }
        let no_answer = matches!(failure, SignInFailure::Call(Error::Network(_)));
        let answers = if no_answer {
            Some(proxy_answers(&self.proxy).await)
        } else {
            None
        };
        let origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        let clock_offset_ms = self.sessions.clock().offset_ms();
        let diagnosis = diagnose(
            &failure,
            &Circumstances {
                method,
                proxy_url: &self.proxy,
                page_origin: &origin,
                proxy_answers: answers,
                clock_offset_ms,
            },
        );
        let detail = FailureDetail::of(&failure);
        self.outcome.set(ConnectStatus::Failed {
            diagnosis,
            detail,
            clock_offset_ms,
        });
    }
}

/// The `autocomplete` and `inputmode` hints of `field` (`None` is `autocomplete="off"`).
///
/// No field says `username` or `current-password`: with them a password manager takes the form
/// for a login and offers to save the secret (to disk, and to the browser's synced account).
/// The IAM password is not saved either: saved, it would be stored beside the account and user
/// name it opens. The MFA code may be filled from a one-time-code source; it is never saved.
fn input_hints(field: ConnectField) -> (Option<&'static str>, Option<&'static str>) {
    match field {
        ConnectField::MfaCode => (Some("one-time-code"), Some("numeric")),
        _ => (None, None),
    }
}

/// Moves keyboard focus to the element with id `id` inside `container`.
fn focus_inside(container: &NodeRef, id: &str) {
    if let Some(element) = container
        .cast::<Element>()
        .and_then(|container| container.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
