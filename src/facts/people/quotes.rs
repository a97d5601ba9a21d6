//! Quoted statements: 「…」と述べています, and 次のように述べています。「…」.
//! The speaker is the last person named before the quote in its sentence, or in the
//! sentence that announces it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Extraction, Quote};
use crate::pipeline::{Doc, Found};

/// What follows a quote: と述べています, と語った, とコメントしています….
static SAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s?(?:と|、と)(?:述べ|語|話|コメント|強調|期待|意気込み|説明|発言|言及|表明|明か|抱負)",
    )
    .unwrap_or_else(|e| panic!("{e}"))
});

/// What announces a quote: 次のように述べています。 / 以下のコメントを寄せています:
static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:次のように|以下のように|このように)?(?:述べ|語|コメント|話|寄せ)[^。「」]{0,12}(?:[。:]\s?)$")
        .unwrap_or_else(|e| panic!("{e}"))
});

/// Shorter brackets are names and titles, not statements.
const MIN_CHARS: usize = 12;

pub(super) fn extract(doc: &Doc<'_>, found: &Found, out: &mut Extraction) {
    let v = doc.text.v();
    let mut depth = 0usize;
    let mut open = 0usize;
    for (i, c) in v.char_indices() {
        match c {
            '「' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            '」' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    quote(doc, found, out, open, i);
                }
            }
            '\n' if depth > 0 && v[i..].starts_with("\n\n") => depth = 0,
            _ => {}
        }
    }
}

fn quote(doc: &Doc<'_>, found: &Found, out: &mut Extraction, open: usize, close: usize) {
    let v = doc.text.v();
    let inner = open + '「'.len_utf8()..close;
    if v[inner.clone()].chars().count() < MIN_CHARS {
        return;
    }
    let after = &v[close + '」'.len_utf8()..];
    let line_start = crate::facts::line_start(v, open);
    let before = &v[line_start..open];
    let announced = SAID_BEFORE.is_match(before.trim_end()) || {
        // the announcement may end the previous line
        let prev = v[..line_start].trim_end();
        let prev_start = prev.rfind('\n').map_or(0, |p| p + 1);
        before.trim().is_empty() && SAID_BEFORE.is_match(&prev[prev_start..])
    };
    if !SAID_AFTER.is_match(after) && !announced {
        return;
    }
    // the speaker: the last person mentioned before the quote, within its paragraph
    let search_from = if before.trim().is_empty() {
        crate::facts::line_start(v, line_start.saturating_sub(1))
    } else {
        line_start
    };
    let speaker = found
        .person_mentions
        .iter()
        .rfind(|(_, r)| r.start >= search_from && r.end <= open)
        .and_then(|(i, _)| out.people.get(*i))
        .map(|p| p.name.clone());
    let m = doc.text.mention(inner);
    out.quotes.push(Quote {
        speaker,
        text: m.text,
        span: m.span,
    });
}
