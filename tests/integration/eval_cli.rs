//! `ja-press eval`: figures over the bundled fixtures, floors and exit codes, missing
//! and unreadable documents, usage errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::common::{ja_press, root, stderr, stdout};

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", stdout(o), stderr(o)))
}

fn num(v: &Value, path: &[&str]) -> f64 {
    let mut v = v;
    for p in path {
        v = v
            .get(p)
            .unwrap_or_else(|| panic!("no {path:?} in the report"));
    }
    v.as_f64()
        .unwrap_or_else(|| panic!("{path:?} is not a number: {v}"))
}

/// The floors of one table of fixtures/floors.toml, as `--min-f1` arguments.
fn floor_args(set: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("fixtures/floors.toml"))
        .unwrap_or_else(|e| panic!("floors: {e}"));
    let all: BTreeMap<String, BTreeMap<String, f64>> =
        toml::from_str(&text).unwrap_or_else(|e| panic!("floors: {e}"));
    let floors = all.get(set).unwrap_or_else(|| panic!("no [{set}] floors"));
    floors
        .iter()
        .flat_map(|(field, min)| ["--min-f1".to_string(), format!("{field}={min}")])
        .collect()
}

const FIELDS: [&str; 4] = ["organizations", "people", "dates", "counts"];

#[test]
fn eval_over_the_fixtures_meets_the_floors() {
    for set in ["seeds", "corpus"] {
        let dir = format!("fixtures/{set}");
        let floors = floor_args(set);
        let mut args = vec!["eval", "--gold", &dir, &dir, "--format", "json", "-q"];
        args.extend(floors.iter().map(String::as_str));
        let out = ja_press(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{set}:\n{}\n{}",
            stdout(&out),
            stderr(&out)
        );
        let r = json(&out);

        // One scored document per key, none missing.
        let keys: Vec<PathBuf> = std::fs::read_dir(root().join(&dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        assert_eq!(num(&r, &["documents"]) as usize, keys.len(), "{set}");
        assert_eq!(r["errors"].as_array().map(Vec::len), Some(0));
        assert_eq!(r["per_document"].as_array().map(Vec::len), Some(keys.len()));
        assert_eq!(r["passed"], Value::Bool(true));

        // Gold organizations are every key's organizations; every document counts for
        // the release date.
        let gold_orgs: usize = keys
            .iter()
            .map(|k| {
                let key: Value =
                    serde_json::from_str(&std::fs::read_to_string(k).unwrap_or_default())
                        .unwrap_or_default();
                key["organizations"].as_array().map_or(0, Vec::len)
            })
            .sum();
        assert_eq!(
            num(&r, &["organizations", "gold"]) as usize,
            gold_orgs,
            "{set}"
        );
        assert_eq!(num(&r, &["release_date", "of"]) as usize, keys.len());

        // Each field's figures are consistent, and micro adds the four fields up.
        let mut micro = [0.0; 3];
        for field in FIELDS {
            let (tp, pred, gold) = (
                num(&r, &[field, "tp"]),
                num(&r, &[field, "predicted"]),
                num(&r, &[field, "gold"]),
            );
            assert!(gold > 0.0, "{set} {field}: the fixtures have gold items");
            assert!(tp <= pred.min(gold), "{set} {field}");
            let (p, rc, f) = (
                num(&r, &[field, "precision"]),
                num(&r, &[field, "recall"]),
                num(&r, &[field, "f1"]),
            );
            assert!(
                (p - tp / pred.max(1.0)).abs() < 1e-9 && (rc - tp / gold).abs() < 1e-9,
                "{set} {field}"
            );
            assert!((f - 2.0 * p * rc / (p + rc)).abs() < 1e-9, "{set} {field}");
            micro[0] += tp;
            micro[1] += pred;
            micro[2] += gold;
        }
        assert_eq!(
            [
                num(&r, &["micro", "tp"]),
                num(&r, &["micro", "predicted"]),
                num(&r, &["micro", "gold"])
            ],
            micro
        );

        // The floors were checked, and each is reported as met.
        let reported = r["floors"].as_array().cloned().unwrap_or_default();
        assert_eq!(reported.len(), floors.len() / 2);
        assert!(
            reported.iter().all(|f| f["ok"] == Value::Bool(true)),
            "{set}: {reported:?}"
        );
        for f in &reported {
            assert!(num(f, &["f1"]) >= num(f, &["min_f1"]), "{set}: {f}");
        }
    }
}

#[test]
fn eval_prints_a_table_like_the_scorer() {
    let out = ja_press(&[
        "eval",
        "--gold",
        "fixtures/seeds",
        "fixtures/seeds",
        "--min-micro",
        "0.5",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("5 documents scored against fixtures/seeds (0 missing or unreadable)"),
        "{text}"
    );
    for field in FIELDS.iter().chain(&["micro"]) {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{field:14} P=")))
            .unwrap_or_else(|| panic!("no {field} line:\n{text}"));
        assert!(
            line.contains(" R=") && line.contains(" F1=") && line.contains("(gold "),
            "{line}"
        );
    }
    for acc in ["role", "person_org", "release_date"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{acc:14} accuracy "))),
            "{acc}:\n{text}"
        );
    }
    assert!(text.contains("release_date   accuracy 5/5"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("micro F1 ")));
    assert!(
        text.lines()
            .any(|l| l.starts_with("floor micro F1 >= 0.500: ok")),
        "{text}"
    );
}

/// A folder with one document and a key that disagrees with it on purpose.
fn wrong_key_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write(
        "a.txt",
        "2024年4月1日\n株式会社アカネは、横浜国立大学と包括連携協定を締結しました。\n",
    );
    write(
        "a.json",
        r#"{"release_date": "2024-04-01", "organizations": ["株式会社アカネ", "株式会社ミドリ"],
            "dates": [{"text": "2024年4月1日", "value": "2024-04-01"}]}"#,
    );
    dir
}

fn path_str(p: &Path) -> &str {
    p.to_str()
        .unwrap_or_else(|| panic!("not UTF-8: {}", p.display()))
}

#[test]
fn eval_exits_1_below_a_floor_and_lists_misses_with_verbose() {
    let dir = wrong_key_dir();
    let d = path_str(dir.path());
    let ok = ja_press(&[
        "eval",
        "--gold",
        d,
        d,
        "--min-f1",
        "dates=1",
        "--min-f1",
        "organizations=0.3",
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));

    let low = ja_press(&[
        "eval",
        "--gold",
        d,
        d,
        "--min-f1",
        "organizations=0.99",
        "--verbose",
    ]);
    assert_eq!(low.status.code(), Some(1));
    let text = stdout(&low);
    assert!(
        text.contains("a organizations: missed [株式会社ミドリ]"),
        "{text}"
    );
    assert!(
        text.contains("floor organizations F1 >= 0.990: BELOW"),
        "{text}"
    );

    let micro = ja_press(&[
        "eval",
        "--gold",
        d,
        d,
        "--min-micro",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(micro.status.code(), Some(1));
    let r = json(&micro);
    assert_eq!(r["passed"], Value::Bool(false));
    assert_eq!(r["floors"][0]["field"], "micro");
    assert_eq!(r["floors"][0]["ok"], Value::Bool(false));
    let doc = &r["per_document"][0];
    assert_eq!(doc["organizations"]["misses"][0], "株式会社ミドリ");
    assert_eq!(doc["name"], "a");
}

#[test]
fn keys_without_a_readable_document_are_reported_and_counted() {
    let dir = wrong_key_dir();
    let gold = dir.path();
    std::fs::write(
        gold.join("b.json"),
        r#"{"organizations": ["株式会社ソラ"]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(gold.join("c.json"), r#"{"release_date": null}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(gold.join("c.txt"), b"\x00\x01\x02\x03 binary \xff\xfe\x00")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(gold.join("notes.md"), "not a key").unwrap_or_else(|e| panic!("{e}"));
    let d = path_str(gold);
    let out = ja_press(&["eval", "--gold", d, d, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("b: ") && err.contains("no document b.txt, b.html or b.htm"),
        "{err}"
    );
    assert!(err.contains("c: ") && err.contains("c.txt"), "{err}");
    let r = json(&out);
    assert_eq!(r["documents"], 3);
    let errors = r["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        errors
            .iter()
            .map(|e| e["name"].as_str().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["b", "c"]
    );
    // The missing document is scored as finding nothing: its organization is a miss.
    assert_eq!(r["organizations"]["gold"], 3);
    assert_eq!(r["organizations"]["tp"], 1);
    // Neither b's nor c's key has a release date, and none was found: right.
    assert_eq!(r["release_date"]["correct"], 3);
    assert_eq!(r["release_date"]["of"], 3);
}

#[test]
fn usage_errors_exit_2() {
    let dir = wrong_key_dir();
    let d = path_str(dir.path());
    for (args, expect) in [
        (
            vec!["eval", "--gold", d, d, "--min-f1", "quotes=0.5"],
            "unknown field",
        ),
        (
            vec!["eval", "--gold", d, d, "--min-f1", "dates=1.5"],
            "between 0 and 1",
        ),
        (vec!["eval", "--gold", d, d, "--min-f1", "dates"], "FIELD=X"),
        (
            vec!["eval", "--gold", d, d, "--min-micro", "high"],
            "not a number",
        ),
        (vec!["eval", "--gold", "no/such/dir", d], "not a folder"),
        (vec!["eval", d], "--gold"),
    ] {
        let out = ja_press(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
    }
    let empty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = ja_press(&["eval", "--gold", path_str(empty.path()), d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no answer keys"), "{}", stderr(&out));
}

#[test]
fn a_malformed_key_names_its_file_and_line() {
    let dir = wrong_key_dir();
    std::fs::write(
        dir.path().join("b.json"),
        "{\n  \"organizations\": [\"株式会社ソラ\",]\n}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("b.txt"), "株式会社ソラ").unwrap_or_else(|e| panic!("{e}"));
    let d = path_str(dir.path());
    let out = ja_press(&["eval", "--gold", d, d]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("b.json") && err.contains("line 2"), "{err}");
}
