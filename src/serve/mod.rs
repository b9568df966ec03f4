//! `klausul serve`: a page on the officer's own machine where documents are
//! dropped, checked in memory and reported as the HTML report shows them,
//! with the downloads the command line makes.
//!
//! This module owns the HTTP server (axum on tokio) and nothing else: the
//! checking is `run::check_bytes`, the report and the downloads are the
//! renderers' and `annotate`'s, and the words are the message catalogues'.
//! It never prints; the binary says where the server listens. Its parts:
//! the guard against other sites and foreign host names (`guard`), the form
//! (`page`), reading an upload within its limits (`upload`), checking and
//! rendering (`results`), the results kept for 30 minutes (`store`), the
//! downloads (`download`), and the page shell with its CSP (`shell`).

mod download;
mod guard;
mod page;
mod results;
mod shell;
mod store;
mod upload;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use crate::config::ServeLimits;
use crate::model::lang::Lang;
use crate::model::limits::Limits;
use crate::model::vocab::Severity;
use crate::profile::Profile;

/// The port asked for when none is given.
pub const DEFAULT_PORT: u16 = 8470;

/// A profile the page offers: a built-in one by its id, or a file, used only
/// when the officer picks it.
#[derive(Debug, Clone)]
pub struct ProfileChoice {
    /// A built-in id, or the file's path as `--profile PATH` takes it.
    pub source: String,
    pub builtin: bool,
}

/// Everything the server applies besides the uploads themselves.
#[derive(Debug, Clone)]
pub struct Options {
    pub address: IpAddr,
    /// The port asked for; when it is taken another is chosen.
    pub port: u16,
    /// Whether an address other than loopback was allowed (`--allow-remote`):
    /// then, on such an address, any `Host` name is answered.
    pub allow_remote: bool,
    /// The `[limits]` that apply to each file.
    pub limits: Limits,
    /// The `[serve]` limits of one upload.
    pub uploads: ServeLimits,
    /// The profiles offered, the configured one first.
    pub profiles: Vec<ProfileChoice>,
    /// The page's language until the officer chooses one.
    pub lang: Lang,
    pub fail_on: Option<Severity>,
    pub inline_suppressions: bool,
    /// The time of a run as the reports for people show it.
    pub time: fn() -> String,
}

/// Where the server listens, once it does.
#[derive(Debug, Clone)]
pub struct Bound {
    pub address: SocketAddr,
    /// The address to open: loopback by name for a server on loopback.
    pub url: String,
    /// Whether the port asked for was taken and another was chosen.
    pub port_taken: bool,
}

/// What every request shares.
struct Shared {
    options: Options,
    /// The built-in profiles offered, loaded once at the start, so the first
    /// upload is as fast as the rest; `None` for a profile file.
    loaded: Vec<Option<Arc<Profile>>>,
    store: store::Store,
    /// Checks at once: each takes a core, and an upload's bytes.
    checks: Semaphore,
    /// The host names answered (`host:port`, lower case); empty for any.
    hosts: Vec<String>,
}

type AppState = Arc<Shared>;

/// Binds, calls `ready` with where the server listens, and serves until
/// Ctrl-C (or SIGTERM), finishing the requests under way.
///
/// # Errors
/// The address cannot be bound, or the runtime cannot start.
pub fn run(options: Options, ready: impl FnOnce(&Bound)) -> std::io::Result<()> {
    let (listener, bound) = bind(options.address, options.port)?;
    // Loopback keeps its check even with --allow-remote.
    let remote = options.allow_remote && !options.address.is_loopback();
    let hosts = guard::hosts(&bound, remote);
    let loaded = options
        .profiles
        .iter()
        .map(|p| {
            p.builtin
                .then(|| Profile::load(&p.source).ok().map(warm))
                .flatten()
        })
        .collect();
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let shared = Arc::new(Shared {
        options,
        loaded,
        store: store::Store::default(),
        checks: Semaphore::new(workers),
        hosts,
    });
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers.min(4))
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        // On the pool the uploads are checked on, so its first thread and
        // its allocator's first pages are made before the first upload.
        let warming = shared.clone();
        let _ = tokio::task::spawn_blocking(move || {
            results::warm_up(&warming.options, &warming.loaded);
        })
        .await;
        // Said once the first upload is answered as fast as the rest.
        ready(&bound);
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // Results past their 30 minutes are let go even when nothing new
        // comes in.
        let keeper = shared.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                every.tick().await;
                keeper.store.forget_old();
            }
        });
        axum::serve(listener, router(shared))
            .with_graceful_shutdown(stopped())
            .await
    })
}

/// A built-in profile with its pre-filter made, so the first document
/// checked does not pay for it.
fn warm(profile: Profile) -> Arc<Profile> {
    let _ = profile.prefilter();
    Arc::new(profile)
}

/// The port asked for, else one the system picks.
fn bind(address: IpAddr, port: u16) -> std::io::Result<(TcpListener, Bound)> {
    let (listener, port_taken) = match TcpListener::bind((address, port)) {
        Ok(l) => (l, false),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            (TcpListener::bind((address, 0))?, true)
        }
        Err(e) => return Err(e),
    };
    let address = listener.local_addr()?;
    let host = match address.ip() {
        IpAddr::V4(ip) if ip.is_loopback() => "127.0.0.1".to_owned(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{}/", address.port());
    Ok((
        listener,
        Bound {
            address,
            url,
            port_taken,
        },
    ))
}

/// Ctrl-C, or SIGTERM where there is one.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! { () = interrupt => {}, () = term => {} }
    }
    #[cfg(not(unix))]
    interrupt.await;
}

fn router(shared: AppState) -> Router {
    let routes = Router::new()
        .route("/", get(form))
        .route("/check", post(check))
        .route("/r/{id}", get(to_result))
        .route("/r/{id}/", get(result))
        .route("/r/{id}/{file}", get(download::whole))
        .route("/r/{id}/{doc}/{file}", get(download::one))
        .fallback(not_found)
        // The upload's own limits are applied as it is read (`upload`).
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            guard::check,
        ))
        .with_state(shared);
    guard::with_headers(routes)
}

/// `?lang=en` on a page.
#[derive(Debug, serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn or(&self, default: Lang) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(default)
    }
}

async fn form(State(shared): State<AppState>, Query(q): Query<LangQuery>) -> Response {
    let lang = q.or(shared.options.lang);
    shell::html(
        axum::http::StatusCode::OK,
        page::form(&shared.options, lang),
    )
}

async fn check(State(shared): State<AppState>, request: Request) -> Response {
    // Taken before the upload is read, so the uploads held in memory at
    // once are bounded too.
    let Ok(_permit) = shared.checks.acquire().await else {
        return shell::message(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            shared.options.lang,
            "serve_failed",
            "",
        );
    };
    let upload = match upload::read(request, shared.options.uploads).await {
        Ok(u) => u,
        Err(refusal) => return refusal.page(shared.options.lang, &shared.options.uploads),
    };
    let worker = shared.clone();
    let lang = upload.lang;
    let done = tokio::task::spawn_blocking(move || {
        results::check(&worker.options, &worker.loaded, upload)
    })
    .await;
    match done {
        Ok(Ok(stored)) => {
            let id = shared.store.insert(stored);
            Redirect::to(&format!("/r/{id}/")).into_response()
        }
        Ok(Err(problem)) => shell::message(
            axum::http::StatusCode::BAD_REQUEST,
            lang,
            "serve_profile_error",
            &problem,
        ),
        Err(_) => shell::message(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            "serve_failed",
            "",
        ),
    }
}

async fn result(State(shared): State<AppState>, Path(id): Path<String>) -> Response {
    match shared.store.get(&id) {
        Some(stored) => shell::html(axum::http::StatusCode::OK, stored.page.clone()),
        None => not_found(State(shared)).await,
    }
}

/// The result's address ends in `/`, so its downloads' links are relative.
async fn to_result(Path(id): Path<String>) -> Response {
    let id: String = id.chars().filter(char::is_ascii_hexdigit).collect();
    Redirect::to(&format!("/r/{id}/")).into_response()
}

async fn not_found(State(shared): State<AppState>) -> Response {
    shell::message(
        axum::http::StatusCode::NOT_FOUND,
        shared.options.lang,
        "serve_not_found",
        "",
    )
}
