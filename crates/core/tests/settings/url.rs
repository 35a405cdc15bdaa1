//! `check_url`: what `new URL(…)` plus the old checks decided in the browser, decided natively.

use keyturn_core::settings::{FieldError, check_url};

fn check(cases: &[&str], expected: Result<(), FieldError>) {
    for url in cases {
        assert_eq!(check_url(url), expected, "{url:?}");
    }
}

#[test]
fn absolute_http_urls_are_accepted() {
    check(
        &[
            "http://127.0.0.1:8787",
            "http://127.0.0.1:8787/",
            "https://proxy.example.com/cors",
            "https://proxy.example.com/cors/",
            "http://localhost",
            "http://localhost:8787/a/b/c",
            "http://[::1]:8787",
            "http://[::1]",
            "https://[2001:db8::1]:443/x",
            "https://iam.cn-north-4.myhuaweicloud.com",
            "https://my_host.example.com",
            "https://例子.测试",
            "http://example.com:",
        ],
        Ok(()),
    );
}

#[test]
fn the_scheme_is_case_insensitive_as_the_browser_lower_cases_it() {
    check(
        &[
            "HTTP://EXAMPLE.COM",
            "Https://example.com",
            "hTtP://[::1]:8787",
        ],
        Ok(()),
    );
}

#[test]
fn surrounding_spaces_are_ignored_as_the_url_parser_strips_them() {
    check(
        &[" http://127.0.0.1:9999 ", "\thttps://example.com\n"],
        Ok(()),
    );
}

#[test]
fn special_schemes_tolerate_missing_or_backward_slashes_like_the_browser() {
    // `new URL("http:example.com")` is `http://example.com/`; `\` counts as `/`.
    check(
        &[
            "http:example.com",
            "http:/example.com",
            "http:\\\\example.com",
            "http:///example.com",
        ],
        Ok(()),
    );
}

#[test]
fn empty_is_required() {
    check(&["", " ", "\t\n"], Err(FieldError::Required));
}

#[test]
fn relative_or_hostless_urls_are_not_absolute() {
    check(
        &[
            "not a url",
            "example.com",
            "/relative/path",
            "./proxy",
            "//example.com",
            "127.0.0.1:8787",
            "1http://example.com",
            ":8787",
            "http://",
            "https:///",
            "http://:8787",
            "http://exa mple.com",
            "http:// example.com",
            "http://exa%20mple.com",
            "http://a<b.com",
        ],
        Err(FieldError::UrlNotAbsolute),
    );
}

#[test]
fn other_schemes_are_refused() {
    check(
        &[
            "ftp://example.com",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/plain,hi",
            "mailto:a@example.com",
            "ws://example.com",
            "httpx://example.com",
        ],
        Err(FieldError::UrlScheme),
    );
}

#[test]
fn user_names_and_passwords_are_refused() {
    check(
        &[
            "http://user:pw@example.com",
            "http://user@example.com",
            "http://user:@example.com",
            "http://:pw@example.com",
            "https://a@b@example.com",
            "http://example.com:8787@evil.example.com",
        ],
        Err(FieldError::UrlHasCredentials),
    );
}

#[test]
fn an_empty_user_info_is_no_credential() {
    // The browser's `username` and `password` are both empty for these.
    check(&["http://@example.com", "http://:@example.com"], Ok(()));
}

#[test]
fn queries_and_fragments_are_refused_even_empty_ones() {
    check(
        &[
            "http://example.com?x=1",
            "http://example.com/?x=1",
            "http://example.com/path?",
            "http://example.com#frag",
            "http://example.com/#",
            "http://[::1]:8787/?a",
        ],
        Err(FieldError::UrlHasQueryOrFragment),
    );
}

#[test]
fn credentials_are_reported_before_a_query() {
    assert_eq!(
        check_url("http://user:pw@example.com/?x=1"),
        Err(FieldError::UrlHasCredentials)
    );
}

#[test]
fn ports_and_brackets_the_browser_refuses_are_refused() {
    // `new URL(…)` throws for each of these.
    check(
        &[
            "http://example.com:99999",
            "http://example.com:65536",
            "http://example.com:abc",
            "http://example.com:-1",
            "http://example.com:80:80",
            "http://[::1",
            "http://[::1]x",
            "http://[::1]:port",
            "http://[zz]",
            "http://[]",
        ],
        Err(FieldError::UrlNotAbsolute),
    );
    check(
        &["http://example.com:0", "http://example.com:65535"],
        Ok(()),
    );
}

#[test]
fn the_refusal_never_repeats_the_value() {
    let secret = "http://admin:hunter2-password@example.com";
    let error = check_url(secret).unwrap_err();
    assert!(!format!("{error:?}").contains("hunter2"), "{error:?}");
}

#[test]
fn the_proxy_must_be_https_unless_it_is_on_this_computer() {
    use keyturn_core::settings::check_proxy_url;
    for url in [
        "https://proxy.example.com",
        "HTTPS://proxy.example.com/cors/",
        "https://203.0.113.7:8443",
        "http://127.0.0.1:8787",
        "http://127.0.0.1",
        "http://localhost:8787/",
        "HTTP://LOCALHOST",
        "https://[::1]:8787",
        " http://127.0.0.1:8787 ",
    ] {
        assert_eq!(check_proxy_url(url), Ok(()), "{url:?}");
    }
    for url in [
        "http://proxy.example.com",
        "http://proxy.example.com:443/cors",
        "http://192.168.1.10:8787",
        "http://10.0.0.1",
        "http://[2001:db8::1]:8787",
        // Loopback, but a Content-Security-Policy cannot name an IPv6 address.
        "http://[::1]:8787",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com",
        "http://user@evil.example.com",
        "http:evil.example.com",
        "http:\\\\evil.example.com",
    ] {
        let expected = if url.contains('@') {
            Err(FieldError::UrlHasCredentials)
        } else {
            Err(FieldError::ProxyNotHttps)
        };
        assert_eq!(check_proxy_url(url), expected, "{url:?}");
    }
    assert_eq!(
        check_proxy_url("http://localhost@evil.example.com"),
        Err(FieldError::UrlHasCredentials)
    );
    assert_eq!(
        check_proxy_url("http://:@evil.example.com"),
        Err(FieldError::ProxyNotHttps),
        "an empty user name does not make it loopback"
    );
    assert_eq!(
        check_proxy_url("ftp://127.0.0.1"),
        Err(FieldError::UrlScheme)
    );
    assert_eq!(check_proxy_url(""), Err(FieldError::Required));
}

#[test]
fn only_the_proxy_needs_https_endpoints_are_the_proxys_allowlist() {
    // Endpoint overrides are forwarded by the proxy only to the upstreams it allows
    // (`--allow-upstream`), e.g. the local emulator; they stay plain URLs here.
    assert_eq!(check_url("http://emulator.internal:8780"), Ok(()));
}

#[test]
fn the_same_proxy_is_recognised_however_it_is_written() {
    use keyturn_core::settings::same_proxy;
    assert!(same_proxy(
        "https://proxy.example.com",
        "https://proxy.example.com/"
    ));
    assert!(same_proxy(
        "HTTPS://Proxy.Example.com/cors",
        " https://proxy.example.com/cors/ "
    ));
    assert!(!same_proxy(
        "https://proxy.example.com",
        "https://evil.example.com"
    ));
    assert!(!same_proxy(
        "https://proxy.example.com/a",
        "https://proxy.example.com/b"
    ));
    assert!(!same_proxy(
        "http://127.0.0.1:8787",
        "http://127.0.0.1:8788"
    ));
}
