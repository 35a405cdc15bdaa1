//! An error answer from IAM, KMS or the API gateway, read from any of their envelopes
//! (docs/api.md, "Error bodies").

use std::fmt;

use serde_json::{Map, Value};

/// Code/message field pairs, in the order the official SDK tries them.
const FIELD_PAIRS: [(&str, &str); 3] = [
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
];

/// Longest raw body kept as a message when the answer has no recognised envelope.
const RAW_MESSAGE_MAX_CHARS: usize = 500;

/// Longest text kept from an HTML page that answered instead of the service.
const HTML_SUMMARY_MAX_CHARS: usize = 200;

/// An HTTP error answer: status, service code, message and request id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// Service error code such as `APIGW.0301`, `KMS.0205` or `IAM.0006`; the HTTP status when the body has none.
    pub code: String,
    /// Human-readable message from the service.
    pub message: String,
    /// Request id from the `X-Request-Id` header, else from the body.
    pub request_id: Option<String>,
}

impl ApiError {
    /// Reads an error answer.
    ///
    /// Looks for a code and message in `error.{error_code,error_msg}`, `error.{code,message}`,
    /// then at top level (`error_code`/`error_msg`, `errorCode`/`errorMsg`, `code`/`message`),
    /// then in any nested object. Without any, the code is the HTTP status and the message the raw text.
    pub fn from_response(status: u16, body: &str, request_id: Option<&str>) -> ApiError {
        let json = serde_json::from_str::<Value>(body).ok();
        let object = json.as_ref().and_then(Value::as_object);
        let (code, message) = match object.and_then(find_envelope) {
            Some((code, message)) => (
                code.unwrap_or_else(|| status.to_string()),
                message.unwrap_or_else(|| reason_phrase(status).to_owned()),
            ),
            None => (status.to_string(), raw_message(status, body)),
        };
        let request_id = request_id
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .or_else(|| object.and_then(find_request_id));
        ApiError {
            status,
            code,
            message,
            request_id,
        }
    }

    /// True for IAM's "each user may hold two access keys" refusal (`akSkNumExceed`).
    pub fn is_access_key_quota_exceeded(&self) -> bool {
        self.message == "akSkNumExceed"
    }
}

impl fmt::Display for ApiError {
    /// `CODE: message (HTTP status, request id ID)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (HTTP {}", self.code, self.message, self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for ApiError {}

/// (code, message) of the first envelope found; at least one of the two is present.
type Envelope = (Option<String>, Option<String>);

fn find_envelope(object: &Map<String, Value>) -> Option<Envelope> {
    if let Some(inner) = object.get("error").and_then(Value::as_object)
        && let Some(found) = field_pair(inner)
    {
        return Some(found);
    }
    field_pair(object).or_else(|| {
        object
            .values()
            .filter_map(Value::as_object)
            .find_map(find_envelope)
    })
}

fn field_pair(object: &Map<String, Value>) -> Option<Envelope> {
    FIELD_PAIRS.iter().find_map(|(code, message)| {
        let code = scalar(object.get(*code));
        let message = scalar(object.get(*message));
        (code.is_some() || message.is_some()).then_some((code, message))
    })
}

/// A non-empty string or a number, as text.
fn scalar(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn find_request_id(object: &Map<String, Value>) -> Option<String> {
    scalar(object.get("request_id")).or_else(|| {
        object
            .get("error")
            .and_then(Value::as_object)
            .and_then(|inner| scalar(inner.get("request_id")))
    })
}

fn raw_message(status: u16, body: &str) -> String {
    let body = body.trim();
    if body.is_empty() {
        return reason_phrase(status).to_owned();
    }
    if let Some(summary) = html_page_summary(body) {
        return summary;
    }
    cut(body, RAW_MESSAGE_MAX_CHARS)
}

/// `text` cut to `max` characters, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// When `body` is an HTML page (a proxy's, a gateway's or a web server's error page, a login
/// portal) rather than an API answer: says so, with the page's title, or else its text without
/// markup, cut to 200 characters. `None` for anything else.
///
/// The page's markup never reaches the message, so nothing of it can be mistaken for the
/// service's words, and the message stays short whatever the page's size.
pub fn html_page_summary(body: &str) -> Option<String> {
    let body = body.trim_start();
    let head: String = body
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let is_html = head.starts_with('<')
        && [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<title",
            "<h1",
            "<center",
        ]
        .iter()
        .any(|tag| head.contains(tag));
    if !is_html {
        return None;
    }
    let text = page_title(body)
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| collapse(&strip_markup(body)));
    let shown = if text.is_empty() {
        String::new()
    } else {
        format!(": {}", cut(&text, HTML_SUMMARY_MAX_CHARS))
    };
    Some(format!("an HTML page instead of an API answer{shown}"))
}

/// The text of the page's first `<title>`, markup removed and spaces collapsed.
fn page_title(body: &str) -> Option<String> {
    let lower = body.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    Some(collapse(&strip_markup(&body[start..end])))
}

/// `html` without its tags, comments, scripts and styles, with the common entities decoded.
fn strip_markup(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut text = String::with_capacity(html.len().min(4096));
    let mut at = 0;
    while at < html.len() {
        let rest = &lower[at..];
        if rest.starts_with('<') {
            let skip_to = if rest.starts_with("<!--") {
                rest.find("-->").map(|end| end + 3)
            } else if rest.starts_with("<script") || rest.starts_with("<style") {
                let close = if rest.starts_with("<script") {
                    "</script"
                } else {
                    "</style"
                };
                rest.find(close)
                    .and_then(|end| rest[end..].find('>').map(|gt| end + gt + 1))
            } else {
                rest.find('>').map(|end| end + 1)
            };
            text.push(' ');
            at += skip_to.unwrap_or(rest.len());
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        text.push_str(&decode_entities(&html[at..at + next]));
        at += next;
    }
    text
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `text` with every run of white space made one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "HTTP error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(status: u16, body: &str, request_id: Option<&str>) -> ApiError {
        ApiError::from_response(status, body, request_id)
    }

    fn expect(status: u16, code: &str, message: &str, request_id: Option<&str>) -> ApiError {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.to_owned(),
            request_id: request_id.map(str::to_owned),
        }
    }

    #[test]
    fn gateway_envelope_from_the_recording() {
        let body = r#"{"error_msg":"Incorrect IAM authentication information: Unauthorized","error_code":"APIGW.0301","request_id":"59a2e407ee471a94573b2510cc6db323"}"#;
        let expected = expect(
            401,
            "APIGW.0301",
            "Incorrect IAM authentication information: Unauthorized",
            Some("59a2e407ee471a94573b2510cc6db323"),
        );
        assert_eq!(
            read(401, body, Some("59a2e407ee471a94573b2510cc6db323")),
            expected
        );
        assert_eq!(read(401, body, None), expected, "request id from the body");
    }

    #[test]
    fn header_request_id_wins_over_the_body() {
        let body = r#"{"error_msg":"verify aksk signature fail","error_code":"APIGW.0301","request_id":"body-id"}"#;
        assert_eq!(
            read(401, body, Some("header-id")).request_id.as_deref(),
            Some("header-id")
        );
        assert_eq!(
            read(401, body, Some("  ")).request_id.as_deref(),
            Some("body-id")
        );
    }

    #[test]
    fn keystone_envelope() {
        let body = r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#;
        assert_eq!(
            read(401, body, Some("r1")),
            expect(
                401,
                "401",
                "The request you have made requires authentication.",
                Some("r1")
            )
        );
    }

    #[test]
    fn access_key_quota_with_null_fields() {
        let body = r#"{"error":{"message":"akSkNumExceed","code":400,"title":"Bad Request","error_msg":null,"error_code":null}}"#;
        let err = read(400, body, None);
        assert_eq!(err, expect(400, "400", "akSkNumExceed", None));
        assert!(err.is_access_key_quota_exceeded());
    }

    #[test]
    fn access_key_quota_as_the_create_page_shows_it() {
        let body = "{\n    \"error\": {\n        \"message\": \"akSkNumExceed\",\n        \"code\": 400,\n        \"title\": \"Bad Request\"\n    }\n}";
        let err = read(400, body, Some("q"));
        assert_eq!(err, expect(400, "400", "akSkNumExceed", Some("q")));
        assert!(err.is_access_key_quota_exceeded());
        assert!(
            !read(400, r#"{"error_code":"IAM.0006","error_msg":"x"}"#, None)
                .is_access_key_quota_exceeded()
        );
    }

    #[test]
    fn iam_flat_envelope() {
        let body = r#"{"error_msg":"The request you have made requires authentication.","error_code":"IAM.0006"}"#;
        assert_eq!(
            read(401, body, None),
            expect(
                401,
                "IAM.0006",
                "The request you have made requires authentication.",
                None
            )
        );
    }

    #[test]
    fn iam_v5_flat_envelope_with_authorization_message() {
        let body = r#"{"error_code":"IAM.0002","error_msg":"Permission denied.","request_id":"5e0ef0f8b4c1","encoded_authorization_message":"eyJhbGciOi..."}"#;
        assert_eq!(
            read(403, body, None),
            expect(403, "IAM.0002", "Permission denied.", Some("5e0ef0f8b4c1"))
        );
    }

    #[test]
    fn kms_envelope() {
        let body = r#"{"error":{"error_code":"KMS.0205","error_msg":"Invalid key_id."}}"#;
        assert_eq!(
            read(400, body, Some("k")),
            expect(400, "KMS.0205", "Invalid key_id.", Some("k"))
        );
    }

    #[test]
    fn error_code_is_preferred_to_code_inside_error() {
        let body = r#"{"error":{"code":400,"message":"Bad","error_code":"IAM.1001","error_msg":"precise"}}"#;
        assert_eq!(
            read(400, body, None),
            expect(400, "IAM.1001", "precise", None)
        );
    }

    #[test]
    fn camel_case_and_deeply_nested_envelopes() {
        assert_eq!(
            read(500, r#"{"errorCode":"X.1","errorMsg":"camel"}"#, None),
            expect(500, "X.1", "camel", None)
        );
        assert_eq!(
            read(
                500,
                r#"{"result":{"detail":{"error_code":"X.2","error_msg":"deep"}}}"#,
                None
            ),
            expect(500, "X.2", "deep", None)
        );
    }

    #[test]
    fn missing_half_of_a_pair_is_filled_in() {
        assert_eq!(
            read(403, r#"{"error":{"error_code":"KMS.0307"}}"#, None),
            expect(403, "KMS.0307", "Forbidden", None)
        );
        assert_eq!(
            read(404, r#"{"error":{"message":"Could not find user."}}"#, None),
            expect(404, "404", "Could not find user.", None)
        );
    }

    #[test]
    fn non_json_bodies_are_kept_as_text() {
        assert_eq!(
            read(502, "upstream connect error", None),
            expect(502, "502", "upstream connect error", None)
        );
        assert_eq!(
            read(429, " Too many requests \n", None),
            expect(429, "429", "Too many requests", None)
        );
    }

    #[test]
    fn html_pages_are_named_as_such_with_their_title_or_text_and_no_markup() {
        let nginx = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
            <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        assert_eq!(
            read(502, nginx, None),
            expect(
                502,
                "502",
                "an HTML page instead of an API answer: 502 Bad Gateway",
                None
            )
        );
        let untitled = "<!DOCTYPE html><html><head><style>p{color:red}</style>\
            <script>alert(1)</script></head><body><!-- x --><p>Access&nbsp;denied &amp; logged\
            </p><img src=x onerror=alert(1)></body></html>";
        assert_eq!(
            read(403, untitled, None).message,
            "an HTML page instead of an API answer: Access denied & logged"
        );
        let bare = "<html><body><script>x()</script></body></html>";
        assert_eq!(
            read(500, bare, None).message,
            "an HTML page instead of an API answer"
        );
        let huge = format!("<html><body>{}</body></html>", "word ".repeat(100_000));
        let message = read(500, &huge, None).message;
        assert!(message.chars().count() < 260, "{message}");
        assert!(message.ends_with('…'), "{message}");
        assert_eq!(html_page_summary("<b>not a page</b>"), None);
        assert_eq!(html_page_summary("{\"a\":1}"), None);
        assert_eq!(
            html_page_summary("<html><title>unclosed"),
            Some("an HTML page instead of an API answer: unclosed".to_owned())
        );
    }

    #[test]
    fn json_without_an_envelope_is_kept_as_text() {
        for body in [
            r#"{"status":"down"}"#,
            r#"["a"]"#,
            r#""text""#,
            r#"{"error":"x"}"#,
        ] {
            assert_eq!(read(503, body, None), expect(503, "503", body, None));
        }
    }

    #[test]
    fn empty_bodies_get_the_reason_phrase() {
        assert_eq!(
            read(504, "", None),
            expect(504, "504", "Gateway Timeout", None)
        );
        assert_eq!(
            read(418, "  ", None),
            expect(418, "418", "HTTP error", None)
        );
    }

    #[test]
    fn long_raw_bodies_are_cut() {
        let body = "é".repeat(2000);
        let err = read(500, &body, None);
        assert_eq!(err.message.chars().count(), RAW_MESSAGE_MAX_CHARS + 1);
        assert!(err.message.ends_with('…'));
    }

    #[test]
    fn display_shows_code_message_and_request_id() {
        let err = expect(400, "KMS.0205", "Invalid key_id.", Some("abc123"));
        assert_eq!(
            err.to_string(),
            "KMS.0205: Invalid key_id. (HTTP 400, request id abc123)"
        );
        let err = expect(502, "502", "Bad Gateway", None);
        assert_eq!(err.to_string(), "502: Bad Gateway (HTTP 502)");
    }
}
