//! Properties of any input: extraction never panics, and every span of every output
//! slices the input (or an HTML page's `document_text`) to the mention's text, with a
//! char range that is the same place as the byte range.
//!
//! Inputs mix fixture lines (whole and cut anywhere), odd characters (BOM, zero-width,
//! full- and half-width forms, CR LF, circled digits, combining marks) and random
//! kana, kanji, digits and ASCII. The case counts are kept small so this runs in
//! seconds; `tests/integration/fuzz.rs` runs the same checks for as long as you like.

use std::sync::{Arc, OnceLock};

use crate::common::{self, extractor};
use ja_press::Extractor;
use proptest::prelude::*;

/// Long documents are read in parts; tiny parts put every rule next to a cut.
fn parted(bytes: usize) -> Extractor {
    Extractor::builder()
        .max_part_bytes(bytes)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn lines() -> Arc<Vec<String>> {
    static L: OnceLock<Arc<Vec<String>>> = OnceLock::new();
    L.get_or_init(|| Arc::new(common::fixture_lines())).clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn text_spans_slice_the_input(input in common::text_strategy(lines(), 24)) {
        let ex = extractor().extract(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
        common::check_spans(&input, &ex).map_err(TestCaseError::fail)?;
        prop_assert!(ex.document_text.is_none());
    }

    #[test]
    fn html_spans_slice_the_document_text(page in common::html_strategy(lines())) {
        let ex = extractor().extract_html(&page).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = ex.document_text.as_deref().ok_or_else(|| TestCaseError::fail("no document_text"))?;
        common::check_spans(text, &ex).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_hold_across_parts(input in common::text_strategy(lines(), 24), part in 1usize..400) {
        let ex = parted(part).extract(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
        common::check_spans(&input, &ex).map_err(TestCaseError::fail)?;
    }
}

/// A document of self-contained paragraphs gives the same facts, at the same places,
/// whether it is read whole or in parts cut between the paragraphs.
#[test]
fn parts_are_joined_with_shifted_spans() {
    let para = "株式会社アカネ(本社:東京都港区)は2024年4月1日、新工場を開設しました。従業員は約120名です。\n\n";
    let input = format!("新工場を開設\n2024年3月1日\n\n{}", para.repeat(40));
    let parted = parted(300)
        .extract(&input)
        .unwrap_or_else(|e| panic!("{e}"));
    let whole = extractor()
        .extract(&input)
        .unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(&input, &parted).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        parted
            .dates
            .iter()
            .filter(|d| d.text == "2024年4月1日")
            .count(),
        40
    );
    let dates = |ex: &ja_press::Extraction| {
        ex.dates
            .iter()
            .map(|d| (d.text.clone(), d.span, d.value.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(dates(&parted), dates(&whole));
    let counts = |ex: &ja_press::Extraction| {
        ex.counts
            .iter()
            .map(|c| (c.text.clone(), c.span, c.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&parted), counts(&whole));
    let orgs = |ex: &ja_press::Extraction| {
        ex.organizations
            .iter()
            .map(|o| {
                (
                    o.name.clone(),
                    o.mentions
                        .iter()
                        .map(|m| (m.text.clone(), m.span))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        orgs(&parted),
        orgs(&whole),
        "one record per organization across the parts"
    );
    assert_eq!(parted.title, whole.title);
    assert_eq!(parted.release_date, whole.release_date);
}

/// Inputs the fuzzers found panicking, kept as they were found (shrunk).
#[test]
fn regressions_found_by_fuzzing() {
    // NFKC folds U+1FFD (3 bytes) into a space and U+0301 (1 + 2 bytes): same length,
    // two chars; the offset map missed it and a span started inside the char.
    let page = "<!DOCTYPE html><html><head></head><body><time datetime=\"2024-04-01\">\u{1FFD} \u{FFFC}A</time></body></html>";
    let ex = extractor()
        .extract_html(page)
        .unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(ex.document_text.as_deref().unwrap_or(""), &ex)
        .unwrap_or_else(|e| panic!("{e}"));
    // An alias after 「以下「」 with a space before it: its range was one byte early.
    let text = "市長:青木 正義)と株式会社ミライメディカ(本社:宮城県仙台市青葉区、代表取締役CEO:藤原 彩香、以下「 市長:青木 正義)と株式会社ミライメディカ(本社:宮城県仙台市青葉区、代表取締役CEO:藤原 彩香、以下「";
    let ex = extractor().extract(text).unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(text, &ex).unwrap_or_else(|e| panic!("{e}"));
    let text = "株式会社アカネ(以下「 アカネ」)は、アカネの新工場を開設しました。";
    let ex = extractor().extract(text).unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(text, &ex).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.organizations[0].aliases, ["アカネ"]);
    // A bar-drawn table row whose cell holds only a space (the slice was reversed).
    for text in ["| |", "| |\n| |", "|氏名| |\n|山田 太郎| |"] {
        let ex = extractor().extract(text).unwrap_or_else(|e| panic!("{e}"));
        common::check_spans(text, &ex).unwrap_or_else(|e| panic!("{e}"));
    }
    let page = "<!DOCTYPE html><html><head></head><body><table><tr><td>|</td><td>|</td></tr></table></body></html>";
    let ex = extractor()
        .extract_html(page)
        .unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(ex.document_text.as_deref().unwrap_or(""), &ex)
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The fixtures themselves, whole and in small parts.
#[test]
fn fixture_spans_slice_the_fixtures() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let small = parted(2048);
    for sub in ["seeds", "corpus"] {
        for entry in std::fs::read_dir(root.join(sub)).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if !path.extension().is_some_and(|x| x == "txt" || x == "html") {
                continue;
            }
            let doc = ja_press::read_document(&path).unwrap_or_else(|e| panic!("{e}"));
            for extractor in [extractor(), &small] {
                let ex = extractor
                    .extract_document(&doc)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let text = ex.document_text.as_deref().unwrap_or(doc.text());
                common::check_spans(text, &ex)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
    }
}
