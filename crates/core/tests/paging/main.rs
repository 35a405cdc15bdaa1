//! Paging a long table.

use keyturn_core::paging::{DEFAULT_PAGE_SIZE, PAGE_SIZES, Paging};

#[test]
fn pages_cover_every_row_once() {
    for total in [0, 1, 49, 50, 51, 4000, 4001] {
        for size in PAGE_SIZES {
            let paging = Paging { page: 0, size };
            let mut covered = 0;
            for page in 0..paging.pages(total) {
                let range = paging.to(page).range(total);
                assert_eq!(
                    range.start, covered,
                    "total {total}, size {size}, page {page}"
                );
                covered = range.end;
            }
            assert_eq!(covered, total, "total {total}, size {size}");
        }
    }
}

#[test]
fn an_empty_table_has_one_empty_page() {
    let paging = Paging::default();
    assert_eq!(paging.pages(0), 1);
    assert_eq!(paging.range(0), 0..0);
}

#[test]
fn a_page_past_the_end_shows_the_last_page() {
    let paging = Paging { page: 9, size: 50 };
    assert_eq!(paging.within(120), Paging { page: 2, size: 50 });
    assert_eq!(paging.range(120), 100..120);
}

#[test]
fn a_new_size_starts_at_the_first_page() {
    let paging = Paging { page: 5, size: 25 };
    assert_eq!(paging.sized(100), Paging { page: 0, size: 100 });
    assert_eq!(paging.first(), Paging { page: 0, size: 25 });
    assert_eq!(Paging::default().size, DEFAULT_PAGE_SIZE);
}
