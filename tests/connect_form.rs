//! The Connect form's checks before anything is sent, and secrets kept out of `Debug`.

use keyturn::api::sign_in::{MfaCode, SignInMethod, SignInRequest};
use keyturn::components::{ConnectField, ConnectForm, FieldProblem};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SK: &str = "AliceDemoSecretKey0000000000000000000001";
const PASSWORD: &str = "Keyturn-Demo-1";
const TOKEN: &str = "MIIEtoken-that-must-not-leak";

fn form(method: SignInMethod, values: &[(ConnectField, &str)]) -> ConnectForm {
    values.iter().fold(
        ConnectForm::new(Some("keyturn-demo")).with_method(method),
        |form, (field, value)| form.with(*field, (*value).to_owned()),
    )
}

#[wasm_bindgen_test]
fn each_way_in_asks_for_its_own_fields() {
    assert_eq!(
        ConnectField::of(SignInMethod::AkSk),
        [ConnectField::Ak, ConnectField::Sk, ConnectField::AccountId]
    );
    assert_eq!(
        ConnectField::of(SignInMethod::Password),
        [
            ConnectField::AccountName,
            ConnectField::UserName,
            ConnectField::Password,
            ConnectField::MfaCode,
            ConnectField::MfaUserId
        ]
    );
    assert_eq!(ConnectField::of(SignInMethod::Token), [ConnectField::Token]);
}

#[wasm_bindgen_test]
fn an_empty_form_names_every_required_field_in_order() {
    assert_eq!(
        form(SignInMethod::AkSk, &[]).request().unwrap_err(),
        [
            (ConnectField::Ak, FieldProblem::Required),
            (ConnectField::Sk, FieldProblem::Required)
        ]
    );
    assert_eq!(
        form(SignInMethod::Password, &[(ConnectField::AccountName, " ")])
            .request()
            .unwrap_err(),
        [
            (ConnectField::AccountName, FieldProblem::Required),
            (ConnectField::UserName, FieldProblem::Required),
            (ConnectField::Password, FieldProblem::Required)
        ]
    );
    assert_eq!(
        form(SignInMethod::Token, &[(ConnectField::Token, "  \n")])
            .request()
            .unwrap_err(),
        [(ConnectField::Token, FieldProblem::Required)]
    );
}

#[wasm_bindgen_test]
fn malformed_identifiers_are_refused() {
    for ak in [
        "alicedemoaccesskey01",
        "ALICE DEMO",
        "ALICE/01",
        &"A".repeat(41),
    ] {
        assert_eq!(
            form(
                SignInMethod::AkSk,
                &[(ConnectField::Ak, ak), (ConnectField::Sk, SK)]
            )
            .request()
            .unwrap_err(),
            [(ConnectField::Ak, FieldProblem::MalformedAk)],
            "{ak}"
        );
    }
    assert_eq!(
        form(
            SignInMethod::AkSk,
            &[
                (ConnectField::Ak, "ALICEDEMOACCESSKEY01"),
                (ConnectField::Sk, SK),
                (ConnectField::AccountId, "../users")
            ]
        )
        .request()
        .unwrap_err(),
        [(ConnectField::AccountId, FieldProblem::MalformedId)]
    );
}

#[wasm_bindgen_test]
fn an_access_key_request_is_trimmed_and_discovers_the_account_when_none_is_given() {
    let request = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, " ALICEDEMOACCESSKEY01 "),
            (ConnectField::Sk, &format!("{SK}\n")),
        ],
    )
    .request()
    .unwrap();
    assert_eq!(
        request,
        SignInRequest::AkSk {
            ak: "ALICEDEMOACCESSKEY01".into(),
            sk: SK.into(),
            account_id: None,
        }
    );
    let with_account = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, "ALICEDEMOACCESSKEY01"),
            (ConnectField::Sk, SK),
            (ConnectField::AccountId, "d01"),
        ],
    )
    .request()
    .unwrap();
    assert!(
        matches!(with_account, SignInRequest::AkSk { account_id: Some(id), .. } if id == "d01")
    );
}

#[wasm_bindgen_test]
fn an_mfa_code_is_six_digits_and_needs_the_users_id() {
    let base = [
        (ConnectField::UserName, "carol"),
        (ConnectField::Password, PASSWORD),
    ];
    let with = |extra: &[(ConnectField, &str)]| {
        let values: Vec<(ConnectField, &str)> = base.iter().chain(extra).copied().collect();
        form(SignInMethod::Password, &values).request()
    };
    assert_eq!(
        with(&[(ConnectField::MfaCode, "123456")]).unwrap_err(),
        [(ConnectField::MfaUserId, FieldProblem::MfaUserIdNeeded)]
    );
    assert_eq!(
        with(&[
            (ConnectField::MfaCode, "12345"),
            (ConnectField::MfaUserId, "c01")
        ])
        .unwrap_err(),
        [(ConnectField::MfaCode, FieldProblem::MalformedMfaCode)]
    );
    assert_eq!(
        with(&[
            (ConnectField::MfaCode, " 123456 "),
            (ConnectField::MfaUserId, "c01")
        ])
        .unwrap(),
        SignInRequest::Password {
            account: "keyturn-demo".into(),
            user: "carol".into(),
            password: PASSWORD.into(),
            mfa: Some(MfaCode {
                user_id: "c01".into(),
                passcode: "123456".into(),
            }),
        }
    );
    assert!(matches!(
        with(&[(ConnectField::MfaUserId, "c01")]).unwrap(),
        SignInRequest::Password { mfa: None, .. }
    ));
}

#[wasm_bindgen_test]
fn a_password_is_taken_as_typed() {
    let request = form(
        SignInMethod::Password,
        &[
            (ConnectField::UserName, "alice"),
            (ConnectField::Password, " spaced "),
        ],
    )
    .request()
    .unwrap();
    assert!(matches!(request, SignInRequest::Password { password, .. } if password == " spaced "));
}

#[wasm_bindgen_test]
fn switching_keeps_what_was_typed_and_sign_in_empties_the_secrets() {
    let typed = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, "ALICEDEMOACCESSKEY01"),
            (ConnectField::Sk, SK),
            (ConnectField::Password, PASSWORD),
            (ConnectField::Token, TOKEN),
            (ConnectField::MfaCode, "123456"),
        ],
    );
    let switched = typed
        .with_method(SignInMethod::Token)
        .with_method(SignInMethod::AkSk);
    assert_eq!(switched, typed);
    let cleared = typed.without_secrets();
    for field in [
        ConnectField::Sk,
        ConnectField::Password,
        ConnectField::Token,
        ConnectField::MfaCode,
    ] {
        assert!(field.is_secret());
        assert_eq!(cleared.get(field), "", "{field:?}");
    }
    assert_eq!(cleared.get(ConnectField::Ak), "ALICEDEMOACCESSKEY01");
    assert_eq!(cleared.get(ConnectField::AccountName), "keyturn-demo");
}

#[wasm_bindgen_test]
fn debug_output_never_shows_a_secret() {
    let values = [
        (ConnectField::Ak, "ALICEDEMOACCESSKEY01"),
        (ConnectField::Sk, SK),
        (ConnectField::UserName, "carol"),
        (ConnectField::Password, PASSWORD),
        (ConnectField::MfaCode, "654321"),
        (ConnectField::MfaUserId, "c01"),
        (ConnectField::Token, TOKEN),
    ];
    for method in SignInMethod::ALL {
        let form = form(method, &values);
        let request = form.request().unwrap();
        let shown = format!("{form:?} {form:#?} {request:?} {request:#?}");
        for secret in [SK, PASSWORD, "654321", TOKEN] {
            assert!(!shown.contains(secret), "{method:?}: {shown}");
        }
    }
    let shown = format!("{:?}", form(SignInMethod::AkSk, &values).request().unwrap());
    assert!(
        shown.contains("ALICEDEMOACCESSKEY01"),
        "the AK is not secret: {shown}"
    );
}
