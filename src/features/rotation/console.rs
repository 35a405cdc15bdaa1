//! The signed-in Rotation page: the list, one wizard, starting a rotation, or a plan.

use keyturn_core::rotation::{RotationView, StartRefused};
use yew::prelude::*;

use super::{
    PlanView, RotationList, Wizard, use_replace_rotation_view, use_rotation, use_rotation_view,
};
use crate::context::use_text;
use crate::i18n::RotationText;

/// What the URL asks for.
#[component]
pub fn RotationConsole() -> Html {
    let tr = use_text();
    let (view, set_view) = use_rotation_view();
    let replace_view = use_replace_rotation_view();
    let handle = use_rotation();
    {
        let (view, replace_view, handle) = (view.clone(), replace_view.clone(), handle.clone());
        use_effect_with(view.clone(), move |_| {
            if let (RotationView::Start(access, mode), Some(handle)) = (view, handle) {
                match handle.store.book().can_start(&access) {
                    Ok(()) => {
                        let opened = replace_view.reform(RotationView::Open);
                        handle.start(access, mode, opened);
                    }
                    Err(StartRefused::AlreadyRotating(_)) => {
                        replace_view.emit(RotationView::Open(access));
                    }
                    // Said below, with the way to the rotation it belongs to.
                    Err(StartRefused::NewKeyOfRotation(_)) => {}
                }
            }
        });
    }
    let body = match &view {
        RotationView::List => html! { <RotationList /> },
        RotationView::Open(old) => html! { <Wizard key={old.to_string()} old={old.clone()} /> },
        RotationView::Start(access, mode) => {
            let error = handle
                .as_ref()
                .and_then(|handle| handle.live.errors.get(access).cloned());
            let rotation_of_new = handle.as_ref().and_then(|handle| {
                handle
                    .store
                    .book()
                    .active
                    .iter()
                    .find(|record| record.new.as_ref().is_some_and(|new| new.access == *access))
                    .map(|record| record.old.clone())
            });
            if let Some(old) = rotation_of_new {
                let open = {
                    let old = old.clone();
                    set_view.reform(move |_: MouseEvent| RotationView::Open(old.clone()))
                };
                html! {
                    <div class="notice notice-warning rotation-start" role="alert" data-testid="start-refused">
                        <p>{ tr.t(RotationText::NewKeyOfRotation {
                            new: access.to_string(),
                            old: old.to_string(),
                        }.into()) }</p>
                        <button type="button" class="button-primary" onclick={open}>
                            { tr.t(RotationText::OpenRotation(old.to_string()).into()) }
                        </button>
                    </div>
                }
            } else {
                let again = {
                    let (handle, access, mode) = (handle.clone(), access.clone(), *mode);
                    let opened = replace_view.reform(RotationView::Open);
                    Callback::from(move |_: MouseEvent| {
                        if let Some(handle) = &handle {
                            handle.start(access.clone(), mode, opened.clone());
                        }
                    })
                };
                html! {
                    <div class="rotation-start">
                        <p role="status">{ tr.t(RotationText::Starting(access.to_string()).into()) }</p>
                        if let Some(error) = error {
                            <super::wizard::RotationError context={RotationText::StartFailed} {error} />
                            <button type="button" onclick={again}>{ tr.t(RotationText::TryAgain.into()) }</button>
                        }
                    </div>
                }
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
