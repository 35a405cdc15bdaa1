//! Listed keys read into rows: typed fields, state names, and which keys can rotate.

use keyturn_core::inventory::Slug;
use keyturn_core::kms::{KeyOrigin, KmsKeyRow, KmsKeyState, NotRotatable, Rotation};
use keyturn_core::types::kms::KeyState;
use keyturn_core::validate::ValidationError;

use crate::fixture::{DEMO, Spec, days_ago, details, id, now, row, rows};

#[test]
fn a_listed_key_becomes_typed_fields() {
    let orders = row(1);
    assert_eq!(orders.id, id(1));
    assert_eq!(orders.alias, "app/orders");
    assert_eq!(orders.description, "demo key 1");
    assert_eq!(
        (orders.spec.as_str(), orders.usage.as_str()),
        ("AES_256", "ENCRYPT_DECRYPT")
    );
    assert_eq!(orders.state, KmsKeyState::Enabled);
    assert_eq!(orders.origin, KeyOrigin::Kms);
    assert!(!orders.default_key);
    assert_eq!(orders.created, days_ago(10));
    assert_eq!(orders.scheduled_deletion, None);
    assert!(orders.listed_rotation_enabled);
    assert_eq!(orders.rotation, Rotation::Unknown);

    assert!(row(7).default_key);
    assert_eq!(row(8).origin, KeyOrigin::External);
    assert_eq!(
        row(11).scheduled_deletion,
        Some(now() + chrono::Duration::days(7))
    );
    assert_eq!(row(13).usage, "SIGN_VERIFY");
}

#[test]
fn a_key_id_of_the_wrong_shape_is_refused() {
    let mut bad = details(1, &DEMO[0]);
    bad.key_id = "../../etc/passwd".into();
    assert_eq!(KmsKeyRow::try_from(&bad), Err(ValidationError::KmsKeyId));
}

#[test]
fn every_reason_a_key_cannot_rotate() {
    let reasons: Vec<(String, Result<(), NotRotatable>)> = rows()
        .iter()
        .map(|r| (r.alias.clone(), r.rotatable()))
        .collect();
    let expected = [
        ("app/orders", Ok(())),
        ("app/payments", Ok(())),
        ("app/sessions", Ok(())),
        ("app/archive", Ok(())),
        ("app/legacy", Ok(())),
        ("App/Reports", Ok(())),
        ("evs/default", Err(NotRotatable::DefaultKey)),
        ("byok/imported", Err(NotRotatable::External)),
        ("byok/awaiting-material", Err(NotRotatable::PendingImport)),
        ("app/retired", Err(NotRotatable::Disabled)),
        ("app/doomed", Err(NotRotatable::PendingDeletion)),
        ("app/staging", Err(NotRotatable::PendingActivation)),
        ("sign/rsa", Err(NotRotatable::Asymmetric)),
        ("sign/ec", Err(NotRotatable::Asymmetric)),
        ("gm/sm4", Ok(())),
    ];
    assert_eq!(
        reasons,
        expected.map(|(alias, reason)| (alias.to_owned(), reason))
    );
    let mut seen: Vec<NotRotatable> = reasons.iter().filter_map(|(_, r)| r.err()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        NotRotatable::ALL,
        "every reason is reachable from the demo"
    );
}

#[test]
fn other_asymmetric_specs_and_unknown_states() {
    let with = |spec: Spec| KmsKeyRow::try_from(&details(99, &spec)).unwrap();
    let aes = || Spec {
        alias: "x",
        spec: "AES_256",
        state: "2",
        origin: "kms",
        default_key: false,
        rotation: false,
    };
    for spec in ["RSA_3072", "RSA_4096", "EC_P384", "SM2"] {
        assert_eq!(
            with(Spec { spec, ..aes() }).rotatable(),
            Err(NotRotatable::Asymmetric),
            "{spec}"
        );
    }
    // A state this version does not know is left for KMS to judge; the kind still counts.
    let unknown = with(Spec {
        state: "9",
        ..aes()
    });
    assert_eq!(unknown.state, KmsKeyState::Unknown);
    assert_eq!(unknown.rotatable(), Ok(()));
    let unknown_default = with(Spec {
        state: "9",
        default_key: true,
        ..aes()
    });
    assert_eq!(unknown_default.rotatable(), Err(NotRotatable::DefaultKey));
    // The state comes first, as KMS checks it first.
    let disabled_default = with(Spec {
        state: "3",
        default_key: true,
        ..aes()
    });
    assert_eq!(disabled_default.rotatable(), Err(NotRotatable::Disabled));
}

#[test]
fn keys_that_cannot_rotate_need_no_status() {
    for r in rows() {
        let expected = if r.rotatable().is_ok() {
            Rotation::Unknown
        } else {
            Rotation::NotApplicable
        };
        assert_eq!(r.rotation, expected, "{}", r.alias);
    }
    // Listed on but disabled: no rotation switch to show.
    assert_eq!(row(10).rotation_enabled(), None);
    assert_eq!(row(1).rotation_enabled(), Some(true));
    assert_eq!(row(5).rotation_enabled(), Some(false));
}

#[test]
fn states_have_names_never_codes() {
    for (code, state, slug) in [
        ("1", KmsKeyState::PendingActivation, "pending_activation"),
        ("2", KmsKeyState::Enabled, "enabled"),
        ("3", KmsKeyState::Disabled, "disabled"),
        ("4", KmsKeyState::PendingDeletion, "pending_deletion"),
        ("5", KmsKeyState::PendingImport, "pending_import"),
        ("7", KmsKeyState::Unknown, "unknown"),
    ] {
        assert_eq!(KmsKeyState::from(&KeyState::from(code.to_owned())), state);
        assert_eq!(state.slug(), slug);
        assert_eq!(KmsKeyState::from_slug(slug), Some(state));
    }
    for reason in NotRotatable::ALL {
        assert_eq!(NotRotatable::from_slug(reason.slug()), Some(*reason));
    }
    assert_eq!(NotRotatable::DefaultKey.slug(), "default_key");
    assert_eq!(KeyOrigin::External.slug(), "external");
    assert_eq!(KeyOrigin::Kms.slug(), "kms");
}
