//! Runs the fact modules, in order, over one document.
//!
//! Each module reads the document and what earlier modules found, and adds its own
//! facts: release metadata first (its date anchors years), then dates, organizations,
//! people (who need the organizations), counts, partnerships (which need all of
//! those) and timeline events. A module never prints and never touches input handling.

use std::ops::Range;

use chrono::NaiveDate;

use crate::facts;
use crate::input::{HtmlMeta, Text};
use crate::model::Extraction;
use crate::tokens::Token;
use crate::vocab::Vocabulary;

/// One document, as every module sees it.
pub(crate) struct Doc<'a> {
    pub text: &'a Text<'a>,
    pub tokens: &'a [Token<'a>],
    pub meta: &'a HtmlMeta,
    pub vocab: &'a Vocabulary,
}

/// What modules leave for later modules, in normalized coordinates.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The release date, for years a date leaves out.
    pub release_date: Option<NaiveDate>,
    /// Where each of `Extraction::dates` is, in the normalized text.
    pub dates: Vec<Range<usize>>,
    /// Where each of `Extraction::counts` is.
    pub counts: Vec<Range<usize>>,
    /// Organization mentions: (index into `Extraction::organizations`, range).
    pub org_mentions: Vec<(usize, Range<usize>)>,
    /// Person mentions: (index into `Extraction::people`, range).
    pub person_mentions: Vec<(usize, Range<usize>)>,
}

/// The fact modules, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stage {
    Release,
    Dates,
    Organizations,
    People,
    Counts,
    Events,
    Partnerships,
}

impl Stage {
    const ALL: [Stage; 7] = [
        Stage::Release,
        Stage::Dates,
        Stage::Organizations,
        Stage::People,
        Stage::Counts,
        Stage::Events,
        Stage::Partnerships,
    ];

    fn run(self, doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
        match self {
            Stage::Release => facts::release::extract(doc, found, out),
            Stage::Dates => facts::dates::extract(doc, found, out),
            Stage::Organizations => facts::organizations::extract(doc, found, out),
            Stage::People => facts::people::extract(doc, found, out),
            Stage::Counts => facts::counts::extract(doc, found, out),
            Stage::Events => facts::events::extract(doc, found, out),
            Stage::Partnerships => facts::partnerships::extract(doc, found, out),
        }
    }
}

/// Runs the stages from `from` to `to` (both included).
pub(crate) fn run_stages(
    doc: &Doc<'_>,
    found: &mut Found,
    out: &mut Extraction,
    from: Stage,
    to: Stage,
) {
    for stage in Stage::ALL.into_iter().filter(|s| (from..=to).contains(s)) {
        stage.run(doc, found, out);
    }
}

/// Where the text sits in its document (see `crate::parts`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    /// The whole document, or the first part of a long one.
    First,
    /// A later part: the first part's release date anchors its years.
    Later { release_date: Option<NaiveDate> },
}

pub(crate) fn run(
    text: &Text<'_>,
    tokens: &[Token<'_>],
    meta: &HtmlMeta,
    vocab: &Vocabulary,
    part: Part,
) -> Extraction {
    let doc = Doc {
        text,
        tokens,
        meta,
        vocab,
    };
    let mut found = Found::default();
    let mut out = Extraction::default();
    run_stages(&doc, &mut found, &mut out, Stage::Release, Stage::Release);
    if let Part::Later { release_date } = part {
        found.release_date = release_date;
    }
    run_stages(
        &doc,
        &mut found,
        &mut out,
        Stage::Dates,
        Stage::Partnerships,
    );
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Building a [`Doc`] in tests, with one shared tokenizer.

    use std::sync::OnceLock;

    use super::{Doc, Found, Stage, run_stages};
    use crate::input::{HtmlMeta, Text};
    use crate::model::Extraction;
    use crate::tokens::Tokenizer;
    use crate::vocab::Vocabulary;

    pub(crate) fn tokenizer() -> &'static Tokenizer {
        static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
        TOKENIZER
            .get_or_init(|| Tokenizer::new(None, None).unwrap_or_else(|e| panic!("tokenizer: {e}")))
    }

    pub(crate) fn vocab() -> &'static Vocabulary {
        static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
        VOCAB.get_or_init(Vocabulary::default)
    }

    /// Runs `f` on a document of `input`, tokenized.
    pub(crate) fn with_doc<T>(input: &str, f: impl FnOnce(&Doc<'_>) -> T) -> T {
        let text = Text::new(input);
        let tokens = tokenizer()
            .tokenize(&text)
            .unwrap_or_else(|e| panic!("tokenize: {e}"));
        let meta = HtmlMeta::default();
        let doc = Doc {
            text: &text,
            tokens: &tokens,
            meta: &meta,
            vocab: vocab(),
        };
        f(&doc)
    }

    /// The stages from `from` to `to` over `input`; `release` stands for the release date
    /// the release stage would have found.
    pub(crate) fn extract_stages(
        input: &str,
        release: Option<&str>,
        from: Stage,
        to: Stage,
    ) -> Extraction {
        with_doc(input, |doc| {
            let mut found = Found {
                release_date: release.and_then(|r| r.parse().ok()),
                ..Found::default()
            };
            let mut out = Extraction::default();
            run_stages(doc, &mut found, &mut out, from, to);
            out
        })
    }

    /// The normalized text of every `.txt` and `.html` file under `fixtures/`, for tests
    /// that hold a fast path to the slow one it stands for.
    pub(crate) fn fixture_texts() -> Vec<String> {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let texts: Vec<String> = walkdir::WalkDir::new(fixtures)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| {
                e.path()
                    .extension()
                    .is_some_and(|x| x == "txt" || x == "html")
            })
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|raw| Text::new(&raw).v().to_string())
            .collect();
        assert!(texts.len() >= 30, "fixtures not found");
        texts
    }

    /// Checks every example of a corpus and reports all failures together; `check`
    /// returns what is wrong with one example.
    pub(crate) fn assert_corpus<T>(
        what: &str,
        examples: &[T],
        check: impl Fn(&T) -> Option<String>,
    ) {
        let failures: Vec<String> = examples.iter().filter_map(check).collect();
        assert!(
            failures.is_empty(),
            "{what}: {} of {} fail:\n{}",
            failures.len(),
            examples.len(),
            failures.join("\n")
        );
    }
}
