//! The form: a plain `multipart/form-data` form with a file input, which
//! works without JavaScript. Everything it submits (the choices) is inside
//! it. The drop zone is a small script on top, allowed by its hash; its
//! words come from the page, in `data-` attributes, so the script is the
//! same in every language.

use std::fmt::Write as _;

use super::shell::{page, word};
use super::Options;
use crate::model::lang::{fill, Lang};
use crate::profile::BUILTIN;
use crate::render::escape::xml;

/// The file types offered by the picker; a folder walk reads the same.
const ACCEPT: &str = ".docx,.odt,.pdf,.txt,.md,.markdown,.xlsx,.xlsm,.xls,.xlsb,.ods,.csv";

/// Dropped files become the file input's own, and the count is said in a
/// live region. Without the script the input works as it is.
pub const DROP_SCRIPT: &str = "
(function () {
  var zone = document.getElementById('drop');
  var input = document.getElementById('files');
  var said = document.getElementById('chosen');
  if (!zone || !input || !said || typeof DataTransfer === 'undefined') { return; }
  function say() {
    said.textContent = input.files.length ? zone.dataset.chosen.replace('{count}', input.files.length) : '';
  }
  zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      say();
    }
  });
  input.addEventListener('change', say);
})();
";

/// The form page in `lang`.
pub fn form(options: &Options, lang: Lang) -> String {
    // The switch offers the next language with a catalogue.
    let all: Vec<Lang> = crate::model::lang::codes()
        .filter_map(Lang::parse)
        .collect();
    let at = all.iter().position(|l| *l == lang).unwrap_or(0);
    let other = all
        .get((at + 1) % all.len().max(1))
        .copied()
        .unwrap_or(lang);
    let title = word(lang, "serve_title");
    let header = format!(
        "<nav aria-label=\"{}\"><a href=\"/?lang={code}\" lang=\"{code}\" hreflang=\"{code}\">{}</a></nav>\n<h1>{title}</h1>\n<p>{}</p>\n",
        word(lang, "serve_lang"),
        word(other, "serve_other_lang"),
        word(lang, "serve_intro"),
        code = other.code(),
    );
    let mut main = String::new();
    let limits = options.uploads;
    let mb = |b: u64| (b / (1024 * 1024)).to_string();
    let _ = write!(
        main,
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n<div id=\"drop\" class=\"drop\" data-chosen=\"{}\">\n<label for=\"files\">{}</label>\n<input type=\"file\" id=\"files\" name=\"files\" multiple required accept=\"{ACCEPT}\" aria-describedby=\"drop-hint\">\n<p id=\"drop-hint\" class=\"hint\">{} {}</p>\n<p id=\"chosen\" role=\"status\"></p>\n</div>\n",
        xml(word(lang, "serve_chosen")),
        word(lang, "serve_files"),
        word(lang, "serve_drop"),
        fill(
            word(lang, "serve_limits"),
            &[
                ("files", &limits.files.to_string()),
                ("file_mb", &mb(limits.file_bytes)),
                ("request_mb", &mb(limits.request_bytes)),
            ]
        ),
    );
    profiles(options, lang, &mut main);
    contract_types(lang, &mut main);
    languages(lang, &mut main);
    let _ = write!(
        main,
        "<button type=\"submit\">{}</button>\n</form>\n<p class=\"hint\">{}</p>\n",
        word(lang, "serve_submit"),
        word(lang, "serve_local")
    );
    page(lang, title, &header, &main, DROP_SCRIPT)
}

fn select(out: &mut String, id: &str, label: &str, options: &[(String, String, bool)]) {
    let _ = write!(
        out,
        "<label for=\"{id}\">{label}</label>\n<select id=\"{id}\" name=\"{id}\">\n"
    );
    for (value, text, selected) in options {
        let selected = if *selected { " selected" } else { "" };
        let _ = writeln!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            xml(value),
            xml(text)
        );
    }
    out.push_str("</select>\n");
}

/// The profiles offered, by index: the path of a profile file never comes
/// back from the browser.
fn profiles(options: &Options, lang: Lang, out: &mut String) {
    let choices: Vec<(String, String, bool)> = options
        .profiles
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = if p.builtin && BUILTIN.iter().any(|(id, _)| *id == p.source) {
                fill(word(lang, "serve_profile_builtin"), &[("name", &p.source)])
            } else {
                fill(word(lang, "serve_profile_file"), &[("path", &p.source)])
            };
            (i.to_string(), text, i == 0)
        })
        .collect();
    select(out, "profile", word(lang, "serve_profile"), &choices);
}

fn contract_types(lang: Lang, out: &mut String) {
    let choices = [
        ("", "serve_contract_text"),
        ("services", "serve_contract_services"),
        ("works", "serve_contract_works"),
        ("goods", "serve_contract_goods"),
    ]
    .map(|(v, key)| (v.to_owned(), word(lang, key).to_owned(), v.is_empty()));
    select(out, "contract", word(lang, "serve_contract"), &choices);
}

/// Every language with a catalogue, each by its own name.
fn languages(lang: Lang, out: &mut String) {
    let choices: Vec<(String, String, bool)> = crate::model::lang::codes()
        .filter_map(Lang::parse)
        .map(|l| {
            let name = word(l, "serve_language_name").to_owned();
            (l.code().to_owned(), name, l == lang)
        })
        .collect();
    select(out, "lang", word(lang, "serve_lang"), &choices);
}
