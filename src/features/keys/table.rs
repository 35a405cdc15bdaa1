//! The access key table: sortable headers, one row per key, keyless and failed users.

use std::collections::HashSet;
use std::rc::Rc;

use keyturn_core::error::Error;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::{Inventory, MAX_KEYS_PER_USER, Slug, SortKey, TableView, UserRef};
use keyturn_core::paging::{PAGE_SIZES, Paging};
use yew::prelude::*;

use super::{CreateSlot, KeyError, KeyTableRow, KeyUserCell, use_keys};
use crate::context::use_text;
use crate::i18n::KeysText;
use crate::ui::{Pager, SortHeader};

/// Columns after the user column (the sortable ones after it, and the actions), for cells
/// that span them.
const SPAN: usize = SortKey::ALL.len();

/// Props of [`KeyTable`].
#[derive(Properties, PartialEq)]
pub struct KeyTableProps {
    /// Users and keys.
    pub inventory: Rc<Inventory>,
    /// Filter and order.
    pub view: TableView,
    /// Users whose keys could not be loaded.
    #[prop_or_default]
    pub failures: Vec<(UserRef, Error)>,
    /// Keys with a request in flight.
    #[prop_or_default]
    pub busy: Vec<AccessKeyId>,
    /// Called with the column whose header was pressed.
    pub on_sort: Callback<SortKey>,
    /// Called with the page asked for.
    pub on_page: Callback<Paging>,
    /// Called with the id of the user whose name was pressed.
    #[prop_or_default]
    pub on_select_user: Callback<String>,
}

/// `<table aria-label="Access keys">`: a checkbox selecting every key the view shows (on every
/// page) for a rotation plan, a header button per column (`aria-sort` on the sorted
/// one), rows of users whose loading failed (with "Retry"), the keys the view lets through in
/// its order (`data-ak`), then users without keys (`data-user-without-keys`), one page of them
/// at a time (the [`Pager`] under the table turns pages once there is more than one). A user's
/// create control sits in their first row shown.
#[component]
pub fn KeyTable(props: &KeyTableProps) -> Html {
    let tr = use_text();
    let keys = use_keys();
    let inventory = &props.inventory;
    let all_rows = props.view.apply(inventory);
    let all_keyless = props.view.keyless_users(inventory);
    let total = all_rows.len() + all_keyless.len();
    let page = props.view.paging.range(total);
    let keyed = all_rows.len();
    let rows = &all_rows[page.start.min(keyed)..page.end.min(keyed)];
    let keyless = &all_keyless[page.start.saturating_sub(keyed)..page.end.saturating_sub(keyed)];
    let selection = keys
        .as_ref()
        .map(|keys| (*keys.selection).clone())
        .unwrap_or_default();
    let shown_keys: Vec<AccessKeyId> = all_rows.iter().map(|row| row.key.access.clone()).collect();
    let all_selected =
        !shown_keys.is_empty() && shown_keys.iter().all(|access| selection.contains(access));
    let select_all = {
        let (keys, shown_keys) = (keys.clone(), shown_keys.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(keys) = &keys {
                keys.select(shown_keys.iter().cloned(), input.checked());
            }
        })
    };
    let mut offered = HashSet::new();
    let create_for = |user: &UserRef, offered: &mut HashSet<UserId>| {
        if !(inventory.keys_known(&user.id) && offered.insert(user.id.clone())) {
            CreateSlot::Hidden
        } else if inventory.has_free_slot(&user.id) {
            CreateSlot::Free
        } else {
            CreateSlot::Full
        }
    };
    let key_rows: Vec<Html> = rows
        .iter()
        .map(|row| {
            let user_id = &row.user.id;
            html! {
                <KeyTableRow key={row.key.access.to_string()} row={(*row).clone()}
                    no_free_slot={inventory.key_count(user_id) >= MAX_KEYS_PER_USER}
                    create={create_for(&row.user, &mut offered)}
                    busy={props.busy.contains(&row.key.access)}
                    selected={selection.contains(&row.key.access)}
                    on_select_user={props.on_select_user.clone()} />
            }
        })
        .collect();
    let keyless_rows: Vec<Html> = keyless
        .iter()
        .map(|user| {
            html! {
                <tr key={format!("user-{}", user.id)} data-user-without-keys={user.name.clone()}>
                    <td class="select-cell"></td>
                    <KeyUserCell user={(*user).clone()} create={create_for(user, &mut offered)}
                        on_select={props.on_select_user.clone()} />
                    <td colspan={SPAN.to_string()} class="no-keys">{ tr.t(KeysText::NoKeys.into()) }</td>
                </tr>
            }
        })
        .collect();
    let failed_rows = props.failures.iter().map(|(user, error)| {
        let onclick = {
            let (id, keys) = (user.id.clone(), keys.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(keys) = &keys {
                    keys.retry(id.clone());
                }
            })
        };
        html! {
            <tr key={format!("failed-{}", user.id)} data-user-error={user.name.clone()}>
                <td class="select-cell"></td>
                <KeyUserCell user={user.clone()} on_select={props.on_select_user.clone()} />
                <td colspan={SPAN.to_string()}>
                    <KeyError context={KeysText::UserFailed(user.name.clone())} error={error.clone()} />
                    <button type="button" class="button-small" {onclick}
                        aria-label={tr.t(KeysText::RetryUser(user.name.clone()).into())}>
                        { tr.t(KeysText::Retry.into()) }
                    </button>
                </td>
            </tr>
        }
    });
    let empty = key_rows.is_empty() && keyless_rows.is_empty() && props.failures.is_empty();
    let narrowed = props.view.filter.is_active() || props.view.selected_user.is_some();
    html! {
        <div class="table-wrap key-table-wrap">
            <table class="key-table" aria-label={tr.t(KeysText::TableLabel.into())}>
                <thead>
                    <tr>
                        <th scope="col" class="select-cell">
                            <input type="checkbox" checked={all_selected} onchange={select_all}
                                aria-label={tr.t(KeysText::SelectAllShown(shown_keys.len()).into())} />
                        </th>
                        { for SortKey::ALL.iter().map(|&column| html! {
                            <SortHeader key={column.slug()} label={tr.t(KeysText::Column(column).into())}
                                sorted={(props.view.sort.key == column).then_some(props.view.sort.dir)}
                                on_click={props.on_sort.reform(move |()| column)} />
                        }) }
                        <th scope="col">{ tr.t(KeysText::ColumnActions.into()) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for failed_rows }
                    { for key_rows }
                    { for keyless_rows }
                    if empty && narrowed {
                        <tr key="empty">
                            <td colspan={(SPAN + 2).to_string()} class="no-keys">{ tr.t(KeysText::NoMatchingKeys.into()) }</td>
                        </tr>
                    }
                </tbody>
            </table>
            if total > PAGE_SIZES[0] {
                <Pager id="keys" paging={props.view.paging} {total} on_change={props.on_page.clone()} />
            }
        </div>
    }
}
