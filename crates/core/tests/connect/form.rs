//! The Connect form's checks before anything is sent, and secrets kept out of `Debug`.

use keyturn_core::connect::{
    ConnectField, ConnectForm, FieldProblem, MfaCode, SignInMethod, SignInRequest,
};

const AK: &str = "ALICEDEMOACCESSKEY01";
const SK: &str = "AliceDemoSecretKey0000000000000000000001";
const PASSWORD: &str = "Keyturn-Demo-1";
const TOKEN: &str = "MIIEtoken-that-must-not-leak";
const PASSCODE: &str = "654321";

fn form(method: SignInMethod, values: &[(ConnectField, &str)]) -> ConnectForm {
    values.iter().fold(
        ConnectForm::new(Some("keyturn-demo")).with_method(method),
        |form, (field, value)| form.with(*field, (*value).to_owned()),
    )
}

fn problems(
    method: SignInMethod,
    values: &[(ConnectField, &str)],
) -> Vec<(ConnectField, FieldProblem)> {
    form(method, values).request().unwrap_err()
}

/// Carol's password form plus `extra`.
fn password_with(extra: &[(ConnectField, &str)]) -> ConnectForm {
    let mut values = vec![
        (ConnectField::UserName, "carol"),
        (ConnectField::Password, PASSWORD),
    ];
    values.extend_from_slice(extra);
    form(SignInMethod::Password, &values)
}

#[test]
fn each_way_in_asks_for_its_own_fields() {
    assert_eq!(
        SignInMethod::ALL,
        [
            SignInMethod::AkSk,
            SignInMethod::Password,
            SignInMethod::Token
        ]
    );
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

#[test]
fn a_new_form_starts_on_the_access_key_with_the_account_name_of_the_settings() {
    let blank = ConnectForm::new(None);
    assert_eq!(blank.method, SignInMethod::AkSk);
    let named = ConnectForm::new(Some("acme"));
    assert_eq!(named.get(ConnectField::AccountName), "acme");
    for method in SignInMethod::ALL {
        for field in ConnectField::of(method) {
            assert_eq!(blank.get(*field), "", "{field:?}");
        }
    }
}

#[test]
fn fields_have_unique_ids_and_the_secret_ones_are_known() {
    let all: Vec<ConnectField> = SignInMethod::ALL
        .iter()
        .flat_map(|m| ConnectField::of(*m).iter().copied())
        .collect();
    assert_eq!(all.len(), 9);
    let mut ids: Vec<&str> = all.iter().map(|f| f.input_id()).collect();
    assert!(ids.iter().all(|id| id.starts_with("connect-")), "{ids:?}");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 9);
    let secret: Vec<ConnectField> = all.into_iter().filter(|f| f.is_secret()).collect();
    assert_eq!(
        secret,
        [
            ConnectField::Sk,
            ConnectField::Password,
            ConnectField::MfaCode,
            ConnectField::Token
        ]
    );
}

#[test]
fn an_empty_form_names_every_required_field_in_order() {
    assert_eq!(
        problems(SignInMethod::AkSk, &[]),
        [
            (ConnectField::Ak, FieldProblem::Required),
            (ConnectField::Sk, FieldProblem::Required)
        ]
    );
    assert_eq!(
        problems(SignInMethod::Password, &[(ConnectField::AccountName, " ")]),
        [
            (ConnectField::AccountName, FieldProblem::Required),
            (ConnectField::UserName, FieldProblem::Required),
            (ConnectField::Password, FieldProblem::Required)
        ]
    );
    assert_eq!(
        problems(SignInMethod::Token, &[(ConnectField::Token, "  \n")]),
        [(ConnectField::Token, FieldProblem::Required)]
    );
}

#[test]
fn a_blank_secret_key_is_missing() {
    assert_eq!(
        problems(
            SignInMethod::AkSk,
            &[(ConnectField::Ak, AK), (ConnectField::Sk, " \t ")]
        ),
        [(ConnectField::Sk, FieldProblem::Required)]
    );
}

#[test]
fn malformed_access_key_ids_are_refused() {
    for ak in [
        "alicedemoaccesskey01",
        "ALICE DEMO",
        "ALICE/01",
        "ALICE-01",
        "ÄLICE01",
        &"A".repeat(41),
    ] {
        assert_eq!(
            problems(
                SignInMethod::AkSk,
                &[(ConnectField::Ak, ak), (ConnectField::Sk, SK)]
            ),
            [(ConnectField::Ak, FieldProblem::MalformedAk)],
            "{ak}"
        );
    }
    assert!(
        form(
            SignInMethod::AkSk,
            &[(ConnectField::Ak, &"A".repeat(40)), (ConnectField::Sk, SK)]
        )
        .request()
        .is_ok()
    );
}

#[test]
fn malformed_ids_are_refused() {
    for id in ["../users", "d 01", "d?x", "d/01", &"d".repeat(65)] {
        assert_eq!(
            problems(
                SignInMethod::AkSk,
                &[
                    (ConnectField::Ak, AK),
                    (ConnectField::Sk, SK),
                    (ConnectField::AccountId, id)
                ]
            ),
            [(ConnectField::AccountId, FieldProblem::MalformedId)],
            "{id}"
        );
        assert_eq!(
            password_with(&[
                (ConnectField::MfaCode, "123456"),
                (ConnectField::MfaUserId, id)
            ])
            .request()
            .unwrap_err(),
            [(ConnectField::MfaUserId, FieldProblem::MalformedId)],
            "{id}"
        );
    }
}

#[test]
fn an_access_key_request_is_trimmed_and_discovers_the_account_when_none_is_given() {
    let request = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, " ALICEDEMOACCESSKEY01 "),
            (ConnectField::Sk, &format!("{SK}\n")),
            (ConnectField::AccountId, "  "),
        ],
    )
    .request()
    .unwrap();
    assert_eq!(
        request,
        SignInRequest::AkSk {
            ak: AK.into(),
            sk: SK.into(),
            account_id: None,
        }
    );
    assert_eq!(request.method(), SignInMethod::AkSk);
    let with_account = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, AK),
            (ConnectField::Sk, SK),
            (ConnectField::AccountId, " d01 "),
        ],
    )
    .request()
    .unwrap();
    assert!(
        matches!(with_account, SignInRequest::AkSk { account_id: Some(id), .. } if id == "d01")
    );
}

#[test]
fn an_mfa_code_is_six_digits_and_needs_the_users_id() {
    assert_eq!(
        password_with(&[(ConnectField::MfaCode, "123456")])
            .request()
            .unwrap_err(),
        [(ConnectField::MfaUserId, FieldProblem::MfaUserIdNeeded)]
    );
    for code in ["12345", "1234567", "12345a", "12 456", "١٢٣٤٥٦"] {
        assert_eq!(
            password_with(&[
                (ConnectField::MfaCode, code),
                (ConnectField::MfaUserId, "c01")
            ])
            .request()
            .unwrap_err(),
            [(ConnectField::MfaCode, FieldProblem::MalformedMfaCode)],
            "{code:?}"
        );
    }
    assert_eq!(
        password_with(&[(ConnectField::MfaCode, "12345")])
            .request()
            .unwrap_err(),
        [
            (ConnectField::MfaCode, FieldProblem::MalformedMfaCode),
            (ConnectField::MfaUserId, FieldProblem::MfaUserIdNeeded)
        ],
        "both problems, in form order"
    );
    let request = password_with(&[
        (ConnectField::MfaCode, " 123456 "),
        (ConnectField::MfaUserId, " c01 "),
    ])
    .request()
    .unwrap();
    assert_eq!(
        request,
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
    assert_eq!(request.method(), SignInMethod::Password);
    assert!(matches!(
        password_with(&[(ConnectField::MfaUserId, "c01")])
            .request()
            .unwrap(),
        SignInRequest::Password { mfa: None, .. }
    ));
}

#[test]
fn a_password_is_taken_as_typed_but_names_are_trimmed() {
    let request = form(
        SignInMethod::Password,
        &[
            (ConnectField::AccountName, " acme "),
            (ConnectField::UserName, " alice\t"),
            (ConnectField::Password, " spaced "),
        ],
    )
    .request()
    .unwrap();
    assert_eq!(
        request,
        SignInRequest::Password {
            account: "acme".into(),
            user: "alice".into(),
            password: " spaced ".into(),
            mfa: None,
        }
    );
    assert!(
        password_with(&[(ConnectField::Password, "   ")])
            .request()
            .is_ok(),
        "spaces are a password"
    );
}

#[test]
fn a_pasted_token_is_trimmed() {
    let request = form(
        SignInMethod::Token,
        &[(ConnectField::Token, &format!("\n {TOKEN} \n"))],
    )
    .request()
    .unwrap();
    assert_eq!(request, SignInRequest::Token(TOKEN.into()));
    assert_eq!(request.method(), SignInMethod::Token);
}

#[test]
fn only_the_chosen_way_in_is_checked() {
    let token = form(
        SignInMethod::Token,
        &[
            (ConnectField::Token, TOKEN),
            (ConnectField::Ak, "not an ak"),
        ],
    );
    assert!(token.request().is_ok());
    assert_eq!(
        token.with_method(SignInMethod::AkSk).request().unwrap_err(),
        [
            (ConnectField::Ak, FieldProblem::MalformedAk),
            (ConnectField::Sk, FieldProblem::Required)
        ]
    );
}

#[test]
fn switching_keeps_what_was_typed_and_sign_in_empties_the_secrets() {
    let typed = form(
        SignInMethod::AkSk,
        &[
            (ConnectField::Ak, AK),
            (ConnectField::Sk, SK),
            (ConnectField::Password, PASSWORD),
            (ConnectField::Token, TOKEN),
            (ConnectField::MfaCode, "123456"),
            (ConnectField::MfaUserId, "c01"),
        ],
    );
    let switched = typed
        .with_method(SignInMethod::Token)
        .with_method(SignInMethod::AkSk);
    assert_eq!(switched, typed);
    let cleared = typed.without_secrets();
    assert_eq!(cleared.method, SignInMethod::AkSk);
    for field in [
        ConnectField::Sk,
        ConnectField::Password,
        ConnectField::Token,
        ConnectField::MfaCode,
    ] {
        assert!(field.is_secret());
        assert_eq!(cleared.get(field), "", "{field:?}");
    }
    assert_eq!(cleared.get(ConnectField::Ak), AK);
    assert_eq!(cleared.get(ConnectField::MfaUserId), "c01");
    assert_eq!(cleared.get(ConnectField::AccountName), "keyturn-demo");
}

#[test]
fn debug_output_never_shows_a_secret() {
    let values = [
        (ConnectField::Ak, AK),
        (ConnectField::Sk, SK),
        (ConnectField::UserName, "carol"),
        (ConnectField::Password, PASSWORD),
        (ConnectField::MfaCode, PASSCODE),
        (ConnectField::MfaUserId, "c01"),
        (ConnectField::Token, TOKEN),
    ];
    for method in SignInMethod::ALL {
        let form = form(method, &values);
        let request = form.request().unwrap();
        let shown = format!("{form:?} {form:#?} {request:?} {request:#?}");
        for secret in [SK, PASSWORD, PASSCODE, TOKEN] {
            assert!(!shown.contains(secret), "{method:?}: {shown}");
        }
        assert!(shown.contains("<redacted>"), "{method:?}: {shown}");
    }
    let shown = format!("{:?}", form(SignInMethod::AkSk, &values).request().unwrap());
    assert!(shown.contains(AK), "the AK is not secret: {shown}");
    let shown = format!("{:?}", form(SignInMethod::Password, &values));
    assert!(
        shown.contains("carol") && shown.contains("c01") && shown.contains("keyturn-demo"),
        "names and ids are not secret: {shown}"
    );
    let mfa = MfaCode {
        user_id: "c01".into(),
        passcode: PASSCODE.into(),
    };
    assert!(!format!("{mfa:?}").contains(PASSCODE));
}
