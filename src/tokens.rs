//! The one place that talks to lindera: IPADIC tokens with their part of speech and
//! their byte range in the normalized text.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use lindera::dictionary::{Metadata, load_dictionary, load_user_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera_dictionary::viterbi::Lattice;

use crate::error::{Error, Result};
use crate::input::Text;

/// Lines longer than this are cut (at a space or punctuation where possible) before
/// tokenizing, so one huge line cannot make one huge lattice.
const MAX_CHUNK: usize = 4096;

/// One IPADIC token.
#[derive(Debug, Clone)]
pub(crate) struct Token<'d> {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// 品詞, 品詞細分類1, 2, 3: 名詞,固有名詞,組織,*.
    pub pos: [&'d str; 4],
    /// 活用形 (conjugated form): 基本形, 連用形…; `*` for words that do not conjugate.
    pub cform: &'d str,
    /// 原形 (base form), `*` when unknown.
    pub base: &'d str,
    /// Not in the dictionary.
    pub unknown: bool,
}

impl Token<'_> {
    /// Whether the POS starts with `tags`, given as 名詞,固有名詞,組織 (fewer levels match more).
    pub fn is(&self, tags: &str) -> bool {
        tags.split(',').zip(self.pos.iter()).all(|(want, have)| want == *have)
    }
}

/// The segmenter, built once.
pub(crate) struct Tokenizer {
    segmenter: Segmenter,
}

impl Tokenizer {
    /// IPADIC, embedded or from a folder, with an optional user dictionary (lindera's
    /// CSV of surface, part of speech, reading).
    pub fn new(dictionary: Option<&Path>, user_dictionary: Option<&Path>) -> Result<Self> {
        let uri = match dictionary {
            Some(path) => path.display().to_string(),
            None => "embedded://ipadic".to_string(),
        };
        let dict = load_dictionary(&uri).map_err(|e| Error::Tokenizer(format!("loading {uri}: {e}")))?;
        let user = match user_dictionary {
            Some(path) => {
                let metadata: &Metadata = &dict.metadata;
                let loaded = load_user_dictionary(&path.display().to_string(), metadata)
                    .map_err(|e| Error::Tokenizer(format!("{}: {e}", path.display())))?;
                Some(loaded)
            }
            None => None,
        };
        Ok(Tokenizer { segmenter: Segmenter::new(Mode::Normal, dict, user) })
    }

    /// Tokens of the text's rule view (furniture blanked), line by line.
    pub fn tokenize<'d>(&'d self, text: &'d Text<'_>) -> Result<Vec<Token<'d>>> {
        let view = text.v();
        let mut lattice = Lattice::default();
        let mut out = Vec::with_capacity(view.len() / 6);
        for line in &text.lines {
            if line.boilerplate || line.trimmed.is_empty() {
                continue;
            }
            for chunk in chunks(view, line.trimmed.clone()) {
                self.tokenize_into(&view[chunk.clone()], chunk.start, &mut lattice, &mut out)?;
            }
        }
        Ok(out)
    }

    /// Tokenizes `s` alone, for benchmarks: the number of tokens.
    pub fn count_tokens(&self, s: &str) -> Result<usize> {
        let mut lattice = Lattice::default();
        let mut n = 0;
        for line in s.lines() {
            let start = line.as_ptr() as usize - s.as_ptr() as usize;
            for chunk in chunks(s, start..start + line.len()) {
                n += self
                    .segmenter
                    .segment_with_lattice(Cow::Borrowed(&s[chunk]), &mut lattice)
                    .map_err(|e| Error::Tokenizer(e.to_string()))?
                    .len();
            }
        }
        Ok(n)
    }

    fn tokenize_into<'d>(
        &'d self,
        s: &'d str,
        offset: usize,
        lattice: &mut Lattice,
        out: &mut Vec<Token<'d>>,
    ) -> Result<()> {
        let tokens = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(s), lattice)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        for mut t in tokens {
            let range = offset + t.byte_start..offset + t.byte_end;
            let unknown = t.word_id.is_unknown();
            t.details();
            let details = t.details.take().unwrap_or_default();
            let field = |i: usize| match details.get(i) {
                Some(Cow::Borrowed(s)) => *s,
                _ => "*",
            };
            if s[t.byte_start..t.byte_end].trim().is_empty() {
                continue;
            }
            out.push(Token { range, pos: [field(0), field(1), field(2), field(3)], cform: field(5), base: field(6), unknown });
        }
        Ok(())
    }
}

/// Splits a long range at spaces or punctuation so no chunk is longer than [`MAX_CHUNK`].
fn chunks(s: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_CHUNK {
        let mut cut = start + MAX_CHUNK;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &s[start..cut];
        let soft = window.rfind(['。', '、', ' ', '\t', ',', '.']).map(|i| {
            let c = window[i..].chars().next().map_or(1, char::len_utf8);
            start + i + c
        });
        let cut = soft.filter(|&c| c > start + MAX_CHUNK / 2).unwrap_or(cut);
        out.push(start..cut);
        start = cut;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}
