//! The fixture scores: every fixture with an answer key (`fixtures/seeds`,
//! `fixtures/corpus`, `fixtures/holdout`, `fixtures/unseen`, `fixtures/fresh`, `fixtures/blind`, `fixtures/blind2`) is extracted with the library and scored with [`ja_press::eval`]
//! (the matching of `../shared/eval/score.py`). A field whose F1 falls below its floor
//! in `fixtures/floors.toml` fails the test; raise the floors as the extractors improve.
//!
//! `cargo test --test integration fixture_scores:: -- --nocapture` prints the tables.

use std::collections::BTreeMap;
use std::path::Path;

use ja_press::eval::{self, AnswerKey, Field, Floor, Scores};

use crate::common::{extractor, root};

/// The floors of one table of `fixtures/floors.toml`: every field and `micro`, each
/// between 0 and 1.
fn floors(table: &str) -> Vec<Floor> {
    let path = root().join("fixtures/floors.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let all: BTreeMap<String, BTreeMap<String, f64>> =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let floors = all
        .get(table)
        .unwrap_or_else(|| panic!("{}: no [{table}] table", path.display()));
    let mut out = Vec::new();
    for (field, min) in floors {
        out.push(
            Floor::new(field, *min).unwrap_or_else(|e| panic!("{}: [{table}] {e}", path.display())),
        );
    }
    for name in Field::ALL.iter().map(|f| f.name()).chain(["micro"]) {
        assert!(
            floors.contains_key(name),
            "{}: [{table}] has no floor for {name}",
            path.display()
        );
    }
    out
}

/// Scores every keyed document of `dir` (keys and documents side by side).
fn score_dir(dir: &Path) -> (Scores, String) {
    let pairs = eval::pair_documents(dir, dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(!pairs.is_empty(), "no answer keys in {}", dir.display());
    let mut scores = Scores::default();
    let mut misses = String::new();
    for pair in pairs {
        let key = AnswerKey::from_path(&pair.key).unwrap_or_else(|e| panic!("{e}"));
        let document = pair
            .document
            .unwrap_or_else(|e| panic!("{}: {e}", pair.key.display()));
        let doc = ja_press::read_document(&document).unwrap_or_else(|e| panic!("{e}"));
        let ex = extractor()
            .extract_document(&doc)
            .unwrap_or_else(|e| panic!("{}: {e}", document.display()));
        let score = eval::score(&key, &ex);
        for field in Field::ALL {
            let f = score.field(field);
            if !f.misses.is_empty() || !f.extras.is_empty() {
                misses += &format!(
                    "  {} {field}: missed [{}] | extra [{}]\n",
                    pair.name,
                    f.misses.join(", "),
                    f.extras.join(", ")
                );
            }
        }
        scores.add(&score);
    }
    (scores, misses)
}

fn check(set: &str) {
    let dir = root().join("fixtures").join(set);
    let (scores, misses) = score_dir(&dir);
    let table = scores.table();
    println!("fixtures/{set}: {} documents\n{table}", scores.documents);
    let floors = floors(set);
    let below = scores.below(&floors);
    let report: Vec<String> = below
        .iter()
        .map(|(floor, f1)| {
            format!(
                "{} F1 {f1:.3} is below its floor {:.3}",
                floor.field, floor.min_f1
            )
        })
        .collect();
    assert!(
        below.is_empty(),
        "fixtures/{set}: {}\n\n{table}\nmisses and extras:\n{misses}\n(floors: fixtures/floors.toml)",
        report.join("; ")
    );
    // Every figure is a proportion, and every document counts for the release date.
    for field in Field::ALL {
        let t = scores.field(field);
        assert!(t.tp <= t.gold.min(t.predicted), "{set} {field}: {t:?}");
        assert!((0.0..=1.0).contains(&t.f1()));
    }
    assert_eq!(scores.release_date.of, scores.documents);
}

#[test]
fn seeds_meet_their_floors() {
    check("seeds");
}

#[test]
fn corpus_meets_its_floors() {
    check("corpus");
}

#[test]
fn holdout_meets_its_floors() {
    check("holdout");
}

#[test]
fn unseen_meets_its_floors() {
    check("unseen");
}

#[test]
fn fresh_meets_its_floors() {
    check("fresh");
}

#[test]
fn blind_meets_its_floors() {
    check("blind");
}

#[test]
fn blind2_meets_its_floors() {
    check("blind2");
}

#[test]
fn every_fixture_key_parses_and_has_its_document() {
    for set in [
        "seeds", "corpus", "holdout", "unseen", "fresh", "blind", "blind2",
    ] {
        let dir = root().join("fixtures").join(set);
        for pair in eval::pair_documents(&dir, &dir).unwrap_or_else(|e| panic!("{e}")) {
            AnswerKey::from_path(&pair.key).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                pair.document.is_ok(),
                "{}: {:?}",
                pair.key.display(),
                pair.document
            );
        }
    }
}
