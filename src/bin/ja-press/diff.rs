//! `ja-press diff OLD.jsonl NEW.jsonl`: what changed between two runs over the same
//! documents, field by field.
//!
//! Documents are paired by `source` (the n-th document with no source pairs with the
//! n-th in the other file). Items are paired by a key per field (organizations and
//! people by name, dates and counts by their text, partnerships by their parties…);
//! spans and mentions are ignored, so text that only moved is no change, but a changed
//! value, kind, alias or role is reported. The lines are read as plain JSON, not as
//! this version's types, so the output of an older or newer release can be compared.
//!
//! Exit codes: 0, or 1 with `--fail-on-change` when anything changed (a document only
//! in one file included); 2 for an unreadable file or a line that is not a JSON object.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::ReportFormat;

/// Compares two JSON Lines outputs of `ja-press`.
#[derive(Args, Debug)]
pub(crate) struct DiffArgs {
    /// The earlier run (JSON Lines, one extraction per line)
    #[arg(value_name = "OLD.jsonl")]
    pub old: PathBuf,
    /// The later run
    #[arg(value_name = "NEW.jsonl")]
    pub new: PathBuf,
    /// Exit 1 when anything changed
    #[arg(long)]
    pub fail_on_change: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// Keys that never count as a change: positions, and text derived from positions.
const IGNORED: [&str; 3] = ["span", "mentions", "name_as_written"];

/// Top-level scalars compared as the release's metadata.
const RELEASE_SCALARS: [&str; 4] = ["title", "publisher", "release_date", "input"];

/// Top-level keys not compared at all: the source pairs documents; `release` repeats
/// the metadata with spans (its publishers are compared as a list); the document text
/// is the input.
const NOT_FIELDS: [&str; 4] = ["source", "release", "document_text", "error"];

/// The list fields, in output order, with the attribute that keys their items.
const LIST_FIELDS: [(&str, ItemKey); 13] = [
    ("organizations", ItemKey::Attr("name")),
    ("people", ItemKey::Attr("name")),
    ("quotes", ItemKey::Attr("text")),
    ("dates", ItemKey::Attr("text")),
    ("date_ranges", ItemKey::Attr("text")),
    ("durations", ItemKey::Attr("text")),
    ("counts", ItemKey::Attr("text")),
    ("amounts", ItemKey::Attr("text")),
    ("partnerships", ItemKey::Parties),
    ("events", ItemKey::Attr("title")),
    ("series", ItemKey::Attr("name")),
    ("urls", ItemKey::Attr("text")),
    ("publishers", ItemKey::Attr("text")),
];

#[derive(Clone, Copy)]
enum ItemKey {
    /// One attribute's value.
    Attr(&'static str),
    /// The sorted party names of a partnership.
    Parties,
}

/// One document of a run: its pairing key, where it is, and its extraction or error.
struct Doc {
    key: String,
    line: usize,
    body: Result<Map<String, Value>, String>,
}

/// An item whose attributes changed.
#[derive(Serialize)]
struct Changed {
    item: String,
    changes: Vec<String>,
}

/// One field of one document.
#[derive(Serialize, Default)]
struct FieldDiff {
    field: String,
    added: Vec<String>,
    removed: Vec<String>,
    changed: Vec<Changed>,
}

impl FieldDiff {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// One document in both runs.
#[derive(Serialize)]
struct DocDiff {
    source: String,
    old_line: usize,
    new_line: usize,
    fields: Vec<FieldDiff>,
}

#[derive(Serialize, Default)]
struct Summary {
    documents_in_both: usize,
    changed: usize,
    unchanged: usize,
    only_in_old: usize,
    only_in_new: usize,
    items_added: usize,
    items_removed: usize,
    items_changed: usize,
}

impl Summary {
    fn anything(&self) -> bool {
        self.changed + self.only_in_old + self.only_in_new > 0
    }
}

pub(crate) fn run(args: &DiffArgs) -> Result<ExitCode, String> {
    let old = read_run(&args.old)?;
    let new = read_run(&args.new)?;
    let mut new_by_key: BTreeMap<&str, &Doc> = new.iter().map(|d| (d.key.as_str(), d)).collect();
    let mut diffs = Vec::new();
    let mut only_old = Vec::new();
    let mut summary = Summary::default();
    for o in &old {
        let Some(n) = new_by_key.remove(o.key.as_str()) else {
            only_old.push(o.key.clone());
            continue;
        };
        summary.documents_in_both += 1;
        let fields = diff_doc(&o.body, &n.body);
        if fields.is_empty() {
            summary.unchanged += 1;
            continue;
        }
        summary.changed += 1;
        for f in &fields {
            summary.items_added += f.added.len();
            summary.items_removed += f.removed.len();
            summary.items_changed += f.changed.len();
        }
        diffs.push(DocDiff {
            source: o.key.clone(),
            old_line: o.line,
            new_line: n.line,
            fields,
        });
    }
    // Documents only in NEW, in NEW's order.
    let only_new: Vec<String> = new
        .iter()
        .filter(|d| new_by_key.contains_key(d.key.as_str()))
        .map(|d| d.key.clone())
        .collect();
    summary.only_in_old = only_old.len();
    summary.only_in_new = only_new.len();

    let report = match args.format {
        ReportFormat::Text => text_report(args, &diffs, &only_old, &only_new, &summary),
        ReportFormat::Json => {
            let value = serde_json::json!({
                "old": args.old.display().to_string(),
                "new": args.new.display().to_string(),
                "documents": diffs,
                "only_in_old": only_old,
                "only_in_new": only_new,
                "summary": summary,
            });
            serde_json::to_string_pretty(&value).map_err(|e| format!("diff: {e}"))? + "\n"
        }
    };
    crate::print_stdout(&report)?;
    Ok(if args.fail_on_change && summary.anything() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads a run: JSON Lines (blank lines skipped), or one pretty-printed JSON object as
/// `ja-press FILE` prints it. Errors name the file and the line.
fn read_run(path: &Path) -> Result<Vec<Doc>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("diff: {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("diff: {}: not UTF-8 text: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut values = Vec::new();
    let mut first_error = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => values.push((i + 1, v)),
            Err(e) => {
                first_error = Some(format!(
                    "diff: {}:{}:{}: not JSON: {}",
                    path.display(),
                    i + 1,
                    e.column(),
                    strip_position(&e)
                ));
                break;
            }
        }
    }
    if let Some(line_error) = first_error {
        // One pretty-printed object (the output of `ja-press FILE`) is a run of one.
        match serde_json::from_str::<Value>(text) {
            Ok(v @ Value::Object(_)) => values = vec![(1, v)],
            _ => return Err(line_error),
        }
    }
    let mut docs = Vec::with_capacity(values.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, (line, value)) in values.into_iter().enumerate() {
        let Value::Object(map) = value else {
            return Err(format!(
                "diff: {}:{line}: expected a JSON object (one extraction per line)",
                path.display()
            ));
        };
        let source = match map.get("source") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => format!("#{}", n + 1),
            Some(other) => other.to_string(),
        };
        let count = seen.entry(source.clone()).or_insert(0);
        *count += 1;
        let key = if *count > 1 {
            format!("{source} ({})", count)
        } else {
            source
        };
        let failed = map
            .get("error")
            .and_then(Value::as_str)
            .filter(|_| !map.contains_key("organizations"));
        let body = match failed {
            Some(message) => Err(message.to_string()),
            None => Ok(map),
        };
        docs.push(Doc { key, line, body });
    }
    Ok(docs)
}

/// serde_json's message without its " at line L column C".
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn diff_doc(
    old: &Result<Map<String, Value>, String>,
    new: &Result<Map<String, Value>, String>,
) -> Vec<FieldDiff> {
    let (old, new) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(a), Err(b)) if a == b => return vec![],
        (o, n) => {
            let show = |r: &Result<Map<String, Value>, String>| match r {
                Ok(_) => "extracted".to_string(),
                Err(e) => format!("error: {e}"),
            };
            return vec![FieldDiff {
                field: "document".into(),
                changed: vec![Changed {
                    item: "result".into(),
                    changes: vec![format!("{} → {}", show(o), show(n))],
                }],
                ..Default::default()
            }];
        }
    };
    let mut out = Vec::new();

    // The release's metadata: the top-level scalars and the publishers' list.
    let mut release = FieldDiff {
        field: "release".into(),
        ..Default::default()
    };
    for name in RELEASE_SCALARS {
        let (a, b) = (
            old.get(name).unwrap_or(&Value::Null),
            new.get(name).unwrap_or(&Value::Null),
        );
        if a != b {
            release.changed.push(Changed {
                item: name.into(),
                changes: vec![format!("{} → {}", show(a), show(b))],
            });
        }
    }
    out.push(release);

    let release_list = |m: &Map<String, Value>, name: &str| -> Vec<Value> {
        m.get("release")
            .and_then(|r| r.get(name))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for (field, key) in LIST_FIELDS {
        let (a, b) = if matches!(field, "urls" | "publishers") {
            (release_list(old, field), release_list(new, field))
        } else {
            let list = |m: &Map<String, Value>| {
                m.get(field)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            };
            (list(old), list(new))
        };
        out.push(diff_list(field, key, &a, &b));
    }
    // Fields this version does not know (a newer or older schema): lists by their
    // items' name, text or title, anything else as a whole.
    let known = |k: &str| {
        NOT_FIELDS.contains(&k)
            || RELEASE_SCALARS.contains(&k)
            || LIST_FIELDS.iter().any(|(f, _)| *f == k)
    };
    let mut others: Vec<&String> = old.keys().chain(new.keys()).filter(|k| !known(k)).collect();
    others.sort();
    others.dedup();
    for name in others {
        let (a, b) = (
            old.get(name).unwrap_or(&Value::Null),
            new.get(name).unwrap_or(&Value::Null),
        );
        match (a, b) {
            (Value::Array(_) | Value::Null, Value::Array(_) | Value::Null) => {
                let empty = Vec::new();
                let (a, b) = (
                    a.as_array().unwrap_or(&empty),
                    b.as_array().unwrap_or(&empty),
                );
                out.push(diff_list(name, ItemKey::Attr("name"), a, b));
            }
            _ if strip(a) != strip(b) => out.push(FieldDiff {
                field: name.clone(),
                changed: vec![Changed {
                    item: name.clone(),
                    changes: vec![format!("{} → {}", show(a), show(b))],
                }],
                ..Default::default()
            }),
            _ => {}
        }
    }
    out.retain(|f| !f.is_empty());
    out
}

/// A value without spans, mentions and other positional keys, at any depth.
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !IGNORED.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), strip(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
        other => other.clone(),
    }
}

/// The key an item is paired by.
fn item_key(item: &Value, key: ItemKey) -> String {
    match key {
        ItemKey::Attr(attr) => match item
            .get(attr)
            .or_else(|| item.get("text"))
            .or_else(|| item.get("title"))
        {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => show(item),
        },
        ItemKey::Parties => {
            let mut parties: Vec<String> = item
                .get("parties")
                .and_then(Value::as_array)
                .map(|ps| ps.iter().map(show).collect())
                .unwrap_or_default();
            parties.sort();
            parties.join(" + ")
        }
    }
}

/// Pairs the items of one field by key: equal items first (they are no change), then
/// the rest of each key in order (changed), and what is left is added or removed.
fn diff_list(field: &str, key: ItemKey, old: &[Value], new: &[Value]) -> FieldDiff {
    let mut groups: BTreeMap<String, (Vec<Value>, Vec<Value>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (side, items) in [(0, old), (1, new)] {
        for item in items {
            let k = item_key(item, key);
            let g = groups.entry(k.clone()).or_insert_with(|| {
                order.push(k.clone());
                (Vec::new(), Vec::new())
            });
            if side == 0 {
                g.0.push(strip(item))
            } else {
                g.1.push(strip(item))
            }
        }
    }
    let mut out = FieldDiff {
        field: field.to_string(),
        ..Default::default()
    };
    for k in order {
        let Some((mut a, mut b)) = groups.remove(&k) else {
            continue;
        };
        // Equal items cancel out.
        a.retain(|x| match b.iter().position(|y| y == x) {
            Some(j) => {
                b.remove(j);
                false
            }
            None => true,
        });
        let paired = a.len().min(b.len());
        for (x, y) in a.iter().zip(&b) {
            out.changed.push(Changed {
                item: k.clone(),
                changes: attribute_changes(x, y),
            });
        }
        out.removed
            .extend(a[paired..].iter().map(|x| describe(field, x)));
        out.added
            .extend(b[paired..].iter().map(|y| describe(field, y)));
    }
    out
}

/// What differs between two versions of an item, attribute by attribute; lists (aliases,
/// roles, parties…) as what was gained and lost.
fn attribute_changes(old: &Value, new: &Value) -> Vec<String> {
    let (Value::Object(a), Value::Object(b)) = (old, new) else {
        return vec![format!("{} → {}", show(old), show(new))];
    };
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let (x, y) = (
            a.get(name).unwrap_or(&Value::Null),
            b.get(name).unwrap_or(&Value::Null),
        );
        if x == y {
            continue;
        }
        match (x, y) {
            (Value::Array(_) | Value::Null, Value::Array(_) | Value::Null) => {
                let empty = Vec::new();
                let (xs, ys) = (
                    x.as_array().unwrap_or(&empty),
                    y.as_array().unwrap_or(&empty),
                );
                let mut lost: Vec<String> = Vec::new();
                let mut gained: Vec<&Value> = ys.iter().collect();
                for item in xs {
                    match gained.iter().position(|g| *g == item) {
                        Some(j) => {
                            gained.remove(j);
                        }
                        None => lost.push(show(item)),
                    }
                }
                let mut parts: Vec<String> = gained
                    .into_iter()
                    .map(|g| format!("+{}", show(g)))
                    .collect();
                parts.extend(lost.into_iter().map(|l| format!("-{l}")));
                if parts.is_empty() {
                    parts.push("order changed".into());
                }
                out.push(format!("{name} {}", parts.join(" ")));
            }
            _ => out.push(format!("{name}: {} → {}", show(x), show(y))),
        }
    }
    out
}

/// A value in a line of text: strings as they are, a role as 「role (organization)」,
/// anything else as compact JSON.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".into(),
        Value::Object(m) if m.contains_key("role") => {
            let role = m.get("role").map(show).unwrap_or_default();
            match m.get("organization") {
                Some(Value::String(o)) => format!("{role} ({o})"),
                _ => role,
            }
        }
        Value::Object(m)
            if m.len() == 2 && m.contains_key("name") && m.contains_key("position") =>
        {
            // A legal form: its name is what matters; the position follows.
            format!(
                "{} ({})",
                m.get("name").map(show).unwrap_or_default(),
                m.get("position").map(show).unwrap_or_default()
            )
        }
        other => other.to_string(),
    }
}

/// An added or removed item in a line: its key facts by field.
fn describe(field: &str, item: &Value) -> String {
    let get = |k: &str| item.get(k).filter(|v| !v.is_null()).map(show);
    let main = get("name")
        .or_else(|| get("text"))
        .or_else(|| get("title"))
        .unwrap_or_else(|| show(item));
    let mut s = match field {
        "organizations" => {
            let mut s = main;
            if let Some(kind) = get("kind") {
                let _ = write!(s, " [{kind}]");
            }
            if let Some(Value::Array(aliases)) = item.get("aliases")
                && !aliases.is_empty()
            {
                let _ = write!(
                    s,
                    " aka {}",
                    aliases.iter().map(show).collect::<Vec<_>>().join(", ")
                );
            }
            s
        }
        "people" => match (get("role"), get("organization")) {
            (Some(r), Some(o)) => format!("{main} — {r}, {o}"),
            (Some(r), None) => format!("{main} — {r}"),
            (None, Some(o)) => format!("{main} — {o}"),
            (None, None) => main,
        },
        "dates" | "durations" | "counts" | "amounts" => match get("value") {
            Some(v) => format!("{main} = {v}"),
            None => main,
        },
        "date_ranges" => format!(
            "{main} = {} / {}",
            get("start").unwrap_or_default(),
            get("end").unwrap_or_default()
        ),
        "partnerships" => {
            let parties = item_key(item, ItemKey::Parties);
            let details: Vec<String> = ["agreement", "date"]
                .iter()
                .filter_map(|k| get(k))
                .collect();
            if details.is_empty() {
                parties
            } else {
                format!("{parties} ({})", details.join(", "))
            }
        }
        "events" => format!("{} {main}", get("date").unwrap_or_default()),
        _ => main,
    };
    if s.chars().count() > 120 {
        s = s.chars().take(117).collect::<String>() + "…";
    }
    s
}

fn text_report(
    args: &DiffArgs,
    diffs: &[DocDiff],
    only_old: &[String],
    only_new: &[String],
    summary: &Summary,
) -> String {
    let mut s = String::new();
    for d in diffs {
        let _ = writeln!(s, "== {}", d.source);
        for f in &d.fields {
            let _ = writeln!(s, "  {}", f.field);
            for r in &f.removed {
                let _ = writeln!(s, "    - {r}");
            }
            for a in &f.added {
                let _ = writeln!(s, "    + {a}");
            }
            for c in &f.changed {
                let _ = writeln!(s, "    ~ {}: {}", c.item, c.changes.join("; "));
            }
        }
    }
    for (file, keys) in [(&args.old, only_old), (&args.new, only_new)] {
        for k in keys {
            let _ = writeln!(s, "== only in {}: {k}", file.display());
        }
    }
    let _ = writeln!(
        s,
        "{} documents in both: {} changed, {} unchanged; {} only in {}, {} only in {}; items: {} added, {} removed, {} changed",
        summary.documents_in_both,
        summary.changed,
        summary.unchanged,
        summary.only_in_old,
        args.old.display(),
        summary.only_in_new,
        args.new.display(),
        summary.items_added,
        summary.items_removed,
        summary.items_changed
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Result<Map<String, Value>, String> {
        match v {
            Value::Object(m) => Ok(m),
            _ => Err("not an object".into()),
        }
    }

    #[test]
    fn spans_alone_are_no_change() {
        let a = json!({"dates": [{"text": "8月30日", "value": "2018-08-30", "span": {"byte": [0, 1], "char": [0, 1]}}]});
        let b = json!({"dates": [{"text": "8月30日", "value": "2018-08-30", "span": {"byte": [5, 6], "char": [5, 6]}}]});
        assert!(diff_doc(&obj(a), &obj(b)).is_empty());
    }

    #[test]
    fn repeated_texts_pair_equal_items_first() {
        let d = |v: &str| json!({"text": "4月1日", "value": v});
        let a = json!({"dates": [d("2018-04-01"), d("2019-04-01")]});
        let b = json!({"dates": [d("2019-04-01"), d("2020-04-01")]});
        let diff = diff_doc(&obj(a), &obj(b));
        assert_eq!(diff.len(), 1);
        assert_eq!(diff[0].changed.len(), 1);
        assert_eq!(
            diff[0].changed[0].changes,
            ["value: 2018-04-01 → 2020-04-01"]
        );
    }

    #[test]
    fn aliases_gained_and_lost() {
        let o = |aliases: Value| json!({"organizations": [{"name": "株式会社アカネ", "kind": "company", "aliases": aliases}]});
        let diff = diff_doc(
            &obj(o(json!(["アカネ", "AKN"]))),
            &obj(o(json!(["アカネ", "AKANE"]))),
        );
        assert_eq!(diff[0].changed[0].changes, ["aliases +AKANE -AKN"]);
    }

    #[test]
    fn errors_and_unknown_fields() {
        let ok = obj(json!({"organizations": []}));
        let failed: Result<Map<String, Value>, String> = Err("bad.txt: binary".into());
        assert_eq!(diff_doc(&ok, &failed)[0].field, "document");
        assert!(diff_doc(&failed, &failed.clone()).is_empty());
        let diff = diff_doc(&obj(json!({"sentiment": 1})), &obj(json!({"sentiment": 2})));
        assert_eq!(diff[0].changed[0].changes, ["1 → 2"]);
    }
}
