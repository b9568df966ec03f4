//! `klausul serve`: the configuration and the profiles to offer, then the
//! server (`klausul::serve`), which runs until Ctrl-C. Here: which address,
//! the warning when it is not this machine's own, and opening the browser.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use klausul::config::{Config, Origin};
use klausul::model::lang::Lang;
use klausul::profile::BUILTIN;
use klausul::serve::{Bound, ProfileChoice, DEFAULT_PORT};

use super::args::CheckArgs;
use super::diagnostic::{say, warn};
use super::load_config;
use super::outputs::run_time;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The port; when it is taken, a free one is chosen and named.
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// Open the page in the browser.
    #[arg(long)]
    pub open: bool,
    /// Also offer the profile files (*.toml) in this folder (repeatable);
    /// one is used only when it is picked on the page.
    #[arg(long, value_name = "DIR")]
    pub profile_dir: Vec<PathBuf>,
    /// The address to listen on; only this machine's own (loopback) unless
    /// --allow-remote is given.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Allow --bind to name an address other computers can reach.
    #[arg(long)]
    pub allow_remote: bool,
    /// The page's language until the officer chooses one.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Apply no klausul-ignore written inside an uploaded document.
    #[arg(long)]
    pub no_inline_suppressions: bool,
}

pub fn run(args: &ServeArgs, named: Option<&Path>) -> ExitCode {
    let check = CheckArgs {
        lang: args.lang,
        no_inline_suppressions: args.no_inline_suppressions,
        ..CheckArgs::default()
    };
    let Some(config) = load_config(named, &check) else {
        return ExitCode::from(2);
    };
    let lang = config.lang.value;
    let address = args.bind;
    if !address.is_loopback() && !args.allow_remote {
        let shown = address.to_string();
        warn(&format!(
            "error: {}",
            say(lang, "serve_remote_refused", &[("address", &shown)])
        ));
        return ExitCode::from(2);
    }
    let options = klausul::serve::Options {
        address,
        port: args.port,
        allow_remote: args.allow_remote,
        limits: config.limits.value,
        uploads: config.serve.value,
        profiles: profiles(&config, &args.profile_dir),
        lang,
        fail_on: config.fail_on.value,
        inline_suppressions: config.inline_suppressions.value,
        time: run_time,
    };
    let served = klausul::serve::run(options, |bound| announce(args, lang, bound));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("error: klausul serve: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Says where the server listens (on standard output, the one line a
/// script waits for), warns when other computers can reach it or the port
/// asked for was taken, and opens the browser when asked to.
fn announce(args: &ServeArgs, lang: Lang, bound: &Bound) {
    if !args.bind.is_loopback() {
        let shown = bound.address.to_string();
        warn(&say(lang, "serve_remote_warning", &[("address", &shown)]));
    }
    if bound.port_taken {
        let (port, used) = (args.port.to_string(), bound.address.port().to_string());
        warn(&format!(
            "note: {}",
            say(
                lang,
                "serve_port_taken",
                &[("port", &port), ("used", &used)]
            )
        ));
    }
    println!("{}", say(lang, "serve_listening", &[("url", &bound.url)]));
    if args.open {
        if let Err(e) = open_browser(&bound.url) {
            let e = e.to_string();
            warn(&format!(
                "warning: {}",
                say(lang, "serve_open_failed", &[("error", &e)])
            ));
        }
    }
}

/// The profiles offered: the configured one first, the other built-in ones,
/// then the profile files in `rules/` beside `klausul.toml` and in each
/// `--profile-dir`.
fn profiles(config: &Config, dirs: &[PathBuf]) -> Vec<ProfileChoice> {
    let configured = &config.profile.value;
    let builtin = BUILTIN.iter().any(|(id, _)| id == configured);
    // A path in the configuration file is relative to that file.
    let first = match &config.profile.origin {
        Origin::File(..) if !builtin => config.root.join(configured).display().to_string(),
        _ => configured.clone(),
    };
    let mut out = vec![ProfileChoice {
        source: first,
        builtin,
    }];
    for (id, _) in BUILTIN {
        out.push(ProfileChoice {
            source: (*id).to_owned(),
            builtin: true,
        });
    }
    let beside = config
        .file
        .as_ref()
        .and_then(|f| f.parent())
        .map(|d| d.join("rules"));
    for dir in beside.iter().chain(dirs) {
        for file in profile_files(dir) {
            out.push(ProfileChoice {
                source: file.display().to_string(),
                builtin: false,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.source.clone()));
    out
}

/// The `.toml` files in `dir` that look like profiles (they name an `id`
/// or what they `extend`), sorted; a folder that cannot be read has none.
fn profile_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| {
            std::fs::read_to_string(p)
                .ok()
                .and_then(|t| t.parse::<toml::Table>().ok())
                .is_some_and(|t| t.contains_key("id") || t.contains_key("extends"))
        })
        .collect();
    files.sort();
    files
}

/// Opens `url` in the desktop's browser.
fn open_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
