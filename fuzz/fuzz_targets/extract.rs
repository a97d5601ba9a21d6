//! `Extractor::extract` on any UTF-8 text: no panic, every span slices the input.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let ex = common::extractor()
        .extract(text)
        .expect("text extraction does not fail");
    common::check_spans(text, &ex);
});
