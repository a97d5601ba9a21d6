//! `Extractor::extract_html` on any UTF-8 text: no panic, every span slices the page's
//! `document_text`.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|page: &str| {
    let ex = common::extractor()
        .extract_html(page)
        .expect("HTML extraction does not fail");
    common::check_spans(
        ex.document_text
            .as_deref()
            .expect("HTML output has its text"),
        &ex,
    );
});
