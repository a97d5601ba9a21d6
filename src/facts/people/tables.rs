//! Personnel tables: a header with 氏名 and role columns (新役職 / 氏名 / 旧役職, 新 / 氏名 / 旧),
//! and one row per person, cells separated by tabs, runs of spaces or bars (｜).

use std::ops::Range;

use crate::pipeline::Doc;

/// One row: the name cell and the role cells, in column order (新役職 before 旧役職).
pub(super) struct Row {
    pub name: Range<usize>,
    pub roles: Vec<Range<usize>>,
}

/// The cells of the line at `range`: split at tabs and at runs of two or more spaces, or,
/// on a line drawn with bars (「｜新｜氏名｜旧｜」), at the bars.
fn cells(v: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &v[range.clone()];
    if s.len() > 2 && s.starts_with('|') && s.ends_with('|') {
        let mut out = Vec::new();
        let mut at = range.start + 1;
        for cell in s[1..s.len() - 1].split('|') {
            // (a cell of spaces only is empty, not reversed: 「| |」, found by fuzzing)
            let lead = cell.len() - cell.trim_start().len();
            out.push(at + lead..at + lead + cell.trim().len());
            at += cell.len() + 1;
        }
        return out;
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    for (i, c) in s.char_indices() {
        let at = range.start + i;
        match c {
            // (「総務部長  鹿内 隆之 ← 企画政策部次長」: an arrow from the old post to the new)
            '\t' | '←' | '→' => {
                if let Some(st) = start.take() {
                    out.push(st..at - spaces);
                }
                spaces = 0;
            }
            ' ' => spaces += 1,
            _ => {
                if spaces >= 2
                    && let Some(st) = start.take()
                {
                    out.push(st..at - spaces);
                }
                spaces = 0;
                start.get_or_insert(at);
            }
        }
    }
    if let Some(st) = start {
        out.push(st..range.end - spaces);
    }
    out
}

/// A header cell without the spaces that align it (copied only where it has any: every
/// line's cells are tried as a header).
fn squeezed(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(' ') {
        crate::facts::without_whitespace(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn is_role_header(s: &str) -> bool {
    // (headers are letter-spaced to align with the cells: 「新　職」)
    let s = squeezed(s);
    let s = s.as_ref();
    s.contains("役職")
        || s.contains("役位")
        || matches!(
            s,
            "現職"
                | "新職"
                | "旧職"
                | "担当"
                | "新担当"
                | "旧担当"
                | "所属"
                | "新所属"
                | "旧所属"
                | "新"
                | "旧"
                | "現"
        )
}

pub(super) fn rows(doc: &Doc<'_>) -> Vec<Row> {
    let v = doc.text.v();
    let lines = &doc.text.lines;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // (a header names the name column: 氏名, 氏 名 or 名前)
        let line = &v[lines[i].trimmed.clone()];
        if !line.contains('氏') && !line.contains("名前") {
            i += 1;
            continue;
        }
        let header = cells(v, lines[i].trimmed.clone());
        let name_col = header
            .iter()
            .position(|c| matches!(squeezed(&v[c.clone()]).as_ref(), "氏名" | "名前"));
        let role_cols: Vec<usize> = (0..header.len())
            .filter(|&k| is_role_header(&v[header[k].clone()]))
            .collect();
        let (Some(name_col), false) = (name_col, role_cols.is_empty()) else {
            i += 1;
            continue;
        };
        // the rows, to a blank line or a sentence; a row of another shape is skipped
        let mut j = i + 1;
        while j < lines.len() {
            let line = &lines[j];
            if line.trimmed.is_empty() || v[line.trimmed.clone()].contains('。') {
                break;
            }
            let row = cells(v, line.trimmed.clone());
            if row.len() == header.len() {
                out.push(Row {
                    name: row[name_col].clone(),
                    roles: role_cols.iter().map(|&k| row[k].clone()).collect(),
                });
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
    out
}

/// Lines of cells separated by 「 / 」 or 「/」: a name first, then its affiliation and role.
pub(super) fn slash_rows(doc: &Doc<'_>) -> Vec<Row> {
    let v = doc.text.v();
    let mut out = Vec::new();
    for line in &doc.text.lines {
        let text = &v[line.trimmed.clone()];
        if !text.contains('/') || text.contains("://") {
            continue;
        }
        let mut cells = Vec::new();
        let mut start = line.trimmed.start;
        for (p, _) in text.match_indices('/') {
            let at = line.trimmed.start + p;
            cells.push(trim(v, start..at));
            start = at + 1;
        }
        cells.push(trim(v, start..line.trimmed.end));
        if cells.len() >= 2 && cells.iter().all(|c| !c.is_empty()) {
            // 「Jonas Weißmüller(ヨナス・ヴァイスミュラー)/…」: the name's other writing after it
            let mut name = cells[0].clone();
            if v[name.clone()].ends_with(')')
                && let Some(open) = v[name.clone()].find('(')
                && open > 0
            {
                name = trim(v, name.start..name.start + open);
            }
            out.push(Row {
                name,
                roles: vec![cells[1].clone()],
            });
        }
    }
    out
}

fn trim(v: &str, r: Range<usize>) -> Range<usize> {
    let s = &v[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}
