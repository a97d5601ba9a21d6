//! The release's own metadata: title, publishers, release date, URLs.
//!
//! Read from the header of the release (the lines before the first paragraph of
//! running text), from labelled lines anywhere (「配信日時:」「プレスリリース発表元企業:」),
//! and, for HTML, from the page's markup.

#[cfg(test)]
mod corpus;
mod rules;

use crate::facts::dates;
use crate::model::{Extraction, Mention, MetaSource, Release, ReleaseDate, ReleaseField};
use crate::pipeline::{Doc, Found};
use rules::{DATE_LABEL, NOT_A_TITLE, PUBLISHER_LABEL, UPDATED_LABEL, URL};

/// At most this many non-empty lines make the header.
const HEADER_LINES: usize = 25;

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let text = doc.text;
    let v = text.v();
    let header = header_lines(doc);
    let mut release = Release::default();

    // Labelled lines, anywhere. A labelled date in the header dates the release; one
    // further down (a paper's 「掲載日:」 in its reference block) only when the header has
    // no date line.
    let mut later_label: Option<ReleaseDate> = None;
    for (i, line) in text
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.boilerplate && !l.trimmed.is_empty())
    {
        let s = &v[line.trimmed.clone()];
        if let Some(c) = PUBLISHER_LABEL.captures(s)
            && let Some(name) = c.name("name")
        {
            let mut range = trim_range(
                v,
                line.trimmed.start + name.start()..line.trimmed.start + name.end(),
            );
            // a table's cells: the first is the value, unless the row is a header
            // (「会社名\t代表者\t新電話番号」)
            if let Some(tab) = v[range.clone()].find('\t') {
                range.end = range.start + tab;
            }
            if NOT_A_TITLE.is_match(&v[range.clone()]) {
                continue;
            }
            range.end = range.start + without_gloss(&v[range.clone()]).len();
            // 「発表者:鳥取県知事 岸根 文博」: the body, not its head and his name
            range.end = range.start + issuer_of_official(doc.vocab, &v[range.clone()]).len();
            let m = text.mention(range);
            release.publishers.push(ReleaseField {
                text: m.text,
                span: Some(m.span),
                from: MetaSource::Label,
            });
        }
        if release.date.is_none()
            && later_label.is_none()
            && let Some(c) = DATE_LABEL.captures(s)
            && let Some(rest) = c.name("rest")
            && let Some((parsed, r)) = dates::parse_one(rest.as_str())
            && let Some(value) = day_of(&parsed)
        {
            let at = line.trimmed.start + rest.start();
            let m = text.mention(at + r.start..at + r.end);
            let date = ReleaseDate {
                value,
                text: m.text,
                span: Some(m.span),
                from: MetaSource::Label,
            };
            if header.binary_search(&i).is_ok() {
                release.date = Some(date);
            } else {
                later_label = Some(date);
            }
        }
    }

    // The header: a line that is only a date, the headline, the signature block.
    let mut date_line = None;
    let mut short_title_at: Option<usize> = None;
    // a line that is only a year or a month: a timeline, whose entries are no headlines
    let mut timeline_seen = false;
    for (position, &i) in header.iter().enumerate() {
        let line = &text.lines[i];
        let s = &v[line.trimmed.clone()];
        if let Some((parsed, r)) = dates::parse_one(s)
            && r.end == s.len()
            && parsed.day.is_none()
        {
            timeline_seen = true;
        }
        if let Some((parsed, r)) = dates::parse_one(s)
            // (the date alone, or set apart from a short tail: 「2025.07.17　パートナー」, not
            // 「令和8年4月1日付 人事異動について」)
            && s[r.end..].chars().next().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '【' | '〔' | '|'))
            && {
                // (a short tail, or a path of categories: 「お知らせ/みさと台クリニック」)
                let tail = without_tags(&s[r.end..]);
                let tail = tail.trim_start_matches(|c: char| c.is_whitespace()).trim_start_matches(['(', ')']);
                let limit = if tail.contains(['/', '|', '>']) { 24 } else { 12 };
                tail.chars().count() <= limit
            }
            && let Some(value) = day_of(&parsed)
            && !s[r.end..].contains(['。', '、'])
        {
            if release.date.is_none() {
                let m = text.mention(line.trimmed.start + r.start..line.trimmed.start + r.end);
                release.date = Some(ReleaseDate {
                    value,
                    text: m.text,
                    span: Some(m.span),
                    from: MetaSource::DateLine,
                });
            }
            date_line.get_or_insert(i);
            continue;
        }
        // a headline is written out; a short line (「研究成果」「【共同発表】」) is a section label,
        // taken only when nothing longer follows
        // 「NEWS RELEASE　　2025年5月23日」「News 2025/03/12」: a label, then the date
        if release.date.is_none()
            && let Some((at, _)) = s.char_indices().find(|&(i, c)| {
                c.is_ascii_digit()
                    && dates::parse_one(&s[i..])
                        .is_some_and(|(_, r)| i + r.end == s.trim_end().len())
            })
            && s[..at].chars().count() <= 20
            && !s[..at].contains(['。', '、'])
            && let Some((parsed, r)) = dates::parse_one(&s[at..])
            && let Some(value) = day_of(&parsed)
        {
            let m =
                text.mention(line.trimmed.start + at + r.start..line.trimmed.start + at + r.end);
            release.date = Some(ReleaseDate {
                value,
                text: m.text,
                span: Some(m.span),
                from: MetaSource::DateLine,
            });
            continue;
        }
        if !line.menu && is_title(doc, s) {
            let long = s.chars().count() >= 12;
            let better = match (&release.title, short_title_at) {
                (None, _) => true,
                (Some(_), Some(at)) => long && position <= at + 6 && !timeline_seen,
                (Some(_), None) => false,
            };
            if better {
                short_title_at = (!long).then_some(position);
                let m = text.mention(line.trimmed.clone());
                release.title = Some(ReleaseField {
                    text: m.text,
                    span: Some(m.span),
                    from: MetaSource::Headline,
                });
            }
        }
    }
    if release.date.is_none() {
        release.date = later_label;
    }
    // Signature block: organization lines right under the date line.
    if release.publishers.is_empty()
        && let Some(d) = date_line
    {
        for line in header.iter().filter(|&&i| i > d).map(|&i| &text.lines[i]) {
            let s = &v[line.trimmed.clone()];
            if !rules::is_org_line(doc.vocab, s) || release.publishers.len() >= 4 {
                continue;
            }
            // 「株式会社ケストレルバイオ(Kestrel Bio, Inc.)」: the name without its gloss
            let r = line.trimmed.start..line.trimmed.start + without_gloss(s).len();
            let m = text.mention(r);
            release.publishers.push(ReleaseField {
                text: m.text,
                span: Some(m.span),
                from: MetaSource::SignatureBlock,
            });
        }
    }

    // The organization lines that open the document, above its headline: 「国立大学法人ひむか大学」,
    // 「認定特定非営利活動法人つむぎ学習支援ネット(愛称:つむぎネット)」 (an English name under one is skipped).
    if release.publishers.is_empty() {
        for line in header.iter().map(|&i| &text.lines[i]) {
            let s = &v[line.trimmed.clone()];
            let name = without_gloss(s);
            if rules::is_org_line(doc.vocab, name) && !name.is_ascii() {
                let m = text.mention(line.trimmed.start..line.trimmed.start + name.len());
                release.publishers.push(ReleaseField {
                    text: m.text,
                    span: Some(m.span),
                    from: MetaSource::SignatureBlock,
                });
            } else if !s.is_ascii() || release.publishers.is_empty() {
                break;
            }
        }
    }

    // 「更新日:」 in the header, when nothing else dates it.
    if release.date.is_none() {
        for &i in &header {
            let line = &text.lines[i];
            let s = &v[line.trimmed.clone()];
            if let Some(c) = UPDATED_LABEL.captures(s)
                && let Some(rest) = c.name("rest")
                && let Some((parsed, r)) = dates::parse_one(rest.as_str())
                && let Some(value) = day_of(&parsed)
            {
                let at = line.trimmed.start + rest.start();
                let m = text.mention(at + r.start..at + r.end);
                release.date = Some(ReleaseDate {
                    value,
                    text: m.text,
                    span: Some(m.span),
                    from: MetaSource::Label,
                });
                break;
            }
        }
    }

    // HTML markup, when the text said nothing.
    let meta = doc.meta;
    if release.date.is_none() {
        let from_meta = |raw: &Option<String>, from| {
            let raw = raw.as_deref()?;
            let (parsed, r) = dates::parse_one(raw)?;
            Some(ReleaseDate {
                value: day_of(&parsed)?,
                text: raw[r].to_string(),
                span: None,
                from,
            })
        };
        release.date = from_meta(&meta.published, MetaSource::HtmlMeta)
            .or_else(|| from_meta(&meta.time, MetaSource::HtmlTime));
    }
    if release.title.is_none() {
        release.title = meta
            .og_title
            .as_ref()
            .map(|t| (t, MetaSource::HtmlMeta))
            .or_else(|| meta.title.as_ref().map(|t| (t, MetaSource::HtmlTitle)))
            .map(|(t, from)| ReleaseField {
                text: t.clone(),
                span: None,
                from,
            });
    }

    // URLs anywhere (the rule view blanks them, so read the full text).
    release.urls = URL
        .find_iter(text.s())
        .map(|m| text.mention(m.start()..m.end()))
        .collect::<Vec<Mention>>();

    out.title = release.title.as_ref().map(|t| t.text.clone());
    out.publisher = release.publishers.first().map(|p| p.text.clone());
    out.release_date = release.date.as_ref().map(|d| d.value);
    found.release_date = out.release_date;
    out.release = release;
}

/// The body an official's title names: 「鳥取県知事 岸根 文博」 → 鳥取県, 「川崎市長 福田 紀彦」 →
/// 川崎市, 「株式会社アカネ 代表取締役 山田 太郎」 → 株式会社アカネ; anything else as it is.
fn issuer_of_official<'s>(vocab: &crate::vocab::Vocabulary, s: &'s str) -> &'s str {
    let Some((first, rest)) = s.split_once(' ') else {
        return s;
    };
    if rest.trim().is_empty() {
        return s;
    }
    // a place's head: 知事 follows the prefecture, 市長 keeps its 市
    for (role, keep) in [
        ("知事", 0),
        ("市長", 3),
        ("町長", 3),
        ("村長", 3),
        ("区長", 3),
    ] {
        if let Some(place) = first.strip_suffix(role)
            && place.chars().count() >= 1
        {
            return &s[..place.len() + keep];
        }
    }
    // 「株式会社アカネ 代表取締役 山田 太郎」: the organization before its officer
    if vocab.role_at_start_of(rest).is_some() && first.chars().count() >= 2 {
        return first;
    }
    s
}

/// A name without a parenthesis after it: 「株式会社アカネ(Akane Inc.)」 → 株式会社アカネ.
fn without_gloss(s: &str) -> &str {
    match s.find('(') {
        Some(open) if open > 0 && s.trim_end().ends_with(')') => s[..open].trim_end(),
        _ => s,
    }
}

/// A date line's tail without the category tags news pages put after the date:
/// 「2026.03.18　[お知らせ] [大学]」.
fn without_tags(tail: &str) -> String {
    rules::TAG.replace_all(tail, "").into_owned()
}

fn day_of(p: &dates::Parsed) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(p.year?, p.month?, p.day?)
}

fn trim_range(v: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let s = &v[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}

/// The header's lines (indices), up to the first paragraph of running text.
fn header_lines(doc: &Doc<'_>) -> Vec<usize> {
    let text = doc.text;
    let v = text.v();
    let mut out = Vec::new();
    for (i, line) in text.lines.iter().enumerate() {
        if line.boilerplate || line.trimmed.is_empty() {
            continue;
        }
        let s = &v[line.trimmed.clone()];
        let chars = s.chars().count();
        if (chars >= 60 && s.contains('。')) || chars >= 120 || out.len() >= HEADER_LINES {
            break;
        }
        out.push(i);
    }
    out
}

fn is_title(doc: &Doc<'_>, s: &str) -> bool {
    let chars = s.chars().count();
    (4..=150).contains(&chars)
        && dates::parse_one(s).is_none_or(|(_, r)| r.end < s.len())
        && !NOT_A_TITLE.is_match(s)
        && !rules::is_org_line(doc.vocab, s)
        && !s.ends_with('。')
}
