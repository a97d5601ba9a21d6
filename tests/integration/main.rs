//! The integration tests, one module per subject, in one test binary: each binary links
//! the library with its embedded dictionary, so one binary instead of ten saves most of
//! the test build's link time.
//!
//! Run one subject with a filter: `cargo test --test integration cli::`.

#[allow(dead_code)]
mod common;

mod bad_input;
mod cli;
mod diff_cli;
mod eval_cli;
mod fixture_scores;
mod fuzz;
mod properties;
mod score_py_agreement;
mod snapshots;
mod user_dictionary;
