//! # ja-press
//!
//! Reads Japanese press releases (plain text or HTML) and returns typed, normalized
//! facts: organizations with legal forms and aliases, people with roles and employers,
//! dates with precision and inferred years, counts and ordinals, the release's own
//! metadata, and the partnerships and dated events it announces. Every fact points
//! back to the exact span of the input it came from.
//!
//! ```
//! use ja_press::Extractor;
//!
//! let extractor = Extractor::new()?; // IPADIC is embedded: no files needed
//! let text = "2018年8月31日\n\
//!             一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン(以下「LINK-J」)は、\
//!             川崎市と8月30日、覚書を締結しました。今般の提携は9例目となります。";
//! let ex = extractor.extract(text)?;
//!
//! assert_eq!(ex.release_date.unwrap().to_string(), "2018-08-31");
//! let link_j = &ex.organizations[0];
//! assert_eq!(link_j.name, "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン");
//! assert_eq!(link_j.aliases, ["LINK-J"]);
//! let signed = ex.dates.iter().find(|d| d.text == "8月30日").unwrap();
//! assert_eq!(signed.value.to_string(), "2018-08-30"); // year from the release date
//! assert_eq!(ex.partnerships[0].ordinal, Some(9));
//! for d in &ex.dates {
//!     assert_eq!(&text[d.span.range()], d.text); // spans slice the input
//! }
//! # Ok::<(), ja_press::Error>(())
//! ```
//!
//! The layout: [`input`](crate::Document) turns bytes into text and a normalized view
//! with an offset map; `tokens` runs IPADIC; `pipeline` runs the fact modules under
//! `facts/` (one per kind of fact, each with its rules beside its example corpus) over
//! one document; [`model`] holds the output types; [`eval`] scores output against answer
//! keys.

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

mod error;
pub mod eval;
mod facts;
mod input;
pub mod model;
mod parts;
mod pipeline;
mod tokens;
mod vocab;
mod words;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};
pub use input::{Document, read_document};
pub use model::*;
pub use vocab::Vocabulary;

/// The extractor: built once (it holds the tokenizer and the vocabularies), then used
/// for any number of documents, from any number of threads.
///
/// ```
/// let extractor = ja_press::Extractor::new()?;
/// let ex = extractor.extract("アストラゼネカ株式会社(本社:大阪市北区、代表取締役社長:ステファン・ヴォックスストラム)")?;
/// assert_eq!(ex.people[0].name, "ステファン・ヴォックスストラム");
/// assert_eq!(ex.people[0].organization.as_deref(), Some("アストラゼネカ株式会社"));
/// # Ok::<(), ja_press::Error>(())
/// ```
pub struct Extractor {
    tokenizer: tokens::Tokenizer,
    vocab: Vocabulary,
    part_bytes: usize,
}

impl Extractor {
    /// An extractor with the embedded IPADIC and the built-in vocabularies.
    ///
    /// ```
    /// let extractor = ja_press::Extractor::new()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn new() -> Result<Self> {
        Self::builder().build()
    }

    /// A builder for a user dictionary, extra vocabulary, or a dictionary folder.
    ///
    /// ```
    /// let extractor = ja_press::Extractor::builder().build()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the facts of a plain-text release. Spans index `text`.
    ///
    /// ```
    /// let ex = ja_press::Extractor::new()?.extract("約3,500名が来場")?;
    /// assert_eq!(ex.counts[0].value, 3500);
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn extract(&self, text: &str) -> Result<Extraction> {
        self.run(InputKind::Text, text, None)
    }

    /// Extracts the facts of an HTML page. Spans index the page's main text, which is
    /// returned in [`Extraction::document_text`].
    ///
    /// ```
    /// let html = r#"<html><head><meta property="article:published_time" content="2024-04-01T10:00:00+09:00"></head>
    ///   <body><nav>ホーム</nav><main><h1>新工場を開設</h1><p>株式会社アカネは新工場を開設しました。</p></main></body></html>"#;
    /// let ex = ja_press::Extractor::new()?.extract_html(html)?;
    /// assert_eq!(ex.release_date.unwrap().to_string(), "2024-04-01");
    /// let text = ex.document_text.as_deref().unwrap();
    /// let org = &ex.organizations[0].mentions[0];
    /// assert_eq!(&text[org.span.range()], "株式会社アカネ");
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn extract_html(&self, html: &str) -> Result<Extraction> {
        self.run(InputKind::Html, html, None)
    }

    /// Extracts the facts of a [`Document`] (from [`read_document`] or
    /// [`Document::from_bytes`]); the result's `source` is the document's.
    ///
    /// ```
    /// let doc = ja_press::Document::from_text("2018年8月31日").with_source("a.txt");
    /// let ex = ja_press::Extractor::new()?.extract_document(&doc)?;
    /// assert_eq!(ex.source.as_deref(), Some("a.txt"));
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn extract_document(&self, doc: &Document) -> Result<Extraction> {
        self.run(doc.kind(), doc.text(), doc.source())
    }

    /// Tokenizes `text` and nothing else: the baseline the benchmarks compare with.
    /// Returns the number of tokens.
    ///
    /// ```
    /// let n = ja_press::Extractor::new()?.tokenize_only("関西国際空港限定トートバッグ")?;
    /// assert_eq!(n, 3);
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn tokenize_only(&self, text: &str) -> Result<usize> {
        self.tokenizer.count_tokens(text)
    }

    fn run(&self, kind: InputKind, content: &str, source: Option<&str>) -> Result<Extraction> {
        let prepared = input::prepare(kind, content);
        let full: &str = &prepared.text;
        // A long document is read in parts (see `parts`), so time and memory stay linear.
        let mut out = Extraction::default();
        let mut chars = 0;
        for (i, range) in parts::split(full, self.part_bytes).into_iter().enumerate() {
            let part = &full[range.clone()];
            let text = input::Text::new(part);
            let tokens = self.tokenizer.tokenize(&text)?;
            if i == 0 {
                out = pipeline::run(
                    &text,
                    &tokens,
                    &prepared.meta,
                    &self.vocab,
                    pipeline::Part::First,
                );
            } else {
                let later = pipeline::Part::Later {
                    release_date: out.release_date,
                };
                let found = pipeline::run(
                    &text,
                    &tokens,
                    &input::HtmlMeta::default(),
                    &self.vocab,
                    later,
                );
                parts::append(&mut out, found, range.start, chars);
            }
            chars += part.chars().count();
        }
        out.source = source.map(str::to_string);
        out.input = kind;
        if kind == InputKind::Html {
            out.document_text = Some(prepared.text.into_owned());
        }
        Ok(out)
    }
}

/// Options for an [`Extractor`].
///
/// ```
/// let extractor = ja_press::Extractor::builder()
///     .vocabulary_toml("roles = [\"最高技術責任者\"]")?
///     .build()?;
/// let ex = extractor.extract("最高技術責任者の山田 太郎は次のように述べた。")?;
/// assert_eq!(ex.people[0].role.as_deref(), Some("最高技術責任者"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug)]
pub struct ExtractorBuilder {
    dictionary: Option<PathBuf>,
    user_dictionary: Option<PathBuf>,
    vocab: Vocabulary,
    part_bytes: usize,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            dictionary: None,
            user_dictionary: None,
            vocab: Vocabulary::default(),
            part_bytes: parts::DEFAULT_PART_BYTES,
        }
    }
}

impl ExtractorBuilder {
    /// Loads a lindera user dictionary: a CSV of `surface,part_of_speech,reading`.
    /// Entries tagged 組織 (or 名詞,固有名詞,組織) become organizations, 人名 people.
    ///
    /// ```no_run
    /// let extractor = ja_press::Extractor::builder().user_dictionary("names.csv").build()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn user_dictionary(mut self, path: impl AsRef<Path>) -> Self {
        self.user_dictionary = Some(path.as_ref().to_path_buf());
        self
    }

    /// Uses a built IPADIC folder instead of the embedded one (needed when the crate is
    /// built without the `embed-ipadic` feature).
    ///
    /// ```no_run
    /// let extractor = ja_press::Extractor::builder().dictionary("/opt/ipadic").build()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn dictionary(mut self, path: impl AsRef<Path>) -> Self {
        self.dictionary = Some(path.as_ref().to_path_buf());
        self
    }

    /// Extends the vocabularies (roles, legal forms, institutional heads…) from a TOML file.
    ///
    /// ```no_run
    /// let extractor = ja_press::Extractor::builder().vocabulary_file("vocab.toml")?.build()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn vocabulary_file(mut self, path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.vocab.extend_from_toml(&text, path)?;
        Ok(self)
    }

    /// Extends the vocabularies from TOML text (the format of `--vocab`).
    ///
    /// ```
    /// let b = ja_press::Extractor::builder().vocabulary_toml("roles = [\"最高技術責任者\"]")?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn vocabulary_toml(mut self, toml: &str) -> Result<Self> {
        self.vocab
            .extend_from_toml(toml, Path::new("<vocabulary>"))?;
        Ok(self)
    }

    /// The size above which a document is extracted in parts (default 256 KiB of text).
    ///
    /// Some rules compare every mention with every other, so their cost grows faster
    /// than the text; a press release is far below this size. A longer document (a
    /// concatenation, a dump) is cut at paragraph breaks into parts of at most this many
    /// bytes, each part is extracted on its own, and the results are joined: spans index
    /// the whole text, organizations and people of one name are one record, and the
    /// title, publisher and release date are the first part's. Time and memory are then
    /// linear in the length. Facts that straddle a cut, and aliases defined in one part
    /// and used in another, can be missed.
    ///
    /// ```
    /// let extractor = ja_press::Extractor::builder().max_part_bytes(64).build()?;
    /// let text = "2024年4月1日\n\n株式会社アカネは新工場を開設しました。\n\n株式会社アカネは5月10日に式典を開きます。\n";
    /// let ex = extractor.extract(text)?;
    /// assert_eq!(ex.organizations.len(), 1); // one record across the parts
    /// for d in &ex.dates {
    ///     assert_eq!(&text[d.span.range()], d.text);
    /// }
    /// let may = ex.dates.iter().find(|d| d.text == "5月10日").unwrap();
    /// assert_eq!(may.value.to_string(), "2024-05-10"); // the year from the first part
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn max_part_bytes(mut self, bytes: usize) -> Self {
        self.part_bytes = bytes.max(1);
        self
    }

    /// Builds the extractor.
    ///
    /// ```
    /// let extractor = ja_press::Extractor::builder().build()?;
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn build(self) -> Result<Extractor> {
        let tokenizer =
            tokens::Tokenizer::new(self.dictionary.as_deref(), self.user_dictionary.as_deref())?;
        Ok(Extractor {
            tokenizer,
            vocab: self.vocab,
            part_bytes: self.part_bytes,
        })
    }
}
