//! Person and organization precision and recall on the Stockmark Wikipedia NER set
//! (`../shared/corpora/ner-wikipedia/ner.json`, CC-BY-SA 3.0), against 人名 and against
//! 法人名 + 政治的組織名 + その他の組織名.
//!
//! `cargo run --release --example ner_wikipedia [-- PATH]`; with `NER_ERRORS=1`, the
//! organizations that overlap no gold entity are printed to stderr.
//!
//! A predicted mention is an exact match when its char range equals a gold entity's,
//! and a partial match when the ranges overlap. Organizations' self-references (当社)
//! are not counted as predictions.

use std::collections::HashSet;

use ja_press::{Extractor, Via};
use rayon::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Sentence {
    text: String,
    entities: Vec<Entity>,
}

#[derive(Deserialize)]
struct Entity {
    span: [usize; 2],
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    predicted: usize,
    exact: usize,
    gold_overlapped: usize,
    predicted_overlapping: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.exact += o.exact;
        self.gold_overlapped += o.gold_overlapped;
        self.predicted_overlapping += o.predicted_overlapping;
    }

    fn row(&self, name: &str) -> String {
        let p = self.exact as f64 / self.predicted.max(1) as f64;
        let r = self.exact as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let lp = self.predicted_overlapping as f64 / self.predicted.max(1) as f64;
        let lr = self.gold_overlapped as f64 / self.gold.max(1) as f64;
        format!(
            "| {name} | {} | {} | {p:.3} | {r:.3} | {f:.3} | {lp:.3} | {lr:.3} |",
            self.gold, self.predicted
        )
    }
}

fn tally(gold: &[(usize, usize)], predicted: &[(usize, usize)]) -> Tally {
    let g: HashSet<(usize, usize)> = gold.iter().copied().collect();
    let p: HashSet<(usize, usize)> = predicted.iter().copied().collect();
    let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
    Tally {
        gold: g.len(),
        predicted: p.len(),
        exact: g.intersection(&p).count(),
        gold_overlapped: g
            .iter()
            .filter(|x| p.iter().any(|y| overlaps(x, y)))
            .count(),
        predicted_overlapping: p
            .iter()
            .filter(|x| g.iter().any(|y| overlaps(x, y)))
            .count(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!(
            "{}/../shared/corpora/ner-wikipedia/ner.json",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let sentences: Vec<Sentence> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let extractor = Extractor::new()?;
    let org_types = ["法人名", "政治的組織名", "その他の組織名"];
    let show_errors = std::env::var_os("NER_ERRORS").is_some();
    let started = std::time::Instant::now();
    let (people, orgs) = sentences
        .par_iter()
        .map(|s| {
            let Ok(ex) = extractor.extract(&s.text) else {
                return (Tally::default(), Tally::default());
            };
            let gold_people: Vec<(usize, usize)> = s
                .entities
                .iter()
                .filter(|e| e.kind == "人名")
                .map(|e| (e.span[0], e.span[1]))
                .collect();
            let gold_orgs: Vec<(usize, usize)> = s
                .entities
                .iter()
                .filter(|e| org_types.contains(&e.kind.as_str()))
                .map(|e| (e.span[0], e.span[1]))
                .collect();
            let pred_people: Vec<(usize, usize)> = ex
                .people
                .iter()
                .flat_map(|p| p.mentions.iter().map(|m| (m.span.char[0], m.span.char[1])))
                .collect();
            let pred_orgs: Vec<(usize, usize)> = ex
                .organizations
                .iter()
                .flat_map(|o| {
                    o.mentions
                        .iter()
                        .filter(|m| m.via != Via::SelfReference)
                        .map(|m| (m.span.char[0], m.span.char[1]))
                })
                .collect();
            // NER_ERRORS=1: print the organizations that overlap no gold entity, to write rules against
            if show_errors {
                let chars: Vec<char> = s.text.chars().collect();
                for &(a, b) in &pred_orgs {
                    if !s.entities.iter().any(|e| e.span[0] < b && a < e.span[1]) {
                        eprintln!(
                            "extra org {:?} in {}",
                            chars[a..b].iter().collect::<String>(),
                            s.text
                        );
                    }
                }
            }
            (
                tally(&gold_people, &pred_people),
                tally(&gold_orgs, &pred_orgs),
            )
        })
        .reduce(
            || (Tally::default(), Tally::default()),
            |mut a, b| {
                a.0.add(b.0);
                a.1.add(b.1);
                a
            },
        );
    println!(
        "{} sentences from {path} in {:.1} s",
        sentences.len(),
        started.elapsed().as_secs_f64()
    );
    println!();
    println!(
        "| field | gold | predicted | precision | recall | F1 | precision (overlap) | recall (overlap) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    println!("{}", people.row("people (人名)"));
    println!(
        "{}",
        orgs.row("organizations (法人名, 政治的組織名, その他の組織名)")
    );
    Ok(())
}
