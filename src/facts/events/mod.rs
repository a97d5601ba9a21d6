//! Timeline events and number series.
//!
//! A timeline page (「主な出来事」, 「沿革」, 「歩み」) is a run of lines, each of which is
//! structure or an entry's text:
//!
//! ```text
//! 2024年                      year heading: a line that is only a year
//! 1月                         month heading: a line that is only a month
//! 連携                        category: a line that is only a timeline category
//! 〇〇と覚書を締結            title
//! 日韓のハブが連携し…         description (a ※ note or a (…) line may follow)
//! 取り組み                    a category right after a description: a new entry of the same month
//! …
//! ```
//!
//! Each entry becomes an [`Event`] dated by the month heading above it (or the year
//! heading, when the year has no month headings). A heading is a line that is exactly
//! one date, read with the dates module's own parser ([`dates::parse_one`]): a year
//! (「2024年」, 「令和6年」), a month (「1月」, its year the year heading's), or a month
//! with its year (「2024年1月」). Headings are read line by line rather than taken from
//! `found.dates`, which joins a year line and the month line right under it
//! (「2021年\n12月」) into one date when no blank line separates them.
//! The structure is read strictly: a timeline opens at a year heading (or a month
//! heading that states its year), and closes at the first line that fits none of its
//! places, so a press release with a date line and a bulleted list yields nothing.
//!
//! A chart written out as text (a row of glued labels 「2018/042018/10…」 and under it
//! lines such as 「Tenants202639…」) becomes one [`Series`] per line; run-together values
//! are split by [`rules::split_run`].

#[cfg(test)]
mod corpus;
mod rules;

use std::ops::Range;

use crate::facts::dates;
use crate::model::{DateMention, DateValue, Event, Extraction, Series, SeriesPoint};
use crate::pipeline::{Doc, Found};
use rules::{MAX_DESCRIPTION_LINES, category_of, is_note, series_line};

/// What a line of the document is, for the timeline reader.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Only a year: 「2024年」.
    Year(i32),
    /// Only a month: 「1月」 (`year` none: the year heading's), or 「2024年1月」.
    Month { year: Option<i32>, month: u32 },
    /// Only a timeline category: 「連携」.
    Category(String),
    /// Anything else: a title, a description, or no part of a timeline.
    Other,
}

/// A non-blank line.
#[derive(Debug, Clone)]
struct Row {
    /// The line's text without surrounding spaces, in normalized coordinates.
    range: Range<usize>,
    /// Heading, category or text.
    kind: Kind,
    /// Whether a blank (or furniture) line separates it from the row before.
    gap_before: bool,
}

/// Fills `out.events` with the entries of the document's timelines and `out.series`
/// with its charts. Runs last: it reads the chart labels from `found.dates`.
pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let dates = DateIndex::new(found, out);
    let rows = rows(doc);
    let events = timeline(doc, &rows);
    let series = series(doc, &dates, &rows);
    out.events.extend(events);
    out.series.extend(series);
}

/// The document's non-blank, non-furniture lines, classified.
fn rows(doc: &Doc<'_>) -> Vec<Row> {
    let v = doc.text.v();
    let categories = &doc.vocab.timeline_categories;
    let mut rows = Vec::new();
    let mut gap = false;
    for line in &doc.text.lines {
        let Some(text) = v.get(line.trimmed.clone()) else {
            continue;
        };
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if line.boilerplate || lead == text.len() {
            gap = true;
            continue;
        }
        let range = line.trimmed.start + lead..line.trimmed.end - trail;
        let text = v.get(range.clone()).unwrap_or("");
        let kind = heading(text)
            .or_else(|| category_of(text, categories).map(|c| Kind::Category(c.to_string())))
            .unwrap_or(Kind::Other);
        rows.push(Row {
            range,
            kind,
            gap_before: gap || rows.is_empty(),
        });
        gap = false;
    }
    rows
}

/// The heading a line is, when it is exactly one date: a year, a month, or a month
/// with its year (not a day, not a fiscal year).
fn heading(line: &str) -> Option<Kind> {
    // The longest heading is about 「二〇二四年十二月」; running text is never one.
    if line.len() > 40 {
        return None;
    }
    let (p, range) = dates::parse_one(line)?;
    if range.end != line.len() || p.fiscal || p.day.is_some() {
        return None;
    }
    match (p.year, p.month) {
        (Some(year), None) => Some(Kind::Year(year)),
        (year, Some(month)) => Some(Kind::Month { year, month }),
        (None, None) => None,
    }
}

/// The month heading entries are under.
#[derive(Debug, Clone, Copy)]
struct MonthHeading {
    /// Its year and month.
    value: DateValue,
    /// Where the heading line starts: the first entry under it starts there.
    start: usize,
    /// No entry has started under it yet.
    fresh: bool,
    /// Its year came from the year heading, not from its own text.
    bare: bool,
}

/// An entry being read.
#[derive(Debug, Clone)]
struct Open {
    /// Where its span starts: its month heading, or its category line.
    start: usize,
    /// The month (or year) heading's value.
    date: DateValue,
    /// The category, as the vocabulary spells it.
    category: Option<String>,
    /// The title line, once read.
    title: Option<Range<usize>>,
    /// The description lines read so far.
    description: Vec<Range<usize>>,
    /// Whether the page separates title and description by a blank line: then a line
    /// right under the description (no blank between) continues it.
    spaced: bool,
}

/// Reads the timeline entries of the document, in text order.
fn timeline(doc: &Doc<'_>, rows: &[Row]) -> Vec<Event> {
    let mut events = Vec::new();
    // Inside a timeline: a year heading (or a month heading stating its year) is above,
    // and every line since fitted the structure.
    let mut inside = false;
    let mut year: Option<i32> = None;
    let mut month: Option<MonthHeading> = None;
    let mut open: Option<Open> = None;

    for (i, row) in rows.iter().enumerate() {
        match &row.kind {
            Kind::Year(y) => {
                finish(doc, open.take(), &mut events);
                inside = true;
                year = Some(*y);
                month = None;
                continue;
            }
            Kind::Month {
                year: stated,
                month: m,
            } if stated.is_some() || (inside && year.is_some()) => {
                let Some(y) = stated.or(year) else { continue };
                finish(doc, open.take(), &mut events);
                inside = true;
                // 「2024年1月」 sets the year for the bare months under it.
                year = Some(y);
                month = Some(MonthHeading {
                    value: DateValue::YearMonth { year: y, month: *m },
                    start: row.range.start,
                    fresh: true,
                    bare: stated.is_none(),
                });
                continue;
            }
            Kind::Category(category) if inside => {
                let Some(date) = month.map(|m| m.value).or(year.map(DateValue::Year)) else {
                    continue;
                };
                finish(doc, open.take(), &mut events);
                let start = match month.as_mut() {
                    Some(m) if m.fresh => {
                        m.fresh = false;
                        m.start
                    }
                    _ => row.range.start,
                };
                open = Some(Open {
                    start,
                    date,
                    category: Some(category.clone()),
                    title: None,
                    description: Vec::new(),
                    spaced: false,
                });
                continue;
            }
            _ => {}
        }
        // A line of text (or a heading out of place).
        if let Some(entry) = open.as_mut() {
            if entry.title.is_none() {
                entry.title = Some(row.range.clone());
                continue;
            }
            if entry.description.is_empty() {
                entry.spaced = row.gap_before;
                entry.description.push(row.range.clone());
                continue;
            }
            if entry.description.len() < MAX_DESCRIPTION_LINES
                && continues(doc, entry, row, rows.get(i + 1))
            {
                entry.description.push(row.range.clone());
                continue;
            }
        } else if inside
            && let Some(m) = month.as_mut()
            && m.fresh
            && m.bare
            && row.kind == Kind::Other
        {
            // 「2024年 / 4月 / 説明会を開催」: an entry without a category.
            m.fresh = false;
            open = Some(Open {
                start: m.start,
                date: m.value,
                category: None,
                title: Some(row.range.clone()),
                description: Vec::new(),
                spaced: false,
            });
            continue;
        }
        // It fits nowhere: the timeline, if there was one, has ended.
        finish(doc, open.take(), &mut events);
        inside = false;
        year = None;
        month = None;
    }
    finish(doc, open.take(), &mut events);
    events
}

/// Whether `row`, after an entry's first description line, still belongs to it: a note
/// (「※…」, 「(…)」), a line right under the description on a page that spaces its
/// entries, or a last line before the next heading.
fn continues(doc: &Doc<'_>, entry: &Open, row: &Row, next: Option<&Row>) -> bool {
    let text = doc.text.v().get(row.range.clone()).unwrap_or("");
    is_note(text)
        || (entry.spaced && !row.gap_before)
        || next.is_some_and(|n| matches!(n.kind, Kind::Year(_) | Kind::Month { .. }))
}

/// Turns a finished entry into an event; an entry without a title is none.
fn finish(doc: &Doc<'_>, entry: Option<Open>, events: &mut Vec<Event>) {
    let Some(entry) = entry else { return };
    let Some(title) = entry.title else { return };
    let end = entry.description.last().map_or(title.end, |r| r.end);
    let description = (!entry.description.is_empty()).then(|| {
        entry
            .description
            .iter()
            .map(|r| doc.text.original_text(r.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    });
    events.push(Event {
        date: entry.date,
        category: entry.category,
        title: doc.text.original_text(title).to_string(),
        description,
        span: doc.text.span(entry.start..end),
    });
}

/// Reads the number series: a row of two or more date labels and, under it, lines of a
/// name and values (「Tenants202639…」).
fn series(doc: &Doc<'_>, dates: &DateIndex<'_>, rows: &[Row]) -> Vec<Series> {
    let v = doc.text.v();
    let mut all = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let Some(labels) = label_row(v, dates, &rows[i].range) else {
            i += 1;
            continue;
        };
        i += 1;
        while let Some(row) = rows.get(i) {
            let Some((name, values)) = v
                .get(row.range.clone())
                .and_then(|t| series_line(t, labels.len()))
            else {
                break;
            };
            i += 1;
            // Values that cannot be split consistently: the series is dropped, not guessed.
            let Some(values) = values else { continue };
            // Fewer values than labels: the series started later.
            let Some(tail) = labels
                .len()
                .checked_sub(values.len())
                .and_then(|skip| labels.get(skip..))
            else {
                continue;
            };
            let points = tail
                .iter()
                .zip(values)
                .map(|((range, date), value)| SeriesPoint {
                    label: doc.text.original_text(range.clone()).to_string(),
                    date: Some(*date),
                    value,
                })
                .collect();
            all.push(Series {
                name: name.to_string(),
                points,
                span: Some(doc.text.span(row.range.clone())),
            });
        }
    }
    all
}

/// The labels of a chart: a line that is nothing but two or more dates
/// (「2018/042018/10…」, 「2018/04 2018/10」), with their ranges and values.
fn label_row(
    v: &str,
    dates: &DateIndex<'_>,
    range: &Range<usize>,
) -> Option<Vec<(Range<usize>, DateValue)>> {
    let mut labels: Vec<(Range<usize>, DateValue)> = Vec::new();
    let mut at = range.start;
    for (r, value) in dates.within(range) {
        // Nothing but labels and the spaces between them.
        if r.start < at || !v.get(at..r.start)?.trim().is_empty() {
            return None;
        }
        labels.push((r.clone(), value));
        at = r.end;
    }
    (labels.len() >= 2 && v.get(at..range.end)?.trim().is_empty()).then_some(labels)
}

/// The dates module's dates, by position: `found.dates` with the values of `out.dates`.
struct DateIndex<'a> {
    /// Each date's normalized range and its mention, sorted by range.
    dates: Vec<(&'a Range<usize>, &'a DateMention)>,
}

impl<'a> DateIndex<'a> {
    fn new(found: &'a Found, out: &'a Extraction) -> Self {
        let mut dates: Vec<_> = found.dates.iter().zip(&out.dates).collect();
        dates.sort_by_key(|(r, _)| (r.start, r.end));
        DateIndex { dates }
    }

    /// The dates that lie within `range`, in order.
    fn within<'s>(
        &'s self,
        range: &'s Range<usize>,
    ) -> impl Iterator<Item = (&'a Range<usize>, DateValue)> + 's {
        let first = self.dates.partition_point(|(r, _)| r.start < range.start);
        self.dates[first..]
            .iter()
            .take_while(move |(r, _)| r.start < range.end)
            .filter(move |(r, _)| r.end <= range.end)
            .map(|(r, d)| (*r, d.value))
    }
}
