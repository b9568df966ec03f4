//! klausul checks procurement documents against the anti-discrimination clause
//! that Stockholm's city council adopted for procurements of services and works.
//!
//! The pipeline runs one way: bytes → [`source`] → [`document::Document`] →
//! [`analysis::Analysis`] (once per document) → [`check`] with a
//! [`profile::Profile`] → [`report::Report`] → [`render`]. Library code never
//! prints; the binary does.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod annotate;
pub mod baseline;
pub mod check;
pub mod config;
pub mod document;
pub mod fuzzing;
pub mod grammar;
pub mod input;
pub mod model;
pub mod profile;
pub mod render;
pub mod report;
pub mod run;
#[cfg(feature = "serve")]
pub mod serve;
pub mod sheet;
pub mod source;
pub mod suppress;
pub mod toml_file;
