//! `ja-press diff`: added, removed and changed items per document and field, spans
//! ignored, exit codes, and bad JSON lines.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::common::{ja_press, stderr, stdout};

fn write_lines(dir: &Path, name: &str, docs: &[Value]) -> PathBuf {
    let path = dir.join(name);
    let text: String = docs.iter().map(|d| format!("{d}\n")).collect();
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

fn s(p: &Path) -> &str {
    p.to_str()
        .unwrap_or_else(|| panic!("not UTF-8: {}", p.display()))
}

fn span(at: usize) -> Value {
    json!({"byte": [at, at + 3], "char": [at, at + 1]})
}

/// Two runs over four documents: a.txt changes, b.txt only moves, c.txt is only in
/// OLD, d.txt only in NEW, e.txt fails in NEW.
fn runs(dir: &Path) -> (PathBuf, PathBuf) {
    let old = [
        json!({
            "source": "a.txt", "title": "覚書締結のお知らせ", "publisher": "株式会社アカネ", "release_date": "2018-08-31",
            "organizations": [
                {"name": "株式会社アカネ", "kind": "company", "aliases": ["アカネ"], "legal_form": {"name": "株式会社", "position": "prefix"},
                 "mentions": [{"text": "株式会社アカネ", "span": span(0), "via": "name"}]},
                {"name": "川崎市", "kind": "municipality", "aliases": [], "mentions": []}
            ],
            "people": [{"name": "福田紀彦", "name_as_written": "福田 紀彦", "role": "市長", "organization": "川崎市",
                        "roles": [{"role": "市長", "organization": "川崎市"}], "mentions": []}],
            "dates": [
                {"text": "8月30日", "value": "2018-08-30", "precision": "day", "span": span(10)},
                {"text": "2018年8月31日", "value": "2018-08-31", "precision": "day", "span": span(0)}
            ],
            "counts": [{"text": "9例目", "value": 9, "unit": "例目", "span": span(20)}, {"text": "3社", "value": 3, "unit": "社", "span": span(30)}],
            "partnerships": [{"parties": ["株式会社アカネ", "川崎市"], "agreement": "覚書", "date": "2018-08-30", "ordinal": 9, "span": span(0)}],
            "events": []
        }),
        json!({"source": "b.txt", "dates": [{"text": "4月1日", "value": "2024-04-01", "span": span(3)}], "organizations": []}),
        json!({"source": "c.txt", "organizations": []}),
        json!({"source": "e.txt", "organizations": [{"name": "株式会社ソラ", "kind": "company", "aliases": []}]}),
    ];
    let new = [
        json!({
            "source": "a.txt", "title": "覚書締結のお知らせ", "publisher": "株式会社アカネ", "release_date": "2018-09-01",
            "organizations": [
                {"name": "株式会社アカネ", "kind": "company", "aliases": ["アカネ", "AKN"], "legal_form": {"name": "株式会社", "position": "prefix"},
                 "mentions": [{"text": "株式会社アカネ", "span": span(40), "via": "name"}]},
                {"name": "川崎市", "kind": "government", "aliases": [], "mentions": []}
            ],
            "people": [
                {"name": "福田紀彦", "name_as_written": "福田紀彦", "role": "市長", "organization": "川崎市",
                 "roles": [{"role": "市長", "organization": "川崎市"}], "mentions": []},
                {"name": "山田太郎", "role": "代表取締役社長", "organization": "株式会社アカネ", "roles": [], "mentions": []}
            ],
            "dates": [
                {"text": "8月30日", "value": "XXXX-08-30", "precision": "day", "span": span(10)},
                {"text": "2018年8月31日", "value": "2018-08-31", "precision": "day", "span": span(50)}
            ],
            "counts": [{"text": "9例目", "value": 9, "unit": "例目", "span": span(60)}],
            "partnerships": [{"parties": ["川崎市", "株式会社アカネ"], "agreement": "覚書", "date": "2018-08-30", "ordinal": 10, "span": span(5)}],
            "events": [{"date": "2018-08", "category": "連携", "title": "川崎市と覚書を締結", "description": null, "span": span(0)}]
        }),
        json!({"source": "b.txt", "dates": [{"text": "4月1日", "value": "2024-04-01", "span": span(99)}], "organizations": []}),
        json!({"source": "d.txt", "organizations": []}),
        json!({"source": "e.txt", "error": "e.txt: not text: binary data"}),
    ];
    (
        write_lines(dir, "old.jsonl", &old),
        write_lines(dir, "new.jsonl", &new),
    )
}

#[test]
fn diff_reports_added_removed_and_changed_items() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (old, new) = runs(dir.path());
    let out = ja_press(&["diff", s(&old), s(&new)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "== a.txt",
        "~ release_date: 2018-08-31 → 2018-09-01",
        "~ 株式会社アカネ: aliases +AKN",
        "~ 川崎市: kind: municipality → government",
        "+ 山田太郎 — 代表取締役社長, 株式会社アカネ",
        "~ 8月30日: value: 2018-08-30 → XXXX-08-30",
        "- 3社 = 3",
        "~ 川崎市 + 株式会社アカネ: ordinal: 9 → 10",
        "+ 2018-08 川崎市と覚書を締結",
        "== e.txt",
        "~ result: extracted → error: e.txt: not text: binary data",
        "only in ",
        ": c.txt",
        ": d.txt",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Spans, mentions and the name as written are not changes: b.txt only moved, and
    // 2018年8月31日 and 福田紀彦 moved within a.txt.
    assert!(!text.contains("== b.txt"), "{text}");
    assert!(!text.contains("2018年8月31日"), "{text}");
    assert!(!text.contains("福田"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("3 documents in both: 2 changed, 1 unchanged; 1 only in"),
        "{last}"
    );
    assert!(
        last.ends_with("items: 2 added, 1 removed, 6 changed"),
        "{last}"
    );

    let fail = ja_press(&["diff", "--fail-on-change", s(&old), s(&new)]);
    assert_eq!(fail.status.code(), Some(1));
}

#[test]
fn diff_as_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (old, new) = runs(dir.path());
    let out = ja_press(&["diff", "--format", "json", s(&old), s(&new)]);
    assert_eq!(out.status.code(), Some(0));
    let r: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    assert_eq!(r["summary"]["changed"], 2);
    assert_eq!(r["summary"]["unchanged"], 1);
    assert_eq!(r["only_in_old"], json!(["c.txt"]));
    assert_eq!(r["only_in_new"], json!(["d.txt"]));
    let a = &r["documents"][0];
    assert_eq!(a["source"], "a.txt");
    let dates = a["fields"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["field"] == "dates"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(dates["changed"][0]["item"], "8月30日");
    assert_eq!(
        dates["changed"][0]["changes"][0],
        "value: 2018-08-30 → XXXX-08-30"
    );
}

#[test]
fn identical_runs_are_no_change() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Real output: the seeds through the CLI, twice.
    let run = |name: &str| {
        let out = ja_press(&["--quiet", "--format", "jsonl", "fixtures/seeds"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let path = dir.path().join(name);
        std::fs::write(&path, &out.stdout).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let (a, b) = (run("a.jsonl"), run("b.jsonl"));
    let out = ja_press(&["diff", "--fail-on-change", s(&a), s(&b)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("5 documents in both: 0 changed, 5 unchanged; 0 only in"),
        "{}",
        stdout(&out)
    );

    // One document dropped from the new run is a change.
    let text = std::fs::read_to_string(&b).unwrap_or_else(|e| panic!("{e}"));
    let fewer: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
    std::fs::write(&b, fewer).unwrap_or_else(|e| panic!("{e}"));
    let out = ja_press(&["diff", "--fail-on-change", s(&a), s(&b)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("000_47c558a8d59b07d5.txt"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_bad_json_line_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let good = write_lines(dir.path(), "good.jsonl", &[json!({"source": "a.txt"})]);
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"source\": \"a.txt\"}\n\n{\"source\": \"b.txt\", \n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = ja_press(&["diff", s(&good), s(&bad)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:3:", bad.display())), "{err}");
    assert!(err.contains("not JSON"), "{err}");

    let array = dir.path().join("array.jsonl");
    std::fs::write(&array, "{\"source\": \"a.txt\"}\n[1, 2]\n").unwrap_or_else(|e| panic!("{e}"));
    let out = ja_press(&["diff", s(&array), s(&good)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{}:2: expected a JSON object", array.display())),
        "{}",
        stderr(&out)
    );

    let out = ja_press(&["diff", s(&good), "no/such/run.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/run.jsonl"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_single_pretty_printed_result_is_a_run_of_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let one = |name: &str| {
        let out = ja_press(&["--quiet", "fixtures/seeds/000_47c558a8d59b07d5.txt"]);
        let path = dir.path().join(name);
        std::fs::write(&path, &out.stdout).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let (a, b) = (one("a.json"), one("b.json"));
    let out = ja_press(&["diff", "--fail-on-change", s(&a), s(&b)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("1 documents in both: 0 changed"),
        "{}",
        stdout(&out)
    );
}
