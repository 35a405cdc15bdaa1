//! The Rotation page's URL: the list, one wizard, a start (safe or quick), a plan.

use keyturn_core::ids::AccessKeyId;
use keyturn_core::rotation::{Mode, RotationView};

use crate::fixture::{NEW, OLD};

fn ak(text: &str) -> AccessKeyId {
    AccessKeyId::parse(text).unwrap()
}

#[test]
fn every_view_reads_back_from_its_query() {
    for view in [
        RotationView::List,
        RotationView::Open(ak(OLD)),
        RotationView::Start(ak(OLD), Mode::Safe),
        RotationView::Start(ak(OLD), Mode::Quick),
        RotationView::Plan(vec![ak(OLD), ak(NEW)]),
    ] {
        assert_eq!(RotationView::from_query(&view.to_query()), view, "{view:?}");
    }
    assert_eq!(RotationView::List.to_query(), "");
    assert_eq!(
        RotationView::Start(ak(OLD), Mode::Quick).to_query(),
        format!("start={OLD}&mode=quick")
    );
}

#[test]
fn malformed_queries_show_the_list_or_skip_what_is_not_an_ak() {
    assert_eq!(
        RotationView::from_query("?open=not%20an%20ak"),
        RotationView::List
    );
    assert_eq!(RotationView::from_query("plan=,,x"), RotationView::List);
    assert_eq!(
        RotationView::from_query(&format!("?plan={OLD},bad,{NEW}")),
        RotationView::Plan(vec![ak(OLD), ak(NEW)])
    );
    assert_eq!(
        RotationView::from_query(&format!("start={OLD}&mode=other")),
        RotationView::Start(ak(OLD), Mode::Safe)
    );
}
