//! `ja-press eval`: runs the extractor on every document that has an answer key and
//! prints precision, recall and F1 per field (the matching of `score.py`, from
//! [`ja_press::eval`]), failing below the floors given.
//!
//! Exit codes: 0 when every floor is met and every key had a document; 1 when a floor
//! is not met or a key's document is missing or unreadable (it is scored as an empty
//! extraction, as `score.py` scores a missing prediction, and reported on stderr);
//! 2 for usage errors, unreadable folders and malformed answer keys.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ja_press::Extraction;
use ja_press::eval::{self, AnswerKey, DocScore, Field, Floor, KeyedDocument, Scores, Tally};
use rayon::prelude::*;
use serde_json::json;

use crate::{Common, ReportFormat};

/// Scores the extractor against answer keys.
#[derive(Args, Debug)]
pub(crate) struct EvalArgs {
    /// The folder of answer keys, NAME.json (the seeds-gold schema)
    #[arg(long, value_name = "GOLD_DIR")]
    pub gold: PathBuf,
    /// The folder of the documents, NAME.txt, NAME.html or NAME.htm
    #[arg(value_name = "DOCS_DIR")]
    pub docs: PathBuf,
    /// Fail (exit 1) when FIELD's F1 is below X; FIELD is organizations, people, dates,
    /// counts or micro. Repeatable
    #[arg(long = "min-f1", value_name = "FIELD=X", value_parser = parse_floor)]
    pub min_f1: Vec<Floor>,
    /// Fail (exit 1) when the micro-averaged F1 is below X
    #[arg(long, value_name = "X", value_parser = parse_micro)]
    pub min_micro: Option<Floor>,
    /// List each miss and each extra, per document
    #[arg(short, long)]
    pub verbose: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub common: Common,
}

fn parse_floor(s: &str) -> Result<Floor, String> {
    s.parse().map_err(|e: ja_press::Error| e.to_string())
}

fn parse_micro(s: &str) -> Result<Floor, String> {
    let value: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number"))?;
    Floor::new("micro", value).map_err(|e| e.to_string())
}

/// One key, its document, and what became of it.
struct Scored {
    pair: KeyedDocument,
    score: DocScore,
    error: Option<String>,
}

pub(crate) fn run(args: &EvalArgs) -> Result<ExitCode, String> {
    if let Some(n) = args.common.threads {
        // Only fails if a pool exists already, which is fine.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    for (what, dir) in [("--gold", &args.gold), ("DOCS_DIR", &args.docs)] {
        if !dir.is_dir() {
            return Err(format!("eval: {what} {}: not a folder", dir.display()));
        }
    }
    let pairs = eval::pair_documents(&args.gold, &args.docs).map_err(|e| format!("eval: {e}"))?;
    if pairs.is_empty() {
        return Err(format!(
            "eval: no answer keys (NAME.json) in {}",
            args.gold.display()
        ));
    }
    // Every key must be readable before anything is scored: a broken key is a broken test.
    let mut keys = Vec::with_capacity(pairs.len());
    let mut bad_keys = Vec::new();
    for pair in &pairs {
        match AnswerKey::from_path(&pair.key) {
            Ok(key) => keys.push(key),
            Err(e) => bad_keys.push(e.to_string()),
        }
    }
    if !bad_keys.is_empty() {
        return Err(format!(
            "eval: {} malformed answer key(s):\n  {}",
            bad_keys.len(),
            bad_keys.join("\n  ")
        ));
    }
    let extractor = crate::extractor(&args.common)?;

    let scored: Vec<Scored> = pairs
        .into_par_iter()
        .zip(keys.par_iter())
        .map(|(pair, key)| {
            let extraction = match &pair.document {
                Ok(path) => ja_press::read_document(path)
                    .and_then(|doc| extractor.extract_document(&doc))
                    .map_err(|e| e.to_string()),
                Err(reason) => Err(format!("{}: {reason}", pair.key.display())),
            };
            let (extraction, error) = match extraction {
                Ok(ex) => (ex, None),
                Err(e) => (Extraction::default(), Some(e)),
            };
            Scored {
                score: eval::score(key, &extraction),
                pair,
                error,
            }
        })
        .collect();

    let mut scores = Scores::default();
    for s in &scored {
        scores.add(&s.score);
        if let Some(e) = &s.error {
            eprintln!(
                "ja-press: eval: {}: {e} (scored as an empty extraction)",
                s.pair.name
            );
        }
    }
    let floors: Vec<Floor> = args.min_f1.iter().chain(&args.min_micro).cloned().collect();
    let below = scores.below(&floors);
    let errors = scored.iter().filter(|s| s.error.is_some()).count();

    let report = match args.format {
        ReportFormat::Text => text_report(args, &scored, &scores, &floors, &below, errors),
        ReportFormat::Json => {
            let value = json_report(args, &scored, &scores, &floors, &below);
            serde_json::to_string_pretty(&value).map_err(|e| format!("eval: {e}"))? + "\n"
        }
    };
    crate::print_stdout(&report)?;
    Ok(if below.is_empty() && errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn text_report(
    args: &EvalArgs,
    scored: &[Scored],
    scores: &Scores,
    floors: &[Floor],
    below: &[(Floor, f64)],
    errors: usize,
) -> String {
    let mut s = String::new();
    if args.verbose {
        for d in scored {
            if let Some(e) = &d.error {
                let _ = writeln!(s, "{} error: {e}", d.pair.name);
            }
            for field in Field::ALL {
                let f = d.score.field(field);
                if !f.misses.is_empty() || !f.extras.is_empty() {
                    let _ = writeln!(
                        s,
                        "{} {field}: missed [{}] | extra [{}]",
                        d.pair.name,
                        f.misses.join(", "),
                        f.extras.join(", ")
                    );
                }
            }
            for w in &d.score.wrong {
                let _ = writeln!(s, "{} wrong: {w}", d.pair.name);
            }
        }
        s.push('\n');
    }
    let _ = writeln!(
        s,
        "{} documents scored against {} ({errors} missing or unreadable)",
        scores.documents,
        args.gold.display()
    );
    s.push_str(&scores.table());
    let _ = writeln!(s, "micro F1 {:.3}", scores.micro().f1());
    for floor in floors {
        let reached = scores.f1(&floor.field).unwrap_or(0.0);
        let verdict = if below.iter().any(|(b, _)| b == floor) {
            "BELOW"
        } else {
            "ok"
        };
        let _ = writeln!(
            s,
            "floor {} F1 >= {:.3}: {verdict} ({reached:.3})",
            floor.field, floor.min_f1
        );
    }
    s
}

fn tally_json(t: Tally) -> serde_json::Value {
    json!({
        "precision": t.precision(),
        "recall": t.recall(),
        "f1": t.f1(),
        "tp": t.tp,
        "gold": t.gold,
        "predicted": t.predicted,
    })
}

/// The figures in the layout of `score.py --json` (one object per field and per
/// accuracy), unrounded, with the documents, errors, floors and per-document detail.
fn json_report(
    args: &EvalArgs,
    scored: &[Scored],
    scores: &Scores,
    floors: &[Floor],
    below: &[(Floor, f64)],
) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    out.insert("gold_dir".into(), json!(args.gold.display().to_string()));
    out.insert("docs_dir".into(), json!(args.docs.display().to_string()));
    out.insert("documents".into(), json!(scores.documents));
    let errors: Vec<_> = scored
        .iter()
        .filter_map(|d| {
            d.error
                .as_ref()
                .map(|e| json!({ "name": d.pair.name, "error": e }))
        })
        .collect();
    out.insert("errors".into(), json!(errors));
    for field in Field::ALL {
        out.insert(field.name().into(), tally_json(scores.field(field)));
    }
    out.insert("micro".into(), tally_json(scores.micro()));
    for (name, a) in [
        ("role", scores.role),
        ("person_org", scores.person_org),
        ("release_date", scores.release_date),
    ] {
        out.insert(
            name.into(),
            json!({ "correct": a.correct, "of": a.of, "accuracy": a.rate() }),
        );
    }
    let floors: Vec<_> = floors
        .iter()
        .map(|f| {
            json!({
                "field": f.field,
                "min_f1": f.min_f1,
                "f1": scores.f1(&f.field),
                "ok": !below.iter().any(|(b, _)| b == f),
            })
        })
        .collect();
    out.insert("floors".into(), json!(floors));
    out.insert(
        "passed".into(),
        json!(below.is_empty() && errors.is_empty()),
    );
    let per_document: Vec<_> = scored
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(&d.score).unwrap_or_else(|_| json!({}));
            if let Some(map) = v.as_object_mut() {
                map.insert("name".into(), json!(d.pair.name));
                map.insert("key".into(), json!(d.pair.key.display().to_string()));
                map.insert(
                    "document".into(),
                    json!(
                        d.pair
                            .document
                            .as_ref()
                            .ok()
                            .map(|p| p.display().to_string())
                    ),
                );
                map.insert("error".into(), json!(d.error));
            }
            v
        })
        .collect();
    out.insert("per_document".into(), json!(per_document));
    serde_json::Value::Object(out)
}
