//! Prints the IPADIC tokens of a file (NFKC-folded first, as the extractor does), one
//! per line with its part of speech: a tool for writing rules.
//!
//! `cargo run --example tokens -- FILE [FILTER]` (FILTER: a POS prefix such as 名詞,固有名詞).

use std::borrow::Cow;

use lindera::dictionary::load_dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use unicode_normalization::UnicodeNormalization;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: tokens FILE [POS-PREFIX]")?;
    let filter = args.next();
    let text: String = std::fs::read_to_string(&path)?.nfkc().collect();
    let segmenter = Segmenter::new(Mode::Normal, load_dictionary("embedded://ipadic")?, None);
    for line in text.lines() {
        for mut token in segmenter.segment(Cow::Borrowed(line))? {
            let details = token.details().join(",");
            if filter
                .as_ref()
                .is_none_or(|f| details.starts_with(f.as_str()))
            {
                println!("{}\t{}", token.surface, details);
            }
        }
    }
    Ok(())
}
