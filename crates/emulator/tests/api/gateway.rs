//! What the gateway adds to every answer, and its answer for unknown APIs.

use reqwest::Method;
use serde_json::json;

use crate::harness::{parts, start};

#[tokio::test]
async fn every_answer_carries_request_id_date_and_gateway_headers() {
    let emu = start().await;
    let token = emu.admin_token().await;
    let answers = [
        (
            emu.with_token(Method::GET, "/v3.0/OS-CREDENTIAL/credentials", &token, None)
                .await,
            true,
        ),
        (
            emu.with_token(Method::GET, "/v3/users/none", &token, None)
                .await,
            true,
        ),
        (emu.admin_kms("list-keys", json!({})).await, false),
        (emu.admin_kms("describe-key", json!({})).await, false),
        (
            emu.http
                .get(emu.url("/v3/auth/domains"))
                .send()
                .await
                .unwrap(),
            true,
        ),
        (emu.control("state").await, false),
    ];
    for (response, iam) in answers {
        let headers = response.headers();
        let request_id = headers["x-request-id"].to_str().unwrap();
        assert_eq!(request_id.len(), 32);
        assert!(headers.contains_key("date"));
        assert_eq!(headers["server"], "api-gateway");
        assert_eq!(
            headers.contains_key("x-iam-trace-id"),
            iam,
            "{}",
            response.url()
        );
    }
}

#[tokio::test]
async fn unknown_paths_and_methods_are_apigw_0101() {
    let emu = start().await;
    for response in [
        emu.http.get(emu.url("/v9/nothing")).send().await.unwrap(),
        emu.http
            .patch(emu.url("/v3.0/OS-CREDENTIAL/credentials"))
            .send()
            .await
            .unwrap(),
        emu.http
            .request(Method::OPTIONS, emu.url("/v3/auth/tokens"))
            .send()
            .await
            .unwrap(),
    ] {
        let (status, request_id, body) = parts(response).await;
        assert_eq!(status, 404);
        assert_eq!(body["error_code"], "APIGW.0101");
        assert_eq!(body["request_id"], request_id.as_str());
    }
}
