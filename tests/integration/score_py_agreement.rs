//! `ja-press eval` agrees with the reference scorer, `../shared/eval/score.py`: the same
//! precision, recall and F1 per field (to 3 decimals), the same counts and accuracies,
//! and the same misses and extras per document.
//!
//! The scorer lives outside the repository; where `../shared` does not exist (CI), the
//! test prints a note and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::root;

/// The scorer, or why the test is skipped.
fn scorer() -> Result<PathBuf, String> {
    let path = root().join("../shared/eval/score.py");
    if !path.is_file() {
        return Err(format!("{} does not exist", path.display()));
    }
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Ok(path),
        _ => Err("python3 cannot be run".to_string()),
    }
}

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Writes `ja-press DOC` for every keyed document of `dir` to `pred/NAME.json`, the
/// layout `score.py GOLD_DIR PRED_DIR` reads.
fn predict(dir: &Path, pred: &Path) {
    for pair in ja_press::eval::pair_documents(dir, dir).unwrap_or_else(|e| panic!("{e}")) {
        let doc = pair
            .document
            .unwrap_or_else(|e| panic!("{}: {e}", pair.key.display()));
        let json = run(Command::new(env!("CARGO_BIN_EXE_ja-press"))
            .arg("--quiet")
            .arg(&doc));
        std::fs::write(pred.join(format!("{}.json", pair.name)), json)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Per document and field, the scorer's own misses and extras (from its functions).
const PER_DOCUMENT: &str = r#"
import json, os, sys
sys.path.insert(0, os.path.dirname(sys.argv[1]))
import score
gold_dir, pred_dir = sys.argv[2], sys.argv[3]
out = {}
for name in sorted(os.listdir(gold_dir)):
    if not name.endswith(".json"):
        continue
    gold = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
    pred = json.load(open(os.path.join(pred_dir, name), encoding="utf-8"))
    r = {}
    tp, np_, ng, m, e = score.score_orgs(gold, pred); r["organizations"] = [m, e, tp, np_, ng]
    tp, np_, ng, m, e, roles, orgs = score.score_people(gold, pred); r["people"] = [m, e, tp, np_, ng]
    r["role"] = list(roles); r["person_org"] = list(orgs)
    tp, np_, ng, m, e = score.score_set(gold.get("dates"), pred.get("dates"), ("text", "value")); r["dates"] = [m, e, tp, np_, ng]
    tp, np_, ng, m, e = score.score_set(gold.get("counts"), pred.get("counts"), ("text", "value")); r["counts"] = [m, e, tp, np_, ng]
    r["release_date"] = int(gold.get("release_date") == pred.get("release_date"))
    out[name[:-5]] = r
print(json.dumps(out, ensure_ascii=False))
"#;

fn agree_on(set: &str, scorer: &Path) {
    let dir = root().join("fixtures").join(set);
    let pred = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    predict(&dir, pred.path());

    let theirs = run(Command::new("python3")
        .arg(scorer)
        .arg(&dir)
        .arg(pred.path())
        .arg("--json"));
    let theirs = String::from_utf8_lossy(&theirs);
    let line = theirs
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON from score.py:\n{theirs}"));
    let theirs: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("score.py JSON: {e}"));
    let ours = run(Command::new(env!("CARGO_BIN_EXE_ja-press"))
        .args(["eval", "--format", "json", "--gold"])
        .arg(&dir)
        .arg(&dir));
    let ours: Value = serde_json::from_slice(&ours).unwrap_or_else(|e| panic!("eval JSON: {e}"));

    let mut table = String::new();
    for field in ["organizations", "people", "dates", "counts", "micro"] {
        for measure in ["precision", "recall", "f1"] {
            let t = theirs[field][measure]
                .as_f64()
                .unwrap_or_else(|| panic!("score.py: no {field}.{measure}"));
            let o = ours[field][measure]
                .as_f64()
                .unwrap_or_else(|| panic!("eval: no {field}.{measure}"));
            assert_eq!(
                format!("{o:.3}"),
                format!("{t:.3}"),
                "{set} {field} {measure}"
            );
        }
        for count in ["gold", "predicted"] {
            assert_eq!(
                ours[field][count], theirs[field][count],
                "{set} {field} {count}"
            );
        }
        table += &format!(
            "{field:14} P={:.3} R={:.3} F1={:.3}\n",
            ours[field]["precision"].as_f64().unwrap_or_default(),
            ours[field]["recall"].as_f64().unwrap_or_default(),
            ours[field]["f1"].as_f64().unwrap_or_default()
        );
    }
    for acc in ["role", "person_org", "release_date"] {
        for k in ["correct", "of"] {
            assert_eq!(ours[acc][k], theirs[acc][k], "{set} {acc} {k}");
        }
    }
    println!("fixtures/{set}: ja-press eval and score.py agree\n{table}");

    // Item by item: the same misses and extras, the same role and organization counts.
    let per_doc = run(Command::new("python3")
        .arg("-c")
        .arg(PER_DOCUMENT)
        .arg(scorer)
        .arg(&dir)
        .arg(pred.path()));
    let per_doc: Value =
        serde_json::from_slice(&per_doc).unwrap_or_else(|e| panic!("per-document JSON: {e}"));
    let docs = ours["per_document"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), per_doc.as_object().map_or(0, |m| m.len()));
    for doc in docs {
        let name = doc["name"].as_str().unwrap_or_default();
        let t = &per_doc[name];
        for field in ["organizations", "people", "dates", "counts"] {
            assert_eq!(
                doc[field]["misses"], t[field][0],
                "{set} {name} {field} misses"
            );
            assert_eq!(
                doc[field]["extras"], t[field][1],
                "{set} {name} {field} extras"
            );
        }
        for acc in ["role", "person_org"] {
            assert_eq!(
                [&doc[acc]["correct"], &doc[acc]["of"]],
                [&t[acc][0], &t[acc][1]],
                "{set} {name} {acc}"
            );
        }
    }
}

#[test]
fn eval_agrees_with_score_py_on_the_seeds() {
    match scorer() {
        Ok(scorer) => agree_on("seeds", &scorer),
        Err(why) => println!(
            "skipped: {why}; the agreement with score.py is checked where ../shared exists"
        ),
    }
}

#[test]
fn eval_agrees_with_score_py_on_the_corpus() {
    match scorer() {
        Ok(scorer) => agree_on("corpus", &scorer),
        Err(why) => println!(
            "skipped: {why}; the agreement with score.py is checked where ../shared exists"
        ),
    }
}

/// A small deterministic random generator (xorshift), for the generated documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn some<'a>(&mut self, items: &[&'a str], max: usize) -> Vec<&'a str> {
        (0..self.below(max + 1)).map(|_| self.pick(items)).collect()
    }
}

const ORGS: &[&str] = &[
    "株式会社アカネ",
    "アカネ株式会社",
    "(株)アカネ",
    "（株）アカネ",
    "アカネ",
    "ＡＫＮ",
    "AKN",
    "一般社団法人LINK-J",
    "LINK-J",
    "LINK - J",
    "川崎市",
    "川崎 市",
    "株式会社",
    "アカネ株式会社研究所",
    "it's",
    "株式会社\"Q\"",
    "a'b\"c",
    "公益財団法人ミドリ財団",
    "ミドリ財団",
    " ",
];
const NAMES: &[&str] = &[
    "山田太郎",
    "山田 太郎",
    "山田　太郎",
    "福田紀彦",
    "ＡＢＣ",
    "ABC",
    "佐藤",
    "O'Neil",
];
const ROLES: &[&str] = &[
    "市長",
    "川崎市長",
    "社長",
    "代表取締役社長",
    "",
    " ",
    "ＣＥＯ",
    "CEO",
];
const DATE_TEXTS: &[&str] = &[
    "8月30日",
    "2018年8月30日",
    "８月３０日",
    "8月",
    "30日",
    "2018年",
    "'8月'",
    "",
    "8 月 30 日",
];
const DATE_VALUES: &[&str] = &[
    "2018-08-30",
    "XXXX-08-30",
    "2018-08",
    "2018",
    "2018-08-30T14:00:00",
];
const COUNT_TEXTS: &[&str] = &[
    "9例目",
    "約9例目",
    "９例目",
    "9",
    "3,500名",
    "約3,500名",
    "10社",
    "",
    "'10'社",
];
const COUNT_VALUES: &[i64] = &[9, 3500, 10, 11, -1];
const RELEASE: &[&str] = &["", "2018-08-31", "2018-09-01"];

fn generated_key(rng: &mut Rng) -> Value {
    let orgs = rng.some(ORGS, 5);
    let aliases: Vec<Value> = (0..rng.below(3))
        .map(|_| serde_json::json!({"alias": rng.pick(ORGS), "organization": rng.pick(ORGS)}))
        .collect();
    let people: Vec<Value> = (0..rng.below(5))
        .map(|_| {
            let role = rng.pick(ROLES);
            let org = rng.pick(ORGS);
            serde_json::json!({
                "name": rng.pick(NAMES),
                "role": if rng.below(4) == 0 { Value::Null } else { role.into() },
                "organization": if rng.below(4) == 0 { Value::Null } else { org.into() },
            })
        })
        .collect();
    let dates: Vec<Value> = (0..rng.below(6))
        .map(|_| serde_json::json!({"text": rng.pick(DATE_TEXTS), "value": rng.pick(DATE_VALUES)}))
        .collect();
    let counts: Vec<Value> = (0..rng.below(6))
        .map(|_| serde_json::json!({"text": rng.pick(COUNT_TEXTS), "value": COUNT_VALUES[rng.below(COUNT_VALUES.len())], "unit": "x"}))
        .collect();
    let release = rng.pick(RELEASE);
    serde_json::json!({
        "release_date": if release.is_empty() { Value::Null } else { release.into() },
        "organizations": orgs, "aliases": aliases, "people": people, "dates": dates, "counts": counts,
    })
}

fn generated_extraction(rng: &mut Rng) -> ja_press::Extraction {
    use ja_press::*;
    let span = Span {
        byte: [0, 0],
        char: [0, 0],
    };
    let organizations = (0..rng.below(6))
        .map(|_| Organization {
            name: rng.pick(ORGS).to_string(),
            legal_form: None,
            kind: OrgKind::Other,
            country: None,
            headquarters: None,
            aliases: rng
                .some(ORGS, 2)
                .into_iter()
                .chain(rng.some(&[""], 1))
                .map(str::to_string)
                .collect(),
            mentions: vec![],
        })
        .collect();
    let people = (0..rng.below(5))
        .map(|_| {
            let opt = |rng: &mut Rng, items: &[&str]| {
                (rng.below(3) > 0).then(|| rng.pick(items).to_string())
            };
            Person {
                name: rng.pick(NAMES).to_string(),
                name_as_written: String::new(),
                role: opt(rng, ROLES),
                organization: opt(rng, ORGS),
                roles: (0..rng.below(3))
                    .map(|_| RoleAt {
                        role: rng.pick(ROLES).to_string(),
                        organization: opt(rng, ORGS),
                    })
                    .collect(),
                mentions: vec![],
            }
        })
        .collect();
    let dates = (0..rng.below(6))
        .map(|_| DateMention {
            text: rng.pick(DATE_TEXTS).to_string(),
            value: rng
                .pick(DATE_VALUES)
                .parse()
                .unwrap_or(DateValue::Year(2018)),
            precision: Precision::Day,
            year_source: YearSource::Stated,
            kind: DateKind::Date,
            part_of_month: None,
            context: None,
            span,
        })
        .collect();
    let counts = (0..rng.below(6))
        .map(|_| Count {
            text: rng.pick(COUNT_TEXTS).to_string(),
            value: COUNT_VALUES[rng.below(COUNT_VALUES.len())],
            unit: "x".into(),
            kind: CountKind::Cardinal,
            qualifier: None,
            scope: None,
            subject: None,
            from: None,
            includes: None,
            part_of: None,
            span,
        })
        .collect();
    let release = rng.pick(RELEASE);
    Extraction {
        release_date: chrono::NaiveDate::parse_from_str(release, "%Y-%m-%d").ok(),
        organizations,
        people,
        dates,
        counts,
        ..Default::default()
    }
}

/// Generated keys and predictions full of the cases the matching must get right:
/// width and space variants, legal forms on either side, aliases, repeated names,
/// empty and quoted texts, loose containment.
#[test]
fn the_library_agrees_with_score_py_on_generated_documents() {
    let scorer = match scorer() {
        Ok(s) => s,
        Err(why) => {
            return println!(
                "skipped: {why}; the agreement with score.py is checked where ../shared exists"
            );
        }
    };
    let gold = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pred = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ours = Vec::new();
    for n in 0..400 {
        let name = format!("g{n:03}");
        let key_json = generated_key(&mut rng);
        let ex = generated_extraction(&mut rng);
        let key_text = serde_json::to_string_pretty(&key_json).unwrap_or_default();
        let key = ja_press::eval::AnswerKey::from_json(&key_text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        std::fs::write(gold.path().join(format!("{name}.json")), key_text)
            .unwrap_or_else(|e| panic!("{e}"));
        let pred_text = serde_json::to_string(&ex).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(pred.path().join(format!("{name}.json")), pred_text)
            .unwrap_or_else(|e| panic!("{e}"));
        ours.push((name, ja_press::eval::score(&key, &ex)));
    }
    let theirs = run(Command::new("python3")
        .arg("-c")
        .arg(PER_DOCUMENT)
        .arg(&scorer)
        .arg(gold.path())
        .arg(pred.path()));
    let theirs: Value =
        serde_json::from_slice(&theirs).unwrap_or_else(|e| panic!("per-document JSON: {e}"));
    for (name, doc) in ours {
        let t = &theirs[name.as_str()];
        for field in ja_press::eval::Field::ALL {
            let f = doc.field(field);
            let ours = serde_json::json!([
                f.misses,
                f.extras,
                f.tally.tp,
                f.tally.predicted,
                f.tally.gold
            ]);
            assert_eq!(ours, t[field.name()], "{name} {field}");
        }
        assert_eq!(
            serde_json::json!([doc.role.correct, doc.role.of]),
            t["role"],
            "{name} role"
        );
        assert_eq!(
            serde_json::json!([doc.person_org.correct, doc.person_org.of]),
            t["person_org"],
            "{name} person_org"
        );
        assert_eq!(
            serde_json::json!(doc.release_date.correct),
            t["release_date"],
            "{name} release_date"
        );
    }
}
