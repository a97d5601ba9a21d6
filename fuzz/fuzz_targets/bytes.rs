//! Any bytes as a file: decoded (UTF-8, UTF-16, Shift_JIS, EUC-JP) or refused with an
//! error, HTML detected, extracted; no panic, every span slices the text.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = ja_press::Document::from_bytes("fuzz.txt", bytes) else {
        return;
    };
    let ex = common::extractor()
        .extract_document(&doc)
        .expect("extraction does not fail");
    common::check_spans(ex.document_text.as_deref().unwrap_or(doc.text()), &ex);
});
