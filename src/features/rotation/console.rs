//! The signed-in Rotation page: the list, one wizard, starting a rotation, or a plan.

use keyturn_core::rotation::RotationView;
use yew::prelude::*;

use super::{PlanView, RotationList, Wizard, use_rotation, use_rotation_view};
use crate::context::use_text;
use crate::i18n::RotationText;

/// What the URL asks for.
#[component]
pub fn RotationConsole() -> Html {
    let tr = use_text();
    let (view, set_view) = use_rotation_view();
    let handle = use_rotation();
    {
        let (view, set_view, handle) = (view.clone(), set_view.clone(), handle.clone());
        use_effect_with(view.clone(), move |_| {
            if let (RotationView::Start(access, mode), Some(handle)) = (view, handle) {
                if handle.record(&access).is_some() {
                    set_view.emit(RotationView::Open(access));
                } else {
                    let opened = set_view.reform(RotationView::Open);
                    handle.start(access, mode, opened);
                }
            }
        });
    }
    let body = match &view {
        RotationView::List => html! { <RotationList /> },
        RotationView::Open(old) => html! { <Wizard key={old.to_string()} old={old.clone()} /> },
        RotationView::Start(access, _) => {
            let error = handle
                .as_ref()
                .and_then(|handle| handle.live.errors.get(access).cloned());
            html! {
                <div class="rotation-start">
                    <p role="status">{ tr.t(RotationText::Starting(access.to_string()).into()) }</p>
                    if let Some(error) = error {
                        <super::wizard::RotationError context={RotationText::StartFailed} {error} />
                    }
                </div>
            }
        }
        RotationView::Plan(keys) => html! { <PlanView keys={keys.clone()} /> },
    };
    html! {
        <section class="page rotation-page">
            <h1>{ tr.t(RotationText::Title.into()) }</h1>
            { body }
        </section>
    }
}
