//! The counts above the KMS table.

use std::rc::Rc;

use keyturn_core::kms::{KmsKeys, KmsSummary};
use yew::prelude::*;

use crate::context::use_text;
use crate::i18n::KmsText;

/// Props of [`KmsSummaryView`].
#[derive(Properties, PartialEq)]
pub struct KmsSummaryViewProps {
    /// Every key of the region.
    pub keys: Rc<KmsKeys>,
}

/// The counts, each `data-testid="kms-count-{keys,on,off,not-rotatable,failed}"`: keys,
/// rotation on, off, cannot rotate, status unread.
#[component]
pub fn KmsSummaryView(props: &KmsSummaryViewProps) -> Html {
    let tr = use_text();
    let summary = KmsSummary::of(props.keys.rows().iter().map(AsRef::as_ref));
    let counts = [
        ("keys", KmsText::SummaryKeys, summary.keys),
        ("on", KmsText::SummaryOn, summary.rotation_on),
        ("off", KmsText::SummaryOff, summary.rotation_off),
        (
            "not-rotatable",
            KmsText::SummaryNotRotatable,
            summary.not_rotatable,
        ),
        ("failed", KmsText::SummaryFailed, summary.failed),
    ];
    html! {
        <section class="key-summary" aria-label={tr.t(KmsText::SummaryHeading.into())}>
            <dl>
                { for counts.into_iter().map(|(slug, label, count)| html! {
                    <div key={slug} class="summary-count" data-testid={format!("kms-count-{slug}")}>
                        <dt>{ tr.t(label.into()) }</dt>
                        <dd>{ count }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
