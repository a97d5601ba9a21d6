//! Shared by the fuzz targets: one extractor, and the span check of
//! `tests/integration/common.rs` (every span in bounds, on char boundaries, its char range the
//! same place, and the item's text exactly the slice).

use std::sync::OnceLock;

use ja_press::{Extraction, Extractor, Span};

pub fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new().expect("the embedded dictionary loads"))
}

pub fn check_spans(input: &str, ex: &Extraction) {
    let span_ok = |what: &str, span: &Span| {
        let [b0, b1] = span.byte;
        assert!(
            b0 <= b1 && b1 <= input.len(),
            "{what}: {:?} outside 0..{}",
            span.byte,
            input.len()
        );
        assert!(
            input.is_char_boundary(b0) && input.is_char_boundary(b1),
            "{what}: {:?} not on char boundaries",
            span.byte
        );
        let chars = [input[..b0].chars().count(), input[..b1].chars().count()];
        assert_eq!(span.char, chars, "{what}: char span");
    };
    let text_ok = |what: &str, span: &Span, text: &str| {
        span_ok(what, span);
        assert_eq!(&input[span.range()], text, "{what}: text");
    };
    for o in &ex.organizations {
        o.mentions
            .iter()
            .for_each(|m| text_ok("organization", &m.span, &m.text));
    }
    for p in &ex.people {
        p.mentions
            .iter()
            .for_each(|m| text_ok("person", &m.span, &m.text));
    }
    ex.quotes
        .iter()
        .for_each(|q| text_ok("quote", &q.span, &q.text));
    ex.dates
        .iter()
        .chain(&ex.durations)
        .for_each(|d| text_ok("date", &d.span, &d.text));
    ex.date_ranges
        .iter()
        .for_each(|r| text_ok("date range", &r.span, &r.text));
    ex.counts
        .iter()
        .for_each(|c| text_ok("count", &c.span, &c.text));
    ex.amounts
        .iter()
        .for_each(|a| text_ok("amount", &a.span, &a.text));
    ex.partnerships
        .iter()
        .for_each(|p| span_ok("partnership", &p.span));
    ex.events.iter().for_each(|e| span_ok("event", &e.span));
    ex.series
        .iter()
        .filter_map(|s| s.span.as_ref())
        .for_each(|s| span_ok("series", s));
    if let Some(t) = &ex.release.title
        && let Some(span) = &t.span
    {
        text_ok("title", span, &t.text);
    }
    for p in &ex.release.publishers {
        if let Some(span) = &p.span {
            text_ok("publisher", span, &p.text);
        }
    }
    if let Some(d) = &ex.release.date
        && let Some(span) = &d.span
    {
        text_ok("release date", span, &d.text);
    }
    ex.release
        .urls
        .iter()
        .for_each(|u| text_ok("url", &u.span, &u.text));
}
