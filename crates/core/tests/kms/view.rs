//! The table's view: filters, search, order, paging and its URL form.

use keyturn_core::inventory::SortDir;
use keyturn_core::kms::{
    KmsAction, KmsFilter, KmsKeyRow, KmsKeyState, KmsSort, KmsSortKey, KmsState, KmsView,
};
use keyturn_core::model::Model;
use keyturn_core::paging::Paging;

use crate::fixture::{DEMO, aliases, details, id_text, loaded};

fn shown(view: &KmsView) -> Vec<String> {
    let state = loaded();
    aliases(&view.apply(&state.keys))
}

fn filtered(filter: KmsFilter) -> Vec<String> {
    shown(&KmsView::default().with_filter(filter))
}

fn sorted(key: KmsSortKey, dir: SortDir) -> Vec<String> {
    shown(&KmsView::default().with_sort(KmsSort { key, dir }))
}

#[test]
fn the_default_view_shows_every_key_by_alias() {
    assert_eq!(
        shown(&KmsView::default()),
        [
            "app/archive",
            "app/doomed",
            "app/legacy",
            "app/orders",
            "app/payments",
            "App/Reports",
            "app/retired",
            "app/sessions",
            "app/staging",
            "byok/awaiting-material",
            "byok/imported",
            "evs/default",
            "gm/sm4",
            "sign/ec",
            "sign/rsa",
        ]
    );
    assert!(!KmsFilter::default().is_active());
}

#[test]
fn rotation_on_or_off() {
    let on = KmsFilter {
        rotation: Some(true),
        ..KmsFilter::default()
    };
    assert_eq!(
        filtered(on),
        ["app/archive", "app/orders", "app/payments", "app/sessions"]
    );
    // Off: confirmed off, or listed off while the status is unknown or failed; keys that
    // cannot rotate are neither.
    let off = KmsFilter {
        rotation: Some(false),
        ..KmsFilter::default()
    };
    assert!(off.is_active());
    assert_eq!(filtered(off), ["app/legacy", "App/Reports", "gm/sm4"]);
}

#[test]
fn interval_above_and_below_are_strict_and_need_rotation_on() {
    let above = |days| KmsFilter {
        interval_above: Some(days),
        ..KmsFilter::default()
    };
    let below = |days| KmsFilter {
        interval_below: Some(days),
        ..KmsFilter::default()
    };
    assert_eq!(filtered(above(90)), ["app/archive", "app/sessions"]);
    assert_eq!(filtered(above(365)), Vec::<String>::new());
    assert_eq!(filtered(below(90)), ["app/payments"]);
    assert_eq!(filtered(below(30)), Vec::<String>::new());
    // app/legacy keeps 365 days while off: it is not rotating every 365 days.
    assert_eq!(
        filtered(KmsFilter {
            interval_above: Some(30),
            interval_below: Some(366),
            ..KmsFilter::default()
        }),
        ["app/archive", "app/orders", "app/sessions"]
    );
}

#[test]
fn state_and_not_rotatable() {
    let state = |state| KmsFilter {
        state: Some(state),
        ..KmsFilter::default()
    };
    assert_eq!(filtered(state(KmsKeyState::Disabled)), ["app/retired"]);
    assert_eq!(
        filtered(state(KmsKeyState::PendingImport)),
        ["byok/awaiting-material"]
    );
    assert_eq!(
        filtered(state(KmsKeyState::PendingActivation)),
        ["app/staging"]
    );
    assert_eq!(filtered(state(KmsKeyState::Unknown)), Vec::<String>::new());
    assert_eq!(
        filtered(KmsFilter {
            not_rotatable: true,
            ..KmsFilter::default()
        }),
        [
            "app/doomed",
            "app/retired",
            "app/staging",
            "byok/awaiting-material",
            "byok/imported",
            "evs/default",
            "sign/ec",
            "sign/rsa",
        ]
    );
}

#[test]
fn search_looks_in_alias_and_id_ignoring_case_and_spaces() {
    let search = |text: &str| KmsFilter {
        search: text.into(),
        ..KmsFilter::default()
    };
    assert_eq!(filtered(search("  REPORTS ")), ["App/Reports"]);
    assert_eq!(
        filtered(search("byok")),
        ["byok/awaiting-material", "byok/imported"]
    );
    assert_eq!(filtered(search(&id_text(13)[24..])), ["sign/rsa"]);
    assert_eq!(filtered(search(&id_text(13).to_uppercase())), ["sign/rsa"]);
    assert_eq!(filtered(search("nothing-like-it")), Vec::<String>::new());
    assert!(!search("   ").is_active());
    let off_apps = KmsFilter {
        rotation: Some(false),
        search: "app/".into(),
        ..KmsFilter::default()
    };
    assert_eq!(filtered(off_apps.clone()), ["app/legacy", "App/Reports"]);
    let state = loaded();
    let reports = state.keys.row(&id_text(6)).unwrap();
    assert!(off_apps.matches(reports));
}

#[test]
fn every_column_sorts_both_ways() {
    use KmsSortKey::*;
    use SortDir::{Asc, Desc};
    assert_eq!(sorted(Alias, Desc)[..3], ["sign/rsa", "sign/ec", "gm/sm4"]);
    assert_eq!(
        sorted(Id, Asc)[..3],
        ["app/orders", "app/payments", "app/sessions"]
    );
    assert_eq!(sorted(Id, Desc)[0], "gm/sm4");
    assert_eq!(sorted(Spec, Asc)[12..], ["sign/ec", "sign/rsa", "gm/sm4"]);
    assert_eq!(
        sorted(State, Asc)[11..],
        [
            "app/retired",
            "app/staging",
            "byok/awaiting-material",
            "app/doomed"
        ]
    );
    assert_eq!(
        sorted(Created, Desc)[..3],
        ["app/orders", "app/payments", "app/sessions"]
    );
    assert_eq!(sorted(Created, Asc)[0], "gm/sm4");
    assert_eq!(
        sorted(Rotation, Asc)[..7],
        [
            "app/archive",
            "app/orders",
            "app/payments",
            "app/sessions",
            "app/legacy",
            "App/Reports",
            "gm/sm4"
        ]
    );
    assert_eq!(sorted(Rotation, Desc)[0], "app/doomed");
    assert_eq!(
        sorted(Interval, Desc)[..5],
        [
            "app/archive",
            "app/sessions",
            "app/orders",
            "app/payments",
            "app/doomed"
        ]
    );
    assert_eq!(
        sorted(Interval, Asc)[11..],
        sorted(Interval, Desc)[..4]
            .iter()
            .rev()
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        sorted(LastRotation, Desc)[..4],
        ["app/payments", "app/orders", "app/archive", "app/sessions"]
    );
    assert_eq!(
        sorted(Rotations, Desc)[..5],
        [
            "app/payments",
            "app/orders",
            "app/archive",
            "app/sessions",
            "app/legacy"
        ]
    );
}

#[test]
fn a_click_flips_or_starts_ascending() {
    let sort = KmsSort::default();
    assert_eq!(sort.key, KmsSortKey::Alias);
    let flipped = sort.clicked(KmsSortKey::Alias);
    assert_eq!(flipped.dir, SortDir::Desc);
    assert_eq!(
        flipped.clicked(KmsSortKey::Interval),
        KmsSort {
            key: KmsSortKey::Interval,
            dir: SortDir::Asc
        }
    );
}

#[test]
fn the_url_keeps_the_view() {
    let view = KmsView {
        region: Some("ap-southeast-1".into()),
        filter: KmsFilter {
            rotation: Some(false),
            interval_above: Some(30),
            interval_below: Some(200),
            state: Some(KmsKeyState::PendingDeletion),
            not_rotatable: true,
            search: "app/ orders&co".into(),
        },
        sort: KmsSort {
            key: KmsSortKey::LastRotation,
            dir: SortDir::Desc,
        },
        paging: Paging { page: 2, size: 100 },
    };
    let query = view.to_query();
    assert_eq!(
        query,
        "region=ap-southeast-1&rotation=off&above=30&below=200&state=pending_deletion&nr=1\
         &q=app%2F%20orders%26co&sort=last_rotation&dir=desc&page=3&size=100"
    );
    assert_eq!(KmsView::from_query(&query), view);
    assert_eq!(KmsView::from_query(&format!("?{query}")), view);
    assert_eq!(KmsView::default().to_query(), "");
    assert_eq!(KmsView::from_query(""), KmsView::default());
    for sort in [
        KmsSortKey::Alias,
        KmsSortKey::Id,
        KmsSortKey::Spec,
        KmsSortKey::State,
        KmsSortKey::Created,
        KmsSortKey::Rotation,
        KmsSortKey::Interval,
        KmsSortKey::LastRotation,
        KmsSortKey::Rotations,
    ] {
        let view = KmsView::default().with_sort(KmsSort {
            key: sort,
            dir: SortDir::Asc,
        });
        assert_eq!(KmsView::from_query(&view.to_query()), view);
    }
}

#[test]
fn the_url_is_read_leniently() {
    let view = KmsView::from_query(
        "region=mars-1&rotation=maybe&above=lots&below=-5&state=2&nr=yes&sort=colour&dir=up\
         &page=0&size=30&unknown=1&q=a+b%zz&rotation=on&nr=true&nr=0&above=90",
    );
    assert_eq!(view.region, None, "not a region of the list");
    assert_eq!(
        view.filter.rotation,
        Some(true),
        "the last valid value wins"
    );
    assert_eq!(view.filter.interval_above, Some(90));
    assert_eq!(view.filter.interval_below, None);
    assert_eq!(view.filter.state, None, "codes are not names");
    assert!(!view.filter.not_rotatable);
    assert_eq!(view.filter.search, "a b%zz");
    assert_eq!(view.sort, KmsSort::default());
    assert_eq!(view.paging, Paging::default());
    assert_eq!(
        KmsView::from_query("region=cn-north-4").region.as_deref(),
        Some("cn-north-4")
    );
}

#[test]
fn pages_slice_the_shown_rows() {
    let mut state = KmsState::default();
    state.apply(KmsAction::Started {
        region: "cn-north-4".into(),
    });
    let rows: Vec<KmsKeyRow> = (1..=60)
        .map(|n| KmsKeyRow::try_from(&details(n, &DEMO[(n as usize - 1) % 15])).unwrap())
        .collect();
    state.apply(KmsAction::PageListed {
        keys: rows,
        next_marker: None,
    });
    let view = KmsView::from_query("sort=id&size=25&page=2");
    let shown = view.apply(&state.keys);
    assert_eq!(shown.len(), 60);
    let page = &shown[view.paging.range(shown.len())];
    assert_eq!(page.len(), 25);
    assert_eq!(page[0].id.as_str(), id_text(26));
    let last = view.with_paging(view.paging.to(9));
    assert_eq!(last.paging.range(shown.len()), 50..60);
    // A new filter, order or region starts from the first page.
    let filter = KmsFilter {
        rotation: Some(true),
        ..KmsFilter::default()
    };
    assert_eq!(view.with_filter(filter).paging.page, 0);
    assert_eq!(view.with_sort(KmsSort::default()).paging.page, 0);
    let elsewhere = view.with_region(Some("ap-southeast-1".into()));
    assert_eq!((elsewhere.paging.page, elsewhere.sort), (0, view.sort));
}
