//! No other site may use the server. The `Host` header must name this
//! machine's loopback address with the server's port, so a page whose name
//! a DNS rebinding points here is refused. Every POST must carry an `Origin`
//! that is this server, so another tab cannot submit the form; a missing or
//! `null` origin is refused too. Every answer says `nosniff` and
//! `Referrer-Policy: same-origin` (not `no-referrer`: browsers then send
//! `Origin: null` on the page's own form).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{shell, Bound, Shared};

/// The `Host` values answered, lower case: loopback by every name, with the
/// port. Empty (any host) when the server was allowed onto the network.
pub fn hosts(bound: &Bound, allow_remote: bool) -> Vec<String> {
    if allow_remote {
        return Vec::new();
    }
    let port = bound.address.port();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .map(|h| format!("{h}:{port}"))
        .collect()
}

/// Whether the request may be answered: its host, and for a POST its origin.
/// `None` when it may.
fn refusal(request: &Request, hosts: &[String]) -> Option<&'static str> {
    let header = |name| {
        request
            .headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let host = header(header::HOST)?.to_ascii_lowercase();
    if !hosts.is_empty() && !hosts.contains(&host) {
        return Some("serve_refused_host");
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let origin = header(header::ORIGIN).map(str::to_ascii_lowercase);
        if origin.as_deref() != Some(&format!("http://{host}")) {
            return Some("serve_refused_origin");
        }
    }
    None
}

/// Refuses, with 403 and a page that says why, what `refusal` refuses; a
/// request with no `Host` at all is refused as a foreign host.
pub async fn check(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let no_host = request.headers().get(header::HOST).is_none();
    let why = if no_host {
        Some("serve_refused_host")
    } else {
        refusal(&request, &shared.hosts)
    };
    match why {
        Some(key) => shell::message(StatusCode::FORBIDDEN, shared.options.lang, key, ""),
        None => next.run(request).await,
    }
}

/// The headers of every answer laid over `router`. An answer that sets its
/// own policy (an HTML page, with its hashes) keeps it; any other gets one
/// that allows nothing.
pub fn with_headers(router: axum::Router) -> axum::Router {
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, host: Option<&str>, origin: Option<&str>) -> Request {
        let mut b = Request::builder().method(method).uri("/check");
        if let Some(h) = host {
            b = b.header(header::HOST, h);
        }
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        b.body(axum::body::Body::empty()).unwrap()
    }

    fn loopback() -> Vec<String> {
        vec![
            "127.0.0.1:8470".to_owned(),
            "localhost:8470".to_owned(),
            "[::1]:8470".to_owned(),
        ]
    }

    #[test]
    fn only_loopback_names_with_the_port_are_answered() {
        let hosts = loopback();
        let get = |h| refusal(&request(Method::GET, Some(h), None), &hosts);
        assert_eq!(get("127.0.0.1:8470"), None);
        assert_eq!(get("LocalHost:8470"), None);
        assert_eq!(get("evil.example:8470"), Some("serve_refused_host"));
        assert_eq!(get("127.0.0.1:8471"), Some("serve_refused_host"));
        assert_eq!(get("127.0.0.1"), Some("serve_refused_host"));
    }

    #[test]
    fn a_post_needs_this_servers_origin() {
        let hosts = loopback();
        let post = |o| refusal(&request(Method::POST, Some("localhost:8470"), o), &hosts);
        assert_eq!(post(Some("http://localhost:8470")), None);
        assert_eq!(post(Some("null")), Some("serve_refused_origin"));
        assert_eq!(post(None), Some("serve_refused_origin"));
        assert_eq!(
            post(Some("http://127.0.0.1:8470")),
            Some("serve_refused_origin")
        );
        assert_eq!(
            post(Some("https://evil.example")),
            Some("serve_refused_origin")
        );
    }
}
