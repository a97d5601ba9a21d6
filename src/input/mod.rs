//! Input handling: bytes to text, HTML to text, and the normalized view with its offset map.
//!
//! Nothing here extracts facts. The pipeline turns a [`Document`] into a [`Text`]
//! (normalized, segmented into lines and sentences) and the fact modules read that.

mod boilerplate;
mod decode;
mod html;
mod normalize;
mod segment;

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::InputKind;

pub(crate) use html::HtmlMeta;
pub(crate) use segment::{Line, Text};

/// A document ready for extraction: decoded text (or HTML), and where it came from.
///
/// ```
/// let doc = ja_press::Document::from_bytes("release.txt", "2018年8月31日".as_bytes())?;
/// assert_eq!(doc.text(), "2018年8月31日");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    source: Option<String>,
    kind: InputKind,
    content: String,
}

impl Document {
    /// A plain-text document.
    ///
    /// ```
    /// let doc = ja_press::Document::from_text("本文");
    /// assert_eq!(doc.kind(), ja_press::InputKind::Text);
    /// ```
    pub fn from_text(text: impl Into<String>) -> Self {
        Document {
            source: None,
            kind: InputKind::Text,
            content: text.into(),
        }
    }

    /// An HTML document.
    ///
    /// ```
    /// let doc = ja_press::Document::from_html("<p>本文</p>");
    /// assert_eq!(doc.kind(), ja_press::InputKind::Html);
    /// ```
    pub fn from_html(html: impl Into<String>) -> Self {
        Document {
            source: None,
            kind: InputKind::Html,
            content: html.into(),
        }
    }

    /// Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS, EUC-JP) and
    /// detects HTML by the name's extension or by the content. `name` is used in errors
    /// and as the document's source.
    ///
    /// ```
    /// let err = ja_press::Document::from_bytes("bad.txt", b"\x00\x01\x02binary").unwrap_err();
    /// assert!(err.to_string().starts_with("bad.txt: "));
    /// # let ok = ja_press::Document::from_bytes("a.html", b"<p>x</p>")?;
    /// # assert_eq!(ok.kind(), ja_press::InputKind::Html);
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn from_bytes(name: impl AsRef<Path>, bytes: &[u8]) -> Result<Self> {
        Self::from_decoded(name.as_ref(), decode::decode(bytes))
    }

    /// [`Document::from_bytes`] taking the bytes, so UTF-8 needs no copy (a big file is
    /// then held once, not twice).
    fn from_owned_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self> {
        Self::from_decoded(path, decode::decode_owned(bytes))
    }

    fn from_decoded(
        path: &Path,
        decoded: std::result::Result<String, decode::Problem>,
    ) -> Result<Self> {
        let content = decoded.map_err(|reason| match reason {
            decode::Problem::Binary(reason) => Error::Input {
                path: path.to_path_buf(),
                reason,
            },
            decode::Problem::Encoding(reason) => Error::Encoding {
                path: path.to_path_buf(),
                reason,
            },
        })?;
        let by_extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"));
        let is_html = by_extension.unwrap_or(false) || html::looks_like_html(&content);
        Ok(Document {
            source: Some(path.display().to_string()),
            kind: if is_html {
                InputKind::Html
            } else {
                InputKind::Text
            },
            content,
        })
    }

    /// The same document with `source` set (the CLI's file name, a JSON Lines id…).
    ///
    /// ```
    /// let doc = ja_press::Document::from_text("本文").with_source("a.txt");
    /// assert_eq!(doc.source(), Some("a.txt"));
    /// ```
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The same document read as `kind`: plain text shown as HTML or the other way round.
    ///
    /// ```
    /// let doc = ja_press::Document::from_text("<p>x</p>").with_kind(ja_press::InputKind::Html);
    /// assert_eq!(doc.kind(), ja_press::InputKind::Html);
    /// ```
    pub fn with_kind(mut self, kind: InputKind) -> Self {
        self.kind = kind;
        self
    }

    /// The source name, if any.
    ///
    /// ```
    /// assert_eq!(ja_press::Document::from_text("x").source(), None);
    /// ```
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Plain text or HTML.
    ///
    /// ```
    /// assert_eq!(ja_press::Document::from_text("x").kind(), ja_press::InputKind::Text);
    /// ```
    pub fn kind(&self) -> InputKind {
        self.kind
    }

    /// The decoded content: the text, or the HTML source.
    ///
    /// ```
    /// assert_eq!(ja_press::Document::from_text("x").text(), "x");
    /// ```
    pub fn text(&self) -> &str {
        &self.content
    }
}

/// Reads and decodes a file (see [`Document::from_bytes`]); the error names the file.
///
/// ```no_run
/// let doc = ja_press::read_document(std::path::Path::new("fixtures/000_47c558a8d59b07d5.txt"))?;
/// let ex = ja_press::Extractor::new()?.extract_document(&doc)?;
/// # Ok::<(), ja_press::Error>(())
/// ```
pub fn read_document(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Document::from_owned_bytes(path, bytes)
}

/// The text the extractors read, and, for HTML, what the page's markup said.
pub(crate) struct Prepared<'a> {
    /// The document text spans index: the input itself, or the page's extracted text.
    pub text: std::borrow::Cow<'a, str>,
    pub meta: HtmlMeta,
}

pub(crate) fn prepare(kind: InputKind, content: &str) -> Prepared<'_> {
    match kind {
        InputKind::Text => Prepared {
            text: std::borrow::Cow::Borrowed(content),
            meta: HtmlMeta::default(),
        },
        InputKind::Html => {
            let page = html::read(content);
            Prepared {
                text: std::borrow::Cow::Owned(page.text),
                meta: page.meta,
            }
        }
    }
}
