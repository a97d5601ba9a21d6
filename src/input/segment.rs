//! The document as the rules see it: normalized text, its lines and sentences, and
//! the conversion of normalized ranges to spans of the original.

use std::ops::Range;

use super::boilerplate;
use super::normalize::Normalized;
use crate::model::{Mention, Span};

/// One line of the normalized text.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The line's range in the normalized text, without the `\n`.
    pub range: Range<usize>,
    /// The range without leading and trailing whitespace.
    pub trimmed: Range<usize>,
    /// Site furniture (menus, share buttons, "pagetop"): rules skip it.
    pub boilerplate: bool,
    /// A menu bar or a breadcrumb: read, but never a headline.
    pub menu: bool,
}

/// The normalized document with its segmentation and the way back to the original.
pub(crate) struct Text<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    /// The normalized text with furniture (boilerplate lines, URLs, file names) blanked
    /// to spaces: same byte offsets, nothing for a rule to match. Rules read this.
    pub view: String,
    pub lines: Vec<Line>,
    /// Sentence ranges in the normalized text, in order; none crosses a line.
    pub sentences: Vec<Range<usize>>,
    /// Char counts at every 64th byte of the original, for char offsets (a span counts
    /// the chars of at most 63 bytes past its mark).
    char_marks: Vec<usize>,
}

const MARK: usize = 64;

impl<'a> Text<'a> {
    pub fn new(original: &'a str) -> Self {
        let norm = Normalized::new(original);
        let mut lines = Vec::new();
        let mut start = 0;
        let s = norm.text.as_str();
        for i in memchr::memchr_iter(b'\n', s.as_bytes()) {
            lines.push(line(s, start..i));
            start = i + 1;
        }
        if start < s.len() || s.is_empty() {
            lines.push(line(s, start..s.len()));
        }
        boilerplate::mark(s, &mut lines);
        let blank = lines
            .iter()
            .filter(|l| l.boilerplate)
            .map(|l| l.range.clone());
        let view = blanked(s, blank.chain(boilerplate::inline(s)).collect());
        let sentences = lines
            .iter()
            .filter(|l| !l.boilerplate)
            .flat_map(|l| split_sentences(&view, l.trimmed.clone()))
            .collect();
        let mut char_marks = Vec::with_capacity(original.len() / MARK + 1);
        let mut chars = 0;
        let bytes = original.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if i % MARK == 0 {
                char_marks.push(chars);
            }
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        char_marks.push(chars);
        Text {
            original,
            norm,
            view,
            lines,
            sentences,
            char_marks,
        }
    }

    /// The normalized text, furniture included.
    pub fn s(&self) -> &str {
        &self.norm.text
    }

    /// The normalized text with furniture blanked: what the rules match.
    pub fn v(&self) -> &str {
        &self.view
    }

    /// The char offset of an original byte offset (which must be a char boundary).
    fn char_at(&self, byte: usize) -> usize {
        let mark = byte / MARK;
        let base = self.char_marks.get(mark).copied().unwrap_or(0);
        let from = (mark * MARK).min(self.original.len());
        let to = byte.min(self.original.len());
        base + self.original.as_bytes()[from..to]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
    }

    /// The span of the original that a normalized range comes from.
    pub fn span(&self, range: Range<usize>) -> Span {
        let r = self.norm.to_original(range);
        Span {
            byte: [r.start, r.end],
            char: [self.char_at(r.start), self.char_at(r.end)],
        }
    }

    /// The original text of a normalized range.
    pub fn original_text(&self, range: Range<usize>) -> &'a str {
        let r = self.norm.to_original(range);
        &self.original[r]
    }

    /// A mention of a normalized range: the original's text and span.
    pub fn mention(&self, range: Range<usize>) -> Mention {
        let span = self.span(range);
        Mention {
            text: self.original[span.range()].to_string(),
            span,
        }
    }

    /// The sentence holding normalized offset `p`, if any.
    pub fn sentence_of(&self, p: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|r| r.end <= p);
        self.sentences.get(i).filter(|r| r.start <= p).cloned()
    }
}

/// `s` with the bytes of `ranges` (whole characters) turned into spaces: what the rules
/// read, at the same offsets.
fn blanked(s: &str, mut ranges: Vec<Range<usize>>) -> String {
    const SPACES: &str = "                                                                ";
    ranges.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for r in ranges {
        let from = r.start.max(at);
        let (Some(kept), Some(_)) = (s.get(at..from), s.get(from..r.end.max(from))) else {
            continue;
        };
        out.push_str(kept);
        let mut spaces = r.end.saturating_sub(from);
        while spaces > 0 {
            let n = spaces.min(SPACES.len());
            out.push_str(&SPACES[..n]);
            spaces -= n;
        }
        at = at.max(r.end);
    }
    out.push_str(s.get(at..).unwrap_or(""));
    out
}

fn line(s: &str, range: Range<usize>) -> Line {
    let text = &s[range.clone()];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let trimmed = if lead == text.len() {
        range.start..range.start
    } else {
        range.start + lead..range.end - trail
    };
    Line {
        range,
        trimmed,
        boilerplate: false,
        menu: false,
    }
}

/// Sentences end at 。！？ (and ! ?) outside brackets; a line is at most one paragraph.
fn split_sentences(s: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = range.start;
    for (i, c) in s[range.clone()].char_indices() {
        let at = range.start + i;
        match c {
            '「' | '『' | '(' | '【' | '〈' | '《' => depth += 1,
            '」' | '』' | ')' | '】' | '〉' | '》' => depth = (depth - 1).max(0),
            '。' | '!' | '?' if depth == 0 => {
                let end = at + c.len_utf8();
                if end > start {
                    out.push(start..end);
                }
                start = end;
            }
            _ => {}
        }
    }
    if start < range.end {
        // skip leading spaces of the rest
        let rest = &s[start..range.end];
        let lead = rest.len() - rest.trim_start().len();
        if start + lead < range.end {
            out.push(start + lead..range.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_sentences_and_spans() {
        let original = "見出し\r\n\r\n　本文です。「引用。です」と述べた。２０１８年\n";
        let t = Text::new(original);
        assert_eq!(t.lines.len(), 3);
        assert_eq!(
            &t.s()[t.lines[2].trimmed.clone()],
            "本文です。「引用。です」と述べた。2018年"
        );
        let sentences: Vec<&str> = t.sentences.iter().map(|r| &t.s()[r.clone()]).collect();
        assert_eq!(
            sentences,
            vec!["見出し", "本文です。", "「引用。です」と述べた。", "2018年"]
        );
        let at = t.s().find("2018年").unwrap();
        let m = t.mention(at..at + "2018年".len());
        assert_eq!(m.text, "２０１８年");
        assert_eq!(&original[m.span.range()], m.text);
        let chars: Vec<char> = original.chars().collect();
        let by_char: String = chars[m.span.char[0]..m.span.char[1]].iter().collect();
        assert_eq!(by_char, m.text);
    }
}
