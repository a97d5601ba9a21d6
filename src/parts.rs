//! Very long documents, in parts.
//!
//! Some rules compare mentions with mentions (an organization's short forms with its
//! full names, a 同社 with the names before it), so their cost grows faster than the
//! text. A press release is a few kilobytes; a document longer than
//! [`DEFAULT_PART_BYTES`] (a concatenation, a dump) is cut at paragraph breaks into
//! parts of at most that size, each part is extracted on its own, and the results are
//! joined: spans are shifted to the whole text, organizations and people of the same
//! name become one record, and the release's metadata comes from the first part (whose
//! release date also anchors the years of later parts). Time and memory then grow
//! linearly with the document.

use std::ops::Range;

use crate::model::{
    Amount, Count, DateMention, DateRange, Event, Extraction, Mention, OrgMention, Organization,
    Partnership, Person, Quote, Release, Series, Span,
};

/// The largest part, in bytes of text: 256 KiB, some 85,000 Japanese characters (the
/// longest fixture is 14 kB; past a few hundred kilobytes the pairwise rules start to
/// show).
pub(crate) const DEFAULT_PART_BYTES: usize = 1 << 18;

/// Cuts `s` into consecutive ranges of at most `max` bytes (at least one char each):
/// after a blank line where there is one in the second half of the window, else after
/// a line break, else after 。, else at a char boundary.
pub(crate) fn split(s: &str, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while s.len() - start > max {
        let mut limit = start + max;
        while !s.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &s[start..limit];
        let half = window.len() / 2;
        let soft = ["\n\n", "\n\r\n", "\n", "。"].iter().find_map(|sep| {
            window
                .rfind(sep)
                .map(|i| i + sep.len())
                .filter(|&end| end > half)
        });
        let first_char = s[start..].chars().next().map_or(1, char::len_utf8);
        let cut = soft.unwrap_or(window.len()).max(first_char);
        out.push(start..start + cut);
        start += cut;
    }
    if start < s.len() || out.is_empty() {
        out.push(start..s.len());
    }
    out
}

/// Adds the extraction of a later part, whose text starts `bytes` bytes and `chars`
/// chars into the document, to the document's extraction.
///
/// Every field is named (no `..`), so a field added to the model does not compile
/// until it is handled here.
pub(crate) fn append(out: &mut Extraction, part: Extraction, bytes: usize, chars: usize) {
    let shift = |span: &mut Span| {
        span.byte[0] += bytes;
        span.byte[1] += bytes;
        span.char[0] += chars;
        span.char[1] += chars;
    };
    let Extraction {
        source: _,
        input: _,
        // The release's metadata is the first part's, but for its URLs.
        title: _,
        publisher: _,
        release_date: _,
        release,
        organizations,
        people,
        quotes,
        dates,
        date_ranges,
        durations,
        counts,
        amounts,
        partnerships,
        events,
        series,
        document_text: _,
    } = part;
    let Release {
        title: _,
        publishers: _,
        date: _,
        urls,
    } = release;
    for Mention { text, mut span } in urls {
        shift(&mut span);
        out.release.urls.push(Mention { text, span });
    }
    for org in organizations {
        let Organization {
            name,
            legal_form,
            kind,
            country,
            headquarters,
            aliases,
            mut mentions,
        } = org;
        for OrgMention { span, .. } in &mut mentions {
            shift(span);
        }
        match out.organizations.iter_mut().find(|o| o.name == name) {
            Some(o) => {
                o.legal_form = o.legal_form.take().or(legal_form);
                o.country = o.country.take().or(country);
                o.headquarters = o.headquarters.take().or(headquarters);
                for a in aliases {
                    if !o.aliases.contains(&a) {
                        o.aliases.push(a);
                    }
                }
                o.mentions.extend(mentions);
            }
            None => out.organizations.push(Organization {
                name,
                legal_form,
                kind,
                country,
                headquarters,
                aliases,
                mentions,
            }),
        }
    }
    for person in people {
        let Person {
            name,
            name_as_written,
            role,
            organization,
            roles,
            mut mentions,
        } = person;
        for Mention { span, .. } in &mut mentions {
            shift(span);
        }
        match out.people.iter_mut().find(|p| p.name == name) {
            Some(p) => {
                p.role = p.role.take().or(role);
                p.organization = p.organization.take().or(organization);
                for r in roles {
                    if !p.roles.contains(&r) {
                        p.roles.push(r);
                    }
                }
                p.mentions.extend(mentions);
            }
            None => out.people.push(Person {
                name,
                name_as_written,
                role,
                organization,
                roles,
                mentions,
            }),
        }
    }
    for mut q in quotes {
        let Quote {
            speaker: _,
            text: _,
            span,
        } = &mut q;
        shift(span);
        out.quotes.push(q);
    }
    for (list, items) in [(&mut out.dates, dates), (&mut out.durations, durations)] {
        for mut d in items {
            let DateMention {
                text: _,
                value: _,
                precision: _,
                year_source: _,
                kind: _,
                part_of_month: _,
                context: _,
                span,
            } = &mut d;
            shift(span);
            list.push(d);
        }
    }
    for mut r in date_ranges {
        let DateRange {
            text: _,
            start: _,
            end: _,
            span,
        } = &mut r;
        shift(span);
        out.date_ranges.push(r);
    }
    for mut c in counts {
        let Count {
            text: _,
            value: _,
            unit: _,
            kind: _,
            qualifier: _,
            scope: _,
            subject: _,
            from: _,
            includes: _,
            part_of: _,
            span,
        } = &mut c;
        shift(span);
        out.counts.push(c);
    }
    for mut a in amounts {
        let Amount {
            text: _,
            value: _,
            unit: _,
            kind: _,
            qualifier: _,
            span,
        } = &mut a;
        shift(span);
        out.amounts.push(a);
    }
    for mut p in partnerships {
        let Partnership {
            parties: _,
            agreement: _,
            date: _,
            ordinal: _,
            scope: _,
            country: _,
            contents: _,
            source: _,
            span,
        } = &mut p;
        shift(span);
        out.partnerships.push(p);
    }
    for mut e in events {
        let Event {
            date: _,
            category: _,
            title: _,
            description: _,
            span,
        } = &mut e;
        shift(span);
        out.events.push(e);
    }
    for mut s in series {
        let Series {
            name: _,
            points: _,
            span,
        } = &mut s;
        if let Some(span) = span {
            shift(span);
        }
        out.series.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_the_text_and_end_at_breaks() {
        let para = "株式会社アカネは新工場を開設しました。\n";
        let s = format!("{}\n{}", para.repeat(40), para.repeat(40));
        let parts = split(&s, 2000);
        assert!(parts.len() > 1);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts.last().map(|p| p.end), Some(s.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for p in &parts {
            assert!(p.len() <= 2000 && !p.is_empty());
            assert!(s[..p.end].ends_with('\n') || p.end == s.len(), "{p:?}");
        }
    }

    #[test]
    fn no_break_no_boundary_still_progresses() {
        let s = "年".repeat(1000);
        for max in [0, 1, 2, 3, 4, 100] {
            let parts = split(&s, max);
            assert_eq!(parts.iter().map(|p| p.len()).sum::<usize>(), s.len());
            assert!(parts.iter().all(|p| s.is_char_boundary(p.start)
                && s.is_char_boundary(p.end)
                && !p.is_empty()));
        }
        assert_eq!(split("", 10), vec![0..0]);
    }
}
