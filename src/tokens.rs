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
    /// 活用型 (conjugation type): 五段・ラ行, 特殊・ダ, 文語・キ…; `*` for words that do not conjugate.
    pub ctype: &'d str,
    /// 活用形 (conjugated form): 基本形, 連用形…; `*` for words that do not conjugate.
    pub cform: &'d str,
    /// 原形 (base form), `*` when unknown.
    pub base: &'d str,
    /// Not in the dictionary.
    pub unknown: bool,
    /// From the user dictionary.
    pub user: bool,
}

impl Token<'_> {
    /// A user-dictionary word tagged as an organization (組織) or a person (人名).
    pub fn user_tag(&self) -> Option<&str> {
        if !self.user {
            return None;
        }
        ["組織", "人名", "地域"].into_iter().find(|tag| self.pos[0] == *tag || self.pos[2] == *tag)
    }

    /// Whether the POS starts with `tags`, given as 名詞,固有名詞,組織 (fewer levels match more).
    pub fn is(&self, tags: &str) -> bool {
        // `tags.split(',').zip(&self.pos).all(==)`, without the splitter: this is hot.
        let mut rest = tags;
        for have in &self.pos {
            match rest.split_once(',') {
                Some((want, next)) => {
                    if want != *have {
                        return false;
                    }
                    rest = next;
                }
                None => return rest == *have,
            }
        }
        true
    }
}

/// The tokens that overlap `range`, as a sub-slice found by binary search: tokens are
/// in text order and do not overlap, so this is `tokens.iter().filter(|t| t.range.start
/// < range.end && range.start < t.range.end)` in O(log n). (For an empty range `p..p`,
/// the token that has `p` strictly inside, if any.)
pub(crate) fn overlapping<'a, 'd>(tokens: &'a [Token<'d>], range: Range<usize>) -> &'a [Token<'d>] {
    let lo = tokens.partition_point(|t| t.range.end <= range.start);
    let hi = tokens.partition_point(|t| t.range.start < range.end);
    tokens.get(lo..hi).unwrap_or(&[])
}

/// The tokens inside `range` (start and end within it), in O(log n).
pub(crate) fn within<'a, 'd>(tokens: &'a [Token<'d>], range: Range<usize>) -> impl DoubleEndedIterator<Item = &'a Token<'d>> {
    overlapping(tokens, range.clone()).iter().filter(move |t| t.range.start >= range.start && t.range.end <= range.end)
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
                validate_user_dictionary(path)?;
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
        let mut cache = DetailCache::new();
        for line in &text.lines {
            if line.boilerplate || line.trimmed.is_empty() {
                continue;
            }
            for chunk in chunks(view, line.trimmed.clone()) {
                self.tokenize_into(&view[chunk.clone()], chunk.start, &mut lattice, &mut cache, &mut out)?;
            }
        }
        // The rules look tokens up by binary search (`overlapping`): in order, disjoint.
        debug_assert!(out.windows(2).all(|w| w[0].range.end <= w[1].range.start));
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
        cache: &mut DetailCache<'d>,
        out: &mut Vec<Token<'d>>,
    ) -> Result<()> {
        let tokens = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(s), lattice)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        for mut t in tokens {
            if s[t.byte_start..t.byte_end].trim().is_empty() {
                continue;
            }
            let range = offset + t.byte_start..offset + t.byte_end;
            let unknown = t.word_id.is_unknown();
            let user = !unknown && !t.word_id.is_system();
            // The fields straight from the dictionary's bytes: `Token::details` would
            // allocate a vector per token, and this runs for every token.
            let id = t.word_id.id() as usize;
            let field = if unknown {
                fields(t.dictionary.unknown_word_details_iter(id))
            } else if t.word_id.is_system() {
                let dictionary = t.dictionary;
                cache.get(id, || fields(dictionary.word_details_iter(id)))
            } else {
                t.details();
                let details = t.details.take().unwrap_or_default();
                let mut f = ["*"; 7];
                for (slot, value) in f.iter_mut().zip(&details) {
                    if let Cow::Borrowed(value) = value {
                        *slot = value;
                    }
                }
                f
            };
            out.push(Token { range, pos: [field[0], field[1], field[2], field[3]], ctype: field[4], cform: field[5], base: field[6], unknown, user });
        }
        Ok(())
    }
}

/// The detail fields of the system dictionary's words met last, by word id (a small
/// direct-mapped table): decoding them from the dictionary's bytes is a good part of
/// tokenizing, and a document repeats its words.
pub(crate) struct DetailCache<'d> {
    slots: Vec<(usize, [&'d str; 7])>,
}

impl<'d> DetailCache<'d> {
    const SLOTS: usize = 1024;

    fn new() -> Self {
        DetailCache { slots: vec![(usize::MAX, ["*"; 7]); Self::SLOTS] }
    }

    fn get(&mut self, id: usize, decode: impl FnOnce() -> [&'d str; 7]) -> [&'d str; 7] {
        let slot = &mut self.slots[id % Self::SLOTS];
        if slot.0 != id {
            *slot = (id, decode());
        }
        slot.1
    }
}

/// The first seven detail fields (品詞 ×4, 活用型, 活用形, 原形), `*` where missing.
fn fields<'d>(details: impl Iterator<Item = &'d str>) -> [&'d str; 7] {
    let mut f = ["*"; 7];
    for (slot, value) in f.iter_mut().zip(details) {
        *slot = value;
    }
    f
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

/// Checks a user dictionary before lindera reads it, so a bad line gets an error
/// with its number: each line is `surface,part_of_speech,reading` (or the 13 fields of
/// IPADIC's own format); empty lines and lines starting with `#` are skipped.
fn validate_user_dictionary(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let bad = |line: usize, reason: String| Error::UserFile { path: path.to_path_buf(), line, reason };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields = csv_fields(line).ok_or_else(|| bad(n + 1, "an unclosed quote".to_string()))?;
        if fields.len() != 3 && fields.len() < 13 {
            return Err(bad(n + 1, format!("{} fields; expected 3 (surface,part_of_speech,reading) or 13 (IPADIC)", fields.len())));
        }
        if fields[0].trim().is_empty() {
            return Err(bad(n + 1, "the surface (first field) is empty".to_string()));
        }
        if fields[1].trim().is_empty() {
            return Err(bad(n + 1, "the part of speech (second field) is empty".to_string()));
        }
    }
    Ok(())
}

/// The fields of one CSV line; quotes may hold commas. `None` for an unclosed quote.
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(field);
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dictionary_lines_are_checked() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("user.csv");
        std::fs::write(&path, "# names\nミナトバイオ研究所,組織,ミナトバイオケンキュウショ\n\n山田花子,人名\n").unwrap_or_else(|e| panic!("{e}"));
        let err = validate_user_dictionary(&path).unwrap_err().to_string();
        assert!(err.ends_with("user.csv:4: 2 fields; expected 3 (surface,part_of_speech,reading) or 13 (IPADIC)"), "{err}");
        assert_eq!(csv_fields("\"a,b\",c,d"), Some(vec!["a,b".to_string(), "c".to_string(), "d".to_string()]));
        assert_eq!(csv_fields("\"a,b"), None);
    }
}
