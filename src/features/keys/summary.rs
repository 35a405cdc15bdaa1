//! The counts above the key table.

use keyturn_core::inventory::Summary;
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KeysText;

/// Props of [`KeySummary`].
#[derive(Properties, PartialEq)]
pub struct KeySummaryProps {
    /// Counts of the whole inventory.
    pub summary: Summary,
}

/// One labelled count per `data-testid` (`summary-keys`, `summary-active`, …).
#[component]
pub fn KeySummary(props: &KeySummaryProps) -> Html {
    let tr = use_text();
    let keys = props.summary.keys;
    let counts = [
        ("summary-keys", KeysText::SummaryKeys, keys.total, ""),
        ("summary-active", KeysText::SummaryActive, keys.active, ""),
        (
            "summary-inactive",
            KeysText::SummaryInactive,
            keys.inactive,
            "",
        ),
        ("summary-ok", KeysText::SummaryOk, keys.ok, "badge-ok"),
        (
            "summary-due-soon",
            KeysText::SummaryDueSoon,
            keys.due_soon,
            "badge-due-soon",
        ),
        (
            "summary-overdue",
            KeysText::SummaryOverdue,
            keys.overdue,
            "badge-overdue",
        ),
        (
            "summary-never-used",
            KeysText::SummaryNeverUsed,
            keys.never_used,
            "",
        ),
        (
            "summary-users-without-keys",
            KeysText::SummaryUsersWithoutKeys,
            props.summary.users_without_keys,
            "",
        ),
    ];
    html! {
        <section class="key-summary" aria-labelledby="key-summary-title">
            <h2 id="key-summary-title" class="visually-hidden">
                { tr.t(KeysText::SummaryHeading.into()) }
            </h2>
            <dl>
                { for counts.into_iter().map(|(testid, label, count, class)| html! {
                    <div key={testid} class={classes!("summary-count", class)} data-testid={testid}>
                        <dt>{ tr.t(label.into()) }</dt>
                        <dd>{ count }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
