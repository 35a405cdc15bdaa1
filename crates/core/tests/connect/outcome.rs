//! How a sign-in ends: the account chosen, the user's standing, and what a failure leaves to
//! show.

use keyturn_core::connect::{
    AdminStatus, FailureDetail, NOTABLE_CLOCK_OFFSET_MS, SignInFailure, is_notable_offset,
    pick_account,
};
use keyturn_core::error::Error;
use keyturn_core::types::directory::Domain;

use crate::fixture::{api, api_error};

fn domain(id: &str) -> Domain {
    Domain {
        id: id.into(),
        name: format!("{id}-name"),
        enabled: true,
        description: None,
        links: None,
    }
}

#[test]
fn without_an_account_id_the_first_account_is_taken() {
    let domains = [domain("d1"), domain("d2")];
    assert_eq!(pick_account(&domains, None), Ok(&domains[0]));
}

#[test]
fn a_given_account_id_must_be_among_the_accounts() {
    let domains = [domain("d1"), domain("d2")];
    assert_eq!(pick_account(&domains, Some("d2")), Ok(&domains[1]));
    assert_eq!(
        pick_account(&domains, Some("other")),
        Err(SignInFailure::AccountMismatch {
            given: "other".into(),
            actual: "d1".into(),
        })
    );
    assert_eq!(
        pick_account(&domains, Some("D1")),
        Err(SignInFailure::AccountMismatch {
            given: "D1".into(),
            actual: "d1".into(),
        }),
        "ids compare exactly"
    );
}

#[test]
fn no_account_at_all_is_its_own_failure() {
    assert_eq!(pick_account(&[], None), Err(SignInFailure::NoAccount));
    assert_eq!(pick_account(&[], Some("d1")), Err(SignInFailure::NoAccount));
}

#[test]
fn the_user_lists_answer_tells_the_users_standing() {
    let listed: Result<Vec<()>, Error> = Ok(Vec::new());
    assert_eq!(
        AdminStatus::from_user_list(&listed),
        AdminStatus::Administrator
    );
    let refused: Result<(), Error> = Err(Error::Api(api_error(403, "forbidden")));
    assert_eq!(
        AdminStatus::from_user_list(&refused),
        AdminStatus::NotAdministrator
    );
    for error in [
        Error::Api(api_error(401, "unauthorized")),
        Error::Api(api_error(500, "oops")),
        Error::Network("failed".into()),
        Error::Decode("missing field `users`".into()),
        Error::Cancelled,
    ] {
        let failed: Result<(), Error> = Err(error.clone());
        assert_eq!(
            AdminStatus::from_user_list(&failed),
            AdminStatus::Unknown,
            "{error:?}"
        );
    }
}

#[test]
fn a_failure_leaves_the_services_answer_or_the_browsers_report() {
    let answer = api_error(
        401,
        r#"{"error_code":"APIGW.0301","error_msg":"bad signature"}"#,
    );
    assert_eq!(
        FailureDetail::of(&api(
            401,
            r#"{"error_code":"APIGW.0301","error_msg":"bad signature"}"#
        )),
        FailureDetail::Service(answer)
    );
    assert_eq!(
        FailureDetail::of(&SignInFailure::Call(Error::Network(
            "Failed to fetch".into()
        ))),
        FailureDetail::Report("Failed to fetch".into())
    );
    assert_eq!(
        FailureDetail::of(&SignInFailure::Call(Error::Decode(
            "missing field `domains`".into()
        ))),
        FailureDetail::Report("missing field `domains`".into())
    );
    for failure in [
        SignInFailure::NoAccount,
        SignInFailure::AccountMismatch {
            given: "a".into(),
            actual: "b".into(),
        },
        SignInFailure::Call(Error::Cancelled),
    ] {
        assert_eq!(
            FailureDetail::of(&failure),
            FailureDetail::None,
            "{failure:?}"
        );
    }
}

#[test]
fn a_call_error_becomes_a_sign_in_failure() {
    assert_eq!(
        SignInFailure::from(Error::Cancelled),
        SignInFailure::Call(Error::Cancelled)
    );
}

#[test]
fn only_offsets_of_five_seconds_or_more_are_worth_mentioning() {
    assert_eq!(NOTABLE_CLOCK_OFFSET_MS, 5_000);
    for offset in [0, 1, 999, 4_999, -4_999] {
        assert!(!is_notable_offset(offset), "{offset}");
    }
    for offset in [5_000, -5_000, 1_234_000, i64::MAX, i64::MIN] {
        assert!(is_notable_offset(offset), "{offset}");
    }
}
