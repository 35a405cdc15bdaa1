//! The real thing: requests signed as the app signs them travel through the proxy to
//! keyturn-emulator, which verifies the signature with the `Host` it receives and answers.

use keyturn_emulator::{Options, Running, spawn};

use crate::support::{APP_ORIGIN, Call, Key, Proxy, allowing};

const CREDENTIALS: &str = "/v3.0/OS-CREDENTIAL/credentials";

/// A freshly seeded emulator and a proxy that may reach it.
async fn emulator_behind_proxy() -> (Running, Proxy) {
    let emulator = spawn("127.0.0.1:0".parse().unwrap(), Options::default())
        .await
        .unwrap();
    let proxy = Proxy::start(allowing(&emulator.startup.endpoint)).await;
    (emulator, proxy)
}

/// The administrator's access key, as the emulator announced it.
fn admin_key(emulator: &Running) -> Key<'_> {
    let startup = &emulator.startup;
    Key {
        ak: &startup.admin.ak,
        sk: &startup.admin.sk,
        domain_id: &startup.domain_id,
    }
}

#[tokio::test]
async fn the_emulator_accepts_signed_reads_and_writes_through_the_proxy() {
    let (emulator, proxy) = emulator_behind_proxy().await;
    let endpoint = &emulator.startup.endpoint;
    let key = admin_key(&emulator);
    let admin = emulator.startup.admin.user_id.as_str();
    let by_admin = [("user_id", admin)];
    let list = Call::get(CREDENTIALS, &by_admin);

    let listed = proxy.send_signed(endpoint, &key, &list).await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    assert_eq!(listed.json()["credentials"].as_array().unwrap().len(), 1);
    assert_eq!(listed.allowed_origin(), Some(APP_ORIGIN));

    let body = format!(r#"{{"credential":{{"user_id":"{admin}","description":"via proxy"}}}}"#);
    let create = Call::post(CREDENTIALS, body.as_bytes());
    let created = proxy.send_signed(endpoint, &key, &create).await;
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.json()["credential"]["description"], "via proxy");

    let listed = proxy.send_signed(endpoint, &key, &list).await;
    assert_eq!(listed.json()["credentials"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_body_changed_after_signing_is_refused_by_the_emulator() {
    let (emulator, proxy) = emulator_behind_proxy().await;
    let endpoint = &emulator.startup.endpoint;
    let signed_body = br#"{"credential":{"user_id":"x","description":"a"}}"#;
    let create = Call::post(CREDENTIALS, signed_body);
    let authority = endpoint.strip_prefix("http://").unwrap();

    let reply = proxy
        .sign(endpoint, authority, &admin_key(&emulator), &create)
        .send(br#"{"credential":{"user_id":"x","description":"b"}}"#)
        .await;

    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["error_code"], "APIGW.0301");
}
