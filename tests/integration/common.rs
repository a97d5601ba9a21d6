//! Shared by the test modules: the extractor and the `ja-press` binary, the span checks,
//! and the input generators of the property, fuzz and bad-input tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use ja_press::{Extraction, Extractor, Span};
use proptest::prelude::*;

/// The repository root (where `fixtures/` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One extractor for the whole test binary (the dictionary is loaded once).
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().unwrap_or_else(|e| panic!("extractor: {e}")))
}

/// The `ja-press` binary built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ja-press"))
}

/// Runs `ja-press ARGS` from the repository root.
pub fn ja_press(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("running ja-press: {e}"))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Checks every span of `ex` against `input` (the text, or an HTML page's
/// `document_text`): in bounds, on char boundaries, the char range the same place as
/// the byte range, and the item's text exactly the slice where the item has a text.
pub fn check_spans(input: &str, ex: &Extraction) -> Result<(), String> {
    // chars before each byte offset (only char boundaries are looked up)
    let mut chars_at = vec![usize::MAX; input.len() + 1];
    let mut n = 0;
    for (i, _) in input.char_indices() {
        chars_at[i] = n;
        n += 1;
    }
    chars_at[input.len()] = n;
    let span_ok = |what: &str, span: &Span| -> Result<(), String> {
        let [b0, b1] = span.byte;
        if b0 > b1 || b1 > input.len() {
            return Err(format!(
                "{what}: byte span {:?} outside 0..{}",
                span.byte,
                input.len()
            ));
        }
        if !input.is_char_boundary(b0) || !input.is_char_boundary(b1) {
            return Err(format!(
                "{what}: byte span {:?} not on char boundaries",
                span.byte
            ));
        }
        if span.char != [chars_at[b0], chars_at[b1]] {
            return Err(format!(
                "{what}: char span {:?} but bytes {:?} are chars {:?}",
                span.char,
                span.byte,
                [chars_at[b0], chars_at[b1]]
            ));
        }
        Ok(())
    };
    let text_ok = |what: &str, span: &Span, text: &str| -> Result<(), String> {
        span_ok(what, span)?;
        let slice = &input[span.range()];
        if slice != text {
            return Err(format!(
                "{what}: text {text:?} but the span {:?} holds {slice:?}",
                span.byte
            ));
        }
        Ok(())
    };
    for o in &ex.organizations {
        for m in &o.mentions {
            text_ok(
                &format!("organization {:?} mention", o.name),
                &m.span,
                &m.text,
            )?;
        }
    }
    for p in &ex.people {
        for m in &p.mentions {
            text_ok(&format!("person {:?} mention", p.name), &m.span, &m.text)?;
        }
    }
    for q in &ex.quotes {
        text_ok("quote", &q.span, &q.text)?;
    }
    for d in &ex.dates {
        text_ok("date", &d.span, &d.text)?;
    }
    for d in &ex.durations {
        text_ok("duration", &d.span, &d.text)?;
    }
    for r in &ex.date_ranges {
        text_ok("date range", &r.span, &r.text)?;
    }
    for c in &ex.counts {
        text_ok("count", &c.span, &c.text)?;
    }
    for a in &ex.amounts {
        text_ok("amount", &a.span, &a.text)?;
    }
    for p in &ex.partnerships {
        span_ok("partnership", &p.span)?;
    }
    for e in &ex.events {
        span_ok("event", &e.span)?;
    }
    for s in &ex.series {
        if let Some(span) = &s.span {
            span_ok("series", span)?;
        }
    }
    if let Some(t) = &ex.release.title
        && let Some(span) = &t.span
    {
        text_ok("release title", span, &t.text)?;
    }
    for p in &ex.release.publishers {
        if let Some(span) = &p.span {
            text_ok("release publisher", span, &p.text)?;
        }
    }
    if let Some(d) = &ex.release.date
        && let Some(span) = &d.span
    {
        text_ok("release date", span, &d.text)?;
    }
    for u in &ex.release.urls {
        text_ok("url", &u.span, &u.text)?;
    }
    Ok(())
}

/// Lines of the fixture texts (decoded, so the Shift_JIS one too), for realistic pieces.
pub fn fixture_lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut lines = Vec::new();
    for sub in ["seeds", "corpus"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(sub))
            .unwrap_or_else(|e| panic!("{sub}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let doc = ja_press::read_document(&path).unwrap_or_else(|e| panic!("{e}"));
            lines.extend(
                doc.text()
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
        }
    }
    lines
}

/// Odd characters: BOM, zero-width, full- and half-width forms, CR LF, circled digits,
/// combining marks, surrogates' neighbours, emoji.
const ODD: &[&str] = &[
    "\u{FEFF}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{00AD}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    " ",
    "\u{3000}",
    "ｱ",
    "ｶﾞ",
    "ﾊﾟ",
    "ﾞ",
    "ﾟ",
    "ｰ",
    "０",
    "１２",
    "３",
    "ＡＢＣ",
    "ｓ",
    "－",
    "−",
    "‐",
    "（",
    "）",
    "(",
    ")",
    "「",
    "」",
    "【",
    "】",
    "、",
    "。",
    "・",
    "：",
    ":",
    "①",
    "②",
    "⑩",
    "㈱",
    "㈲",
    "㍻",
    "㋿",
    "\u{3099}",
    "\u{309A}",
    "\u{0301}",
    "é",
    "😀",
    "\u{FFFD}",
    "\u{10FFFF}",
    "&",
    "<",
    ">",
    "年",
    "月",
    "日",
    "年度",
    "令和",
    "平成",
    "元年",
    "株式会社",
    "(株)",
    "社長",
    "代表取締役",
    "と",
    "は",
    "が",
    "の",
    "締結",
    "覚書",
    "第",
    "回",
    "名",
    "社",
    "億円",
    "万",
    "~",
    "〜",
    "から",
    "まで",
    "同社",
    "当社",
    "以下",
    "「LINK-J」",
    "https://example.jp/a",
];

/// An arbitrary string of pieces: fixture lines (whole or cut at a char), odd
/// characters, and random kana, kanji, digits and ASCII.
pub fn text_strategy(
    lines: std::sync::Arc<Vec<String>>,
    max_pieces: usize,
) -> impl Strategy<Value = String> {
    let n = lines.len().max(1);
    let piece = prop_oneof![
        4 => (0..n, any::<prop::sample::Index>(), any::<prop::sample::Index>()).prop_map(move |(i, a, b)| {
            let line = lines.get(i).map(String::as_str).unwrap_or("");
            let cuts: Vec<usize> = line.char_indices().map(|(p, _)| p).chain(std::iter::once(line.len())).collect();
            let (x, y) = (cuts[a.index(cuts.len())], cuts[b.index(cuts.len())]);
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            if a.index(2) == 0 { line[x..y].to_string() } else { format!("{line}\n") }
        }),
        3 => prop::sample::select(ODD).prop_map(str::to_string),
        2 => "[ぁ-ゖァ-ヺー一-龥々〆0-9０-９a-zA-Zｦ-ﾟ 、。・「」()]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect::<String>()),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// An HTML page around generated text: block and inline elements, furniture that is
/// dropped (script, nav, footer), metadata, entities, comments, unclosed tags.
pub fn html_strategy(lines: std::sync::Arc<Vec<String>>) -> impl Strategy<Value = String> {
    let text = text_strategy(lines, 6).prop_map(|t| t.replace('<', "&lt;"));
    let element = (0..14usize, text).prop_map(|(kind, t)| match kind {
        0 => format!("<p>{t}</p>"),
        1 => format!("<div class=\"body\">{t}<br>{t}</div>"),
        2 => format!("<h1>{t}</h1>"),
        3 => format!("<script>var x = \"{t}\";</script>"),
        4 => format!("<nav><ul><li>{t}</li><li>ホーム</li></ul></nav>"),
        5 => format!("<footer>{t}</footer>"),
        6 => format!("<time datetime=\"2024-04-01\">{t}</time>"),
        7 => format!("<table><tr><td>{t}</td><td>{t}</td></tr></table>"),
        8 => format!("<p>{t}&amp;&#x3042;&nbsp;&bogus;</p>"),
        9 => format!("<!-- {t} --><span>{t}"),
        10 => format!("<ul><li>{t}<li>{t}</ul>"),
        11 => format!("<a href=\"https://example.jp/\">{t}</a>"),
        12 => format!("<pre>{t}\n\n{t}</pre>"),
        _ => t,
    });
    (
        prop::collection::vec(element, 0..8),
        prop::sample::select(vec![
            "",
            "<title>新製品を発表</title>",
            "<meta property=\"og:title\" content=\"見出し&amp;副題\">",
            "<meta property=\"article:published_time\" content=\"2024-04-01T10:00:00+09:00\">",
            "<meta property=\"article:published_time\" content=\"not a date\">",
        ]),
        any::<bool>(),
    )
        .prop_map(|(body, head, main)| {
            let body = body.concat();
            let body = if main {
                format!("<main>{body}</main>")
            } else {
                body
            };
            format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
        })
}
