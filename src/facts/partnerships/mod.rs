//! Partnerships: the agreement a release announces, earlier ones listed in running
//! text, the rows of a history table, and the agreements of a timeline page.
//!
//! - **Announcement**: a sentence (or the headline) with an agreement word (覚書, 業務
//!   提携, 包括連携協定…) and a verb that makes one (締結しました); its parties are the
//!   organizations named in it outside parentheses, its date the date in it. The
//!   headline and the body sentence of one agreement become one record.
//! - **Running text**: 「これまで、2016年5月にA、およびB、2017年6月にC…と…覚書を締結
//!   しており」: one record per partner, dated by the date before it.
//! - **History table**: under a heading such as 「(参考)…の提携に関する沿革」, rows that
//!   open with a date: the partner, its country marker (米)(英), and the contents
//!   (bullets on the row or the lines under it).
//! - **Timeline**: an event whose title makes an agreement.
//!
//! The ordinal (「今般の提携は10例目」) goes to the announced agreement.

#[cfg(test)]
mod corpus;
mod rules;

use std::ops::Range;

use crate::model::{CountKind, DateValue, Extraction, Partnership, PartnershipSource};
use crate::pipeline::{Doc, Found};
use rules::{EARLIER, MADE, ORDINAL_CONTEXT, SCOPE, TABLE_HEADING, strip_bullet};

/// A record while it is being built: parties as organization indices.
#[derive(Debug, Clone)]
struct Draft {
    parties: Vec<usize>,
    agreement: Option<String>,
    date: Option<DateValue>,
    ordinal: Option<i64>,
    scope: Option<String>,
    country: Option<String>,
    contents: Vec<String>,
    source: PartnershipSource,
    range: Range<usize>,
}

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let mut drafts = Vec::new();
    let timeline_spans: Vec<(usize, usize)> = out
        .events
        .iter()
        .map(|e| (e.span.byte[0], e.span.byte[1]))
        .collect();
    let in_timeline = |r: &Range<usize>| {
        let span = doc.text.span(r.clone());
        timeline_spans
            .iter()
            .any(|&(s, e)| span.byte[0] >= s && span.byte[1] <= e)
    };
    let table_rows = tables(doc, found, out, &mut drafts);
    for sentence in &doc.text.sentences {
        if in_timeline(sentence)
            || table_rows
                .iter()
                .any(|r| r.start <= sentence.start && sentence.end <= r.end)
        {
            continue;
        }
        sentence_records(doc, found, out, sentence.clone(), &mut drafts);
    }
    timeline(doc, found, out, &mut drafts);
    let drafts = merge_announcements(drafts);
    let drafts = merge_listed_twice(drafts);
    let drafts = ordinals(doc, found, out, drafts);
    for d in drafts {
        let names: Vec<String> = d
            .parties
            .iter()
            .filter_map(|&i| out.organizations.get(i))
            .map(|o| o.name.clone())
            .collect();
        out.partnerships.push(Partnership {
            parties: names,
            agreement: d.agreement,
            date: d.date,
            ordinal: d.ordinal,
            scope: d.scope,
            country: d.country,
            contents: d.contents,
            source: d.source,
            span: doc.text.span(d.range),
        });
    }
}

/// Whether `p` is inside a parenthesis that opens after `from` (and is not closed before `p`).
fn in_parens(v: &str, from: usize, p: usize) -> bool {
    let mut depth = 0i32;
    for c in v[from..p].chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Organizations named in `range` outside parentheses, each once, in text order.
fn parties_in(doc: &Doc<'_>, found: &Found, range: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let v = doc.text.v();
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, m) in &found.org_mentions {
        if m.start >= range.start
            && m.end <= range.end
            && !in_parens(v, range.start, m.start)
            && !out.iter().any(|(j, _)| j == i)
        {
            out.push((*i, m.clone()));
        }
    }
    out
}

/// The agreement word nearest before `end` (the longest at a place): 覚書, 業務提携….
fn agreement_before(
    doc: &Doc<'_>,
    range: &Range<usize>,
    end: usize,
) -> Option<(Range<usize>, String)> {
    let v = doc.text.v();
    let s = &v[range.start..end];
    let mut best: Option<(Range<usize>, String)> = None;
    // (all the words found in one walk over the text, each word's offsets as match_indices gives them)
    let found = doc.vocab.finders().agreements.occurrences(s);
    for (a, offsets) in doc.vocab.agreements.iter().zip(found) {
        for at in offsets {
            let r = range.start + at..range.start + at + a.len();
            let better = match &best {
                None => true,
                Some((b, _)) => r.end > b.end || (r.end == b.end && r.len() > b.len()),
            };
            if better {
                best = Some((r, a.clone()));
            }
        }
    }
    best
}

/// The dates in `range` (normalized ranges with values), outside parentheses.
fn dates_in(
    doc: &Doc<'_>,
    found: &Found,
    out: &Extraction,
    range: &Range<usize>,
) -> Vec<(Range<usize>, DateValue)> {
    let v = doc.text.v();
    found
        .dates
        .iter()
        .zip(&out.dates)
        .filter(|(r, _)| {
            r.start >= range.start && r.end <= range.end && !in_parens(v, range.start, r.start)
        })
        .map(|(r, d)| (r.clone(), d.value))
        .collect()
}

fn scope_before(doc: &Doc<'_>, range: &Range<usize>, end: usize) -> Option<String> {
    let v = doc.text.v();
    let text = &v[range.start..end];
    // (the pattern's one literal, looked for first: the scan for the pattern is slow)
    if !text.contains("領域") && !text.contains("分野") {
        return None;
    }
    SCOPE
        .captures_iter(text)
        .filter_map(|c| c.name("scope").map(|m| m.as_str().to_string()))
        .last()
}

/// The announced agreement of a sentence, or the earlier ones it lists.
fn sentence_records(
    doc: &Doc<'_>,
    found: &Found,
    out: &Extraction,
    sentence: Range<usize>,
    drafts: &mut Vec<Draft>,
) {
    let v = doc.text.v();
    let s = &v[sentence.clone()];
    let Some(verb) = MADE.find(s) else { return };
    // a statement quoted in the release is not an announcement
    let line_start = crate::facts::line_start(v, sentence.start);
    let before = &v[line_start..sentence.start];
    if before.matches('「').count() > before.matches('」').count() {
        return;
    }
    let verb_at = sentence.start + verb.start();
    let Some((agreement_range, agreement)) = agreement_before(doc, &sentence, verb_at + verb.len())
    else {
        return;
    };
    let agreement_at = agreement_range.start;
    if EARLIER.is_match(s) {
        running_text(doc, found, out, &sentence, agreement_at, &agreement, drafts);
        return;
    }
    let parties = parties_in(
        doc,
        found,
        &(sentence.start..verb_at.max(agreement_range.end)),
    );
    if parties.is_empty() {
        return;
    }
    let date = dates_in(doc, found, out, &(sentence.start..agreement_at))
        .last()
        .map(|(_, d)| *d);
    drafts.push(Draft {
        parties: parties.into_iter().map(|(i, _)| i).collect(),
        agreement: Some(agreement),
        date,
        ordinal: None,
        scope: scope_before(doc, &sentence, agreement_at),
        country: None,
        contents: Vec::new(),
        source: PartnershipSource::Announcement,
        range: sentence,
    });
}

/// 「AはこれまでYYYY年M月にB、およびC、YYYY年M月にDと…覚書を締結しており」.
fn running_text(
    doc: &Doc<'_>,
    found: &Found,
    out: &Extraction,
    sentence: &Range<usize>,
    agreement_at: usize,
    agreement: &str,
    drafts: &mut Vec<Draft>,
) {
    let v = doc.text.v();
    let segment = sentence.start..agreement_at;
    let named = parties_in(doc, found, &segment);
    // the owner: the subject before は, else the issuer
    let owner = named
        .iter()
        .find(|(_, m)| v[m.end..].starts_with('は'))
        .map(|(i, _)| *i)
        .or_else(|| super::publisher_org(out));
    let dates = dates_in(doc, found, out, &segment);
    let partners = named.iter().filter(|(i, _)| Some(*i) != owner).count();
    if dates.is_empty() && partners < 2 {
        return;
    }
    for (i, m) in named {
        if Some(i) == owner {
            continue;
        }
        let dated = dates.iter().rev().find(|(r, _)| r.end <= m.start);
        let start = dated.map_or(m.start, |(r, _)| r.start);
        let mut parties = Vec::new();
        parties.extend(owner);
        parties.push(i);
        drafts.push(Draft {
            parties,
            agreement: Some(agreement.to_string()),
            date: dated.map(|(_, d)| *d),
            ordinal: None,
            scope: scope_before(doc, sentence, sentence.end),
            country: None,
            contents: Vec::new(),
            source: PartnershipSource::RunningText,
            range: start..m.end,
        });
    }
}

/// History tables: rows that open with a date, under a heading. Returns the rows' ranges.
fn tables(
    doc: &Doc<'_>,
    found: &Found,
    out: &Extraction,
    drafts: &mut Vec<Draft>,
) -> Vec<Range<usize>> {
    let v = doc.text.v();
    let lines = &doc.text.lines;
    let mut taken = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let heading = &v[lines[i].trimmed.clone()];
        if heading.chars().count() > 40
            || heading.contains('。')
            || !TABLE_HEADING.is_match(heading)
        {
            i += 1;
            continue;
        }
        let owner = found
            .org_mentions
            .iter()
            .find(|(_, m)| m.start >= lines[i].trimmed.start && m.end <= lines[i].trimmed.end)
            .map(|(k, _)| *k)
            .or_else(|| super::publisher_org(out));
        let mut j = i + 1;
        let mut current: Option<Draft> = None;
        let mut rows_seen = 0;
        while j < lines.len() {
            let line = &lines[j];
            let text = &v[line.trimmed.clone()];
            if text.is_empty() {
                j += 1;
                if current.is_none() && rows_seen == 0 {
                    continue;
                }
                break;
            }
            // a row: a date at the start of the line, an organization after it
            let date = found
                .dates
                .iter()
                .zip(&out.dates)
                .find(|(r, _)| r.start == line.trimmed.start)
                .map(|(r, d)| (r.clone(), d.value));
            if let Some((date_range, value)) = date {
                let row_orgs = parties_in(doc, found, &(date_range.end..line.trimmed.end));
                if let Some((org, m)) = row_orgs.first().cloned() {
                    if let Some(d) = current.take() {
                        drafts.push(d);
                    }
                    rows_seen += 1;
                    // (米), then the contents after the last parenthesis of the name
                    let mut after = m.end;
                    let mut country = None;
                    while let Some(rest) = v[after..line.trimmed.end].strip_prefix('(') {
                        let Some(close) = rest.find(')') else { break };
                        let inner = &rest[..close];
                        if let Some(c) = doc.vocab.country_of_marker(inner) {
                            country = Some(c.to_string());
                        }
                        after += 1 + close + 1;
                    }
                    let rest = v[after..line.trimmed.end].trim();
                    let mut contents = Vec::new();
                    if let Some(item) = strip_bullet(rest) {
                        contents.push(
                            doc.text
                                .original_text(span_of(v, after, line.trimmed.end, item))
                                .to_string(),
                        );
                    }
                    let mut parties = Vec::new();
                    parties.extend(owner.filter(|&o| o != org));
                    parties.push(org);
                    current = Some(Draft {
                        parties,
                        agreement: None,
                        date: Some(value),
                        ordinal: None,
                        scope: None,
                        country,
                        contents,
                        source: PartnershipSource::HistoryTable,
                        range: line.trimmed.clone(),
                    });
                    j += 1;
                    continue;
                }
            }
            // a bullet line under a row
            if let (Some(d), Some(item)) = (current.as_mut(), strip_bullet(text)) {
                d.contents.push(
                    doc.text
                        .original_text(span_of(v, line.trimmed.start, line.trimmed.end, item))
                        .to_string(),
                );
                d.range.end = line.trimmed.end;
                j += 1;
                continue;
            }
            // the column headings (年月 団体・組織名 提携内容) before the first row
            if rows_seen == 0 && j <= i + 2 {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(d) = current.take() {
            drafts.push(d);
        }
        if rows_seen > 0 {
            taken.push(lines[i].range.start..lines[j.saturating_sub(1).max(i)].range.end);
        }
        i = j.max(i + 1);
    }
    taken
}

/// The range of `item` (a slice of `v[start..end]`) in `v`.
fn span_of(v: &str, start: usize, end: usize, item: &str) -> Range<usize> {
    let at = v[start..end].find(item).map_or(start, |p| start + p);
    at..at + item.len()
}

/// Agreements on a timeline page: events whose title makes one.
fn timeline(doc: &Doc<'_>, found: &Found, out: &Extraction, drafts: &mut Vec<Draft>) {
    for e in &out.events {
        if !MADE.is_match(&e.title) && !e.title.ends_with("締結") {
            continue;
        }
        let Some(agreement) = doc
            .vocab
            .agreements
            .iter()
            .filter(|a| e.title.contains(a.as_str()))
            .max_by_key(|a| a.len())
        else {
            continue;
        };
        // the title's organizations: mentions inside the event's span, on its title line
        let mut parties = Vec::new();
        let mut range = None;
        for (i, m) in &found.org_mentions {
            let span = doc.text.span(m.clone());
            let text = &doc.text.original[span.range()];
            if span.byte[0] >= e.span.byte[0]
                && span.byte[1] <= e.span.byte[1]
                && e.title.contains(text)
                && !parties.contains(i)
            {
                parties.push(*i);
                range.get_or_insert(m.clone());
            }
        }
        let Some(range) = range else { continue };
        drafts.push(Draft {
            parties,
            agreement: Some(agreement.clone()),
            date: Some(e.date),
            ordinal: None,
            scope: None,
            country: None,
            contents: Vec::new(),
            source: PartnershipSource::Timeline,
            range,
        });
    }
}

/// The headline and the body sentence of one agreement become one record.
fn merge_announcements(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        if d.source == PartnershipSource::Announcement
            && let Some(prev) = out.iter_mut().find(|p| {
                p.source == PartnershipSource::Announcement
                    && p.parties.iter().any(|x| d.parties.contains(x))
            })
        {
            for p in d.parties {
                if !prev.parties.contains(&p) {
                    prev.parties.push(p);
                }
            }
            // the body sentence (with a date) is the better record
            if prev.date.is_none() && d.date.is_some() {
                prev.date = d.date;
                prev.range = d.range;
            }
            prev.scope = prev.scope.take().or(d.scope);
            if prev
                .agreement
                .as_ref()
                .is_none_or(|a| d.agreement.as_ref().is_some_and(|b| b.len() > a.len()))
            {
                prev.agreement = d.agreement;
            }
            continue;
        }
        out.push(d);
    }
    out
}

/// An earlier agreement in running text that a history-table row also lists (same
/// partner, same date) is one record: the row, with the text's agreement word.
fn merge_listed_twice(drafts: Vec<Draft>) -> Vec<Draft> {
    let rows: Vec<(Option<usize>, Option<DateValue>, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.source == PartnershipSource::HistoryTable)
        .map(|(i, d)| (d.parties.last().copied(), d.date, i))
        .collect();
    let mut agreement_for: Vec<(usize, String)> = Vec::new();
    let mut keep = vec![true; drafts.len()];
    for (i, d) in drafts.iter().enumerate() {
        if d.source != PartnershipSource::RunningText {
            continue;
        }
        if let Some(&(_, _, row)) = rows
            .iter()
            .find(|(p, date, _)| *p == d.parties.last().copied() && *date == d.date)
        {
            keep[i] = false;
            if let Some(a) = &d.agreement {
                agreement_for.push((row, a.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for (i, mut d) in drafts.into_iter().enumerate() {
        if let Some((_, a)) = agreement_for.iter().find(|(row, _)| *row == i) {
            d.agreement.get_or_insert_with(|| a.clone());
        }
        if keep[i] {
            out.push(d);
        }
    }
    out
}

/// 「今般の提携は10例目」: the ordinal of the announced agreement.
fn ordinals(doc: &Doc<'_>, found: &Found, out: &Extraction, mut drafts: Vec<Draft>) -> Vec<Draft> {
    let v = doc.text.v();
    for (count, range) in out.counts.iter().zip(&found.counts) {
        if count.kind != CountKind::Ordinal
            || !matches!(
                count.unit.as_str(),
                "例目" | "番目" | "件目" | "社目" | "団体目"
            )
        {
            continue;
        }
        let Some(sentence) = doc.text.sentence_of(range.start) else {
            continue;
        };
        if !ORDINAL_CONTEXT.is_match(&v[sentence.clone()]) {
            continue;
        }
        // the announcement whose partner the sentence names, else the first one
        let named: Vec<usize> = parties_in(doc, found, &sentence)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        let target = drafts
            .iter()
            .position(|d| {
                d.source == PartnershipSource::Announcement
                    && d.parties.iter().any(|p| named.contains(p))
            })
            .or_else(|| {
                drafts
                    .iter()
                    .position(|d| d.source == PartnershipSource::Announcement)
            });
        if let Some(t) = target
            && drafts[t].ordinal.is_none()
        {
            drafts[t].ordinal = Some(count.value);
        }
    }
    drafts
}
