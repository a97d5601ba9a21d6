//! A long-running fuzz test over `Extractor::extract`, `extract_html` and the bytes
//! path (`Document::from_bytes`), with the checks of `tests/integration/properties.rs`: no panic,
//! and every span slices the input to its text.
//!
//! cargo-fuzz needs a nightly toolchain and libFuzzer; this is the same idea on stable,
//! driven by proptest (so a failure is shrunk to a small input). It is `#[ignore]`d;
//! run it for a fixed time with
//!
//! ```sh
//! JA_PRESS_FUZZ_SECONDS=600 cargo test --release --test integration fuzz:: -- --ignored --nocapture
//! ```
//!
//! `JA_PRESS_FUZZ_SECONDS` (default 60) bounds the time, `JA_PRESS_FUZZ_CASES` (default
//! unbounded) the number of inputs per target. It prints how many inputs it tried and
//! how many facts it checked.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ja_press::{Document, Extraction};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use crate::common::{self, extractor};

fn budget() -> (Duration, u32) {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("JA_PRESS_FUZZ_SECONDS").unwrap_or(60);
    let cases = env("JA_PRESS_FUZZ_CASES").map_or(u32::MAX, |c| c.min(u64::from(u32::MAX)) as u32);
    (Duration::from_secs(seconds), cases)
}

fn facts(ex: &Extraction) -> usize {
    ex.organizations
        .iter()
        .map(|o| o.mentions.len())
        .sum::<usize>()
        + ex.people.iter().map(|p| p.mentions.len()).sum::<usize>()
        + ex.dates.len()
        + ex.durations.len()
        + ex.date_ranges.len()
        + ex.counts.len()
        + ex.amounts.len()
        + ex.quotes.len()
        + ex.partnerships.len()
        + ex.events.len()
        + ex.release.urls.len()
}

/// Runs `check` (panics caught) on inputs from `strategy` until the time or case
/// budget is spent; a failing input is shrunk, and the test fails with the smallest.
fn fuzz<S: Strategy>(
    name: &str,
    share: u32,
    strategy: S,
    check: impl Fn(&S::Value) -> Result<usize, String>,
) where
    S::Value: std::fmt::Debug,
{
    let (time, cases) = budget();
    let time = time * share / 4;
    let started = Instant::now();
    let (mut tried, mut checked) = (0u64, 0usize);
    let run =
        |value: &S::Value| match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check(value)
        })) {
            Ok(result) => result,
            Err(panic) => Err(format!(
                "panicked: {}",
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
    let mut runner = TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    });
    while started.elapsed() < time && tried < u64::from(cases) {
        let mut tree = strategy
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{name}: generating an input: {e}"));
        tried += 1;
        let failure = match run(&tree.current()) {
            Ok(n) => {
                checked += n;
                continue;
            }
            Err(failure) => failure,
        };
        // Shrink: simplify while it still fails, step back when it passes.
        let mut smallest = (tree.current(), failure);
        let mut failing = true;
        for _ in 0..4096 {
            let stepped = if failing {
                tree.simplify()
            } else {
                tree.complicate()
            };
            if !stepped {
                break;
            }
            match run(&tree.current()) {
                Err(failure) => {
                    smallest = (tree.current(), failure);
                    failing = true;
                }
                Ok(_) => failing = false,
            }
        }
        panic!(
            "{name}: failed after {tried} inputs: {}\nminimal failing input: {:?}",
            smallest.1, smallest.0
        );
    }
    println!(
        "{name}: {tried} inputs, {checked} facts checked, no failure, {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

fn lines() -> Arc<Vec<String>> {
    Arc::new(common::fixture_lines())
}

#[test]
#[ignore = "long-running; see the top of tests/integration/fuzz.rs"]
fn fuzz_extract() {
    fuzz("extract", 2, common::text_strategy(lines(), 40), |input| {
        let ex = extractor().extract(input).map_err(|e| e.to_string())?;
        common::check_spans(input, &ex)?;
        Ok(facts(&ex))
    });
}

#[test]
#[ignore = "long-running; see the top of tests/integration/fuzz.rs"]
fn fuzz_extract_html() {
    fuzz("extract_html", 1, common::html_strategy(lines()), |page| {
        let ex = extractor().extract_html(page).map_err(|e| e.to_string())?;
        let text = ex.document_text.as_deref().ok_or("no document_text")?;
        common::check_spans(text, &ex)?;
        Ok(facts(&ex))
    });
}

/// Raw bytes, as the CLI reads a file: decoding (UTF-8, UTF-16, Shift_JIS, EUC-JP, or
/// an error), HTML detection, extraction.
#[test]
#[ignore = "long-running; see the top of tests/integration/fuzz.rs"]
fn fuzz_bytes() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        common::text_strategy(lines(), 20).prop_map(|s| {
            let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&s);
            sjis.into_owned()
        }),
        common::html_strategy(lines()).prop_map(String::into_bytes),
    ];
    fuzz("bytes", 1, bytes, |bytes| {
        let Ok(doc) = Document::from_bytes("fuzz.txt", bytes) else {
            return Ok(0);
        };
        let ex = extractor()
            .extract_document(&doc)
            .map_err(|e| e.to_string())?;
        common::check_spans(ex.document_text.as_deref().unwrap_or(doc.text()), &ex)?;
        Ok(facts(&ex))
    });
}
