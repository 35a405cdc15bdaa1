//! The credential table with everything around it, in the view the URL describes.

use std::rc::Rc;

use keyturn_core::error::Error;
use keyturn_core::ids::AccessKeyId;
use keyturn_core::inventory::histogram::age_buckets;
use keyturn_core::inventory::{Filter, Inventory, SortKey, Summary, UserRef};
use keyturn_core::paging::Paging;
use keyturn_core::policy::Badge;
use keyturn_core::rotation::RotationView;
use yew::prelude::*;

use super::{KeyExport, KeyFilters, KeyHistogram, KeySummary, KeyTable, use_keys, use_table_view};
use crate::context::{Route, use_text};
use crate::i18n::KeysText;
use crate::ui::QueryLink;

/// Props of [`KeyInventory`].
#[derive(Properties, PartialEq)]
pub struct KeyInventoryProps {
    /// Users and keys.
    pub inventory: Rc<Inventory>,
    /// Users whose keys could not be loaded.
    #[prop_or_default]
    pub failures: Vec<(UserRef, Error)>,
    /// Keys with a request in flight.
    #[prop_or_default]
    pub busy: Vec<AccessKeyId>,
}

/// Summary counts, the age histogram of the rows shown, filters, exports, a link planning the
/// rotation of the overdue keys shown, and the table; the filter and order are read from and
/// written to the URL query.
#[component]
pub fn KeyInventory(props: &KeyInventoryProps) -> Html {
    let tr = use_text();
    let (view, set_view) = use_table_view();
    let inventory = &props.inventory;
    let shown = view.apply(inventory);
    let on_sort = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |column: SortKey| {
            set_view.emit(view.with_sort(view.sort.clicked(column)))
        })
    };
    let on_filter = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |filter: Filter| set_view.emit(view.with_filter(filter)))
    };
    let on_select_user = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |id: String| set_view.emit(view.with_selected_user(Some(id))))
    };
    let show_all = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |_: MouseEvent| set_view.emit(view.with_selected_user(None)))
    };
    let on_page = {
        let (view, set_view) = (view.clone(), set_view.clone());
        Callback::from(move |paging: Paging| set_view.emit(view.with_paging(paging)))
    };
    let overdue: Vec<AccessKeyId> = shown
        .iter()
        .filter(|row| row.assessment.badge == Badge::Overdue)
        .map(|row| row.key.access.clone())
        .collect();
    let selected_name = view.selected_user.as_deref().map(|id| {
        inventory
            .user(id)
            .map_or_else(|| id.to_owned(), |u| u.name.clone())
    });
    html! {
        <>
            <div class="key-overview">
                <KeySummary summary={Summary::of(inventory)} />
                <KeyHistogram buckets={age_buckets(shown.iter().copied())} />
            </div>
            <KeyFilters filter={view.filter.clone()} on_change={on_filter} />
            if let Some(name) = selected_name {
                <div class="key-selection">
                    <p>{ tr.t(KeysText::ShowingOnlyUser(name).into()) }</p>
                    <button type="button" class="button-small" onclick={show_all}>
                        { tr.t(KeysText::ShowAllUsers.into()) }
                    </button>
                </div>
            }
            <div class="key-toolbar">
                <p class="key-shown" role="status">
                    { tr.t(KeysText::Shown { shown: shown.len(), total: inventory.rows().len() }.into()) }
                </p>
                <KeyExport inventory={inventory.clone()} view={view.clone()} />
                <KeySelectionPlan />
                if !overdue.is_empty() {
                    <QueryLink to={Route::Rotation} classes={classes!("button")}
                        query={RotationView::Plan(overdue.clone()).to_query()}>
                        { tr.t(KeysText::PlanOverdue(overdue.len()).into()) }
                    </QueryLink>
                }
            </div>
            <KeyTable inventory={inventory.clone()} {view} failures={props.failures.clone()}
                busy={props.busy.clone()} {on_sort} {on_select_user} {on_page} />
        </>
    }
}

/// "Plan the rotation of N selected keys" and "Clear selection", while keys are selected.
#[component]
fn KeySelectionPlan() -> Html {
    let tr = use_text();
    let Some(keys) = use_keys() else {
        return Html::default();
    };
    let selected: Vec<AccessKeyId> = keys.selection.iter().cloned().collect();
    if selected.is_empty() {
        return Html::default();
    }
    let clear = Callback::from(move |_: MouseEvent| keys.clear_selection());
    html! {
        <div class="key-selection-plan" data-testid="key-selection-plan">
            <QueryLink to={Route::Rotation} classes={classes!("button", "button-primary")}
                query={RotationView::Plan(selected.clone()).to_query()}>
                { tr.t(KeysText::PlanSelected(selected.len()).into()) }
            </QueryLink>
            <button type="button" onclick={clear}>{ tr.t(KeysText::ClearSelection.into()) }</button>
        </div>
    }
}
