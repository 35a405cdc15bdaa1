use keyturn_core::inventory::{Filter, Slug, Sort, SortDir, SortKey, TableView};
use keyturn_core::paging::Paging;
use keyturn_core::policy::Badge;
use keyturn_core::types::credential::KeyStatus;

fn example() -> TableView {
    TableView {
        filter: Filter {
            status: Some(KeyStatus::Inactive),
            badge: Some(Badge::Overdue),
            never_used: true,
            unused_over_days: Some(30),
            search: "ci".into(),
        },
        sort: Sort {
            key: SortKey::Age,
            dir: SortDir::Desc,
        },
        selected_user: Some("07609fb9358010e21f7bc003751c7c32".into()),
        paging: Paging { page: 2, size: 100 },
    }
}

const EXAMPLE: &str = "status=inactive&badge=overdue&never=1&unused=30&q=ci&sort=age&dir=desc\
                       &user=07609fb9358010e21f7bc003751c7c32&page=3&size=100";

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(TableView::default().to_query(), "");
    assert_eq!(TableView::from_query(""), TableView::default());
    assert_eq!(TableView::from_query("?"), TableView::default());
}

#[test]
fn every_parameter_is_written_in_a_fixed_order() {
    assert_eq!(example().to_query(), EXAMPLE);
    assert_eq!(TableView::from_query(EXAMPLE), example());
    assert_eq!(TableView::from_query(&format!("?{EXAMPLE}")), example());
    let shuffled = "size=100&page=3&user=07609fb9358010e21f7bc003751c7c32&dir=desc&sort=age\
                    &q=ci&unused=30&never=1&badge=overdue&status=inactive";
    assert_eq!(TableView::from_query(shuffled).to_query(), EXAMPLE);
}

#[test]
fn parameters_come_unencoded_for_a_router() {
    let mut view = example();
    view.filter.search = "a b&c".into();
    assert_eq!(
        view.to_params(),
        [
            ("status", "inactive".to_owned()),
            ("badge", "overdue".to_owned()),
            ("never", "1".to_owned()),
            ("unused", "30".to_owned()),
            ("q", "a b&c".to_owned()),
            ("sort", "age".to_owned()),
            ("dir", "desc".to_owned()),
            ("user", "07609fb9358010e21f7bc003751c7c32".to_owned()),
            ("page", "3".to_owned()),
            ("size", "100".to_owned()),
        ]
    );
}

#[test]
fn only_parameters_off_their_default_are_written() {
    let dir_only = TableView {
        sort: Sort {
            key: SortKey::User,
            dir: SortDir::Desc,
        },
        ..TableView::default()
    };
    assert_eq!(dir_only.to_query(), "dir=desc");
    let unused_zero = TableView {
        filter: Filter {
            unused_over_days: Some(0),
            ..Filter::default()
        },
        ..TableView::default()
    };
    assert_eq!(unused_zero.to_query(), "unused=0");
    assert_eq!(TableView::from_query("unused=0"), unused_zero);
}

#[test]
fn search_text_is_percent_encoded() {
    let view = TableView {
        filter: Filter {
            search: "a b&c=d+e/é%#?".into(),
            ..Filter::default()
        },
        ..TableView::default()
    };
    let query = view.to_query();
    assert_eq!(query, "q=a%20b%26c%3Dd%2Be%2F%C3%A9%25%23%3F");
    assert_eq!(TableView::from_query(&query), view);
    assert_eq!(TableView::from_query("q=a+b").filter.search, "a b");
    assert_eq!(
        TableView::from_query("q=%E7%94%A8%E6%88%B7").filter.search,
        "用户"
    );
    assert_eq!(TableView::from_query("q=用户").filter.search, "用户");
    assert_eq!(TableView::from_query("%71=x").filter.search, "x");
}

#[test]
fn unknown_or_invalid_parameters_are_ignored() {
    for garbage in [
        "status=bogus",
        "status=Active",
        "badge=",
        "badge=due-soon",
        "never=maybe",
        "never",
        "unused=-3",
        "unused=30d",
        "unused=99999999999",
        "sort=sideways",
        "dir=up",
        "user=../etc",
        "user=a%2Fb",
        "user=",
        "foo=bar",
        "&&&",
        "=",
        "==x==",
        "%zz=%zz",
        "%",
        "q",
        "q=",
        "?&?",
    ] {
        assert_eq!(
            TableView::from_query(garbage),
            TableView::default(),
            "{garbage:?}"
        );
    }
}

#[test]
fn invalid_values_keep_the_last_valid_one() {
    let view =
        TableView::from_query("status=active&status=bogus&sort=age&sort=nope&never=1&never=x");
    assert_eq!(view.filter.status, Some(KeyStatus::Active));
    assert_eq!(view.sort.key, SortKey::Age);
    assert!(view.filter.never_used);
    let view = TableView::from_query("status=active&status=inactive&never=1&never=0&never=true");
    assert_eq!(view.filter.status, Some(KeyStatus::Inactive));
    assert!(view.filter.never_used);
    assert!(
        !TableView::from_query("never=1&never=false")
            .filter
            .never_used
    );
}

#[test]
fn broken_encodings_read_as_replacement_characters() {
    assert_eq!(
        TableView::from_query("q=%FF%FE").filter.search,
        "\u{FFFD}\u{FFFD}"
    );
    assert_eq!(TableView::from_query("q=100%").filter.search, "100%");
}

#[test]
fn every_combination_survives_a_round_trip() {
    let statuses = [None, Some(KeyStatus::Active), Some(KeyStatus::Inactive)];
    let badges = [
        None,
        Some(Badge::Ok),
        Some(Badge::DueSoon),
        Some(Badge::Overdue),
    ];
    let unused = [None, Some(0), Some(30), Some(u32::MAX)];
    let searches = [
        "",
        "ci",
        " spaced out ",
        "a&b=c+d%e#f?g/h",
        "用户 ü",
        "'\"<>\\",
        "+",
        "%20",
    ];
    let users = [
        None,
        Some("u-1_x"),
        Some("07609fb9358010e21f7bc003751c7c32"),
    ];
    let mut checked = 0;
    for status in statuses {
        for badge in badges {
            for never_used in [false, true] {
                for unused_over_days in unused {
                    for search in searches {
                        for &key in SortKey::ALL {
                            for &dir in SortDir::ALL {
                                for user in users {
                                    let view = TableView {
                                        filter: Filter {
                                            status,
                                            badge,
                                            never_used,
                                            unused_over_days,
                                            search: search.into(),
                                        },
                                        sort: Sort { key, dir },
                                        selected_user: user.map(str::to_owned),
                                        paging: Paging::default(),
                                    };
                                    let query = view.to_query();
                                    assert_eq!(TableView::from_query(&query), view, "{query}");
                                    assert!(query.bytes().all(|b| b.is_ascii_graphic()), "{query}");
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 3 * 4 * 2 * 4 * 8 * 8 * 2 * 3);
}

/// xorshift64: reproducible pseudo-random input without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn random_garbage_never_panics_and_reads_as_a_stable_view() {
    let pieces = [
        "status",
        "badge",
        "never",
        "unused",
        "q",
        "sort",
        "dir",
        "user",
        "=",
        "&",
        "?",
        "%",
        "%2",
        "%zz",
        "%C3",
        "%A9",
        "+",
        "1",
        "0",
        "true",
        "active",
        "inactive",
        "ok",
        "due_soon",
        "overdue",
        "age",
        "last_used",
        "desc",
        "asc",
        "30",
        "-1",
        "4294967296",
        "用户",
        "é",
        "\u{0}",
        " ",
        "#",
        "u-1",
        "../",
        "\u{FFFD}",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.next() % 24;
        let query: String = (0..len).map(|_| rng.pick(&pieces)).collect();
        let view = TableView::from_query(&query);
        let normal = view.to_query();
        assert_eq!(
            TableView::from_query(&normal),
            view,
            "{query:?} -> {normal:?}"
        );
    }
}

#[test]
fn the_page_and_its_size_round_trip_and_bad_values_are_ignored() {
    let view = TableView::from_query("page=4&size=25");
    assert_eq!(view.paging, Paging { page: 3, size: 25 });
    assert_eq!(view.to_query(), "page=4&size=25");
    for ignored in [
        "page=0",
        "page=-1",
        "page=x",
        "size=30",
        "size=0",
        "size=100000",
    ] {
        assert_eq!(
            TableView::from_query(ignored).paging,
            Paging::default(),
            "{ignored}"
        );
    }
}

#[test]
fn a_new_filter_order_or_user_starts_at_the_first_page() {
    let on_page_3 = TableView::from_query("page=3&size=25");
    assert_eq!(
        on_page_3.with_filter(Filter::default()).paging,
        Paging { page: 0, size: 25 }
    );
    assert_eq!(on_page_3.with_sort(Sort::default()).paging.page, 0);
    assert_eq!(on_page_3.with_selected_user(None).paging.page, 0);
    assert_eq!(
        on_page_3
            .with_paging(Paging { page: 1, size: 25 })
            .paging
            .page,
        1
    );
}
