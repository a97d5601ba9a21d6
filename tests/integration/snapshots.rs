//! One snapshot per fixture document: a compact, line-per-fact view of what the
//! extractor finds (spans are checked by the property tests, not here). Each snapshot
//! was reviewed against its document and answer key; where it disagrees with the key,
//! the reason is in `fixtures/LIMITATIONS.md`.

use std::path::{Path, PathBuf};

use ja_press::{Extraction, Extractor, read_document};
use serde_json::{Value, json};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in ["seeds", "corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "html")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or("-".to_string(), |x| x.to_string())
}

fn plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The facts, one line each.
fn view(ex: &Extraction) -> Value {
    let orgs: Vec<String> = ex
        .organizations
        .iter()
        .map(|o| {
            let legal = o.legal_form.as_ref().map_or(String::new(), |l| {
                format!(", {} {}", l.name, plain(&l.position))
            });
            let mut s = format!("{} [{}{legal}]", o.name, plain(&o.kind));
            if !o.aliases.is_empty() {
                s += &format!(" aka {}", o.aliases.join(" / "));
            }
            if let Some(c) = &o.country {
                s += &format!(" country={c}");
            }
            if let Some(h) = &o.headquarters {
                s += &format!(" seat={h}");
            }
            s + &format!(" ({} mentions)", o.mentions.len())
        })
        .collect();
    let people: Vec<String> = ex
        .people
        .iter()
        .map(|p| {
            let roles: Vec<String> = p
                .roles
                .iter()
                .map(|r| format!("{} @ {}", r.role, opt(&r.organization)))
                .collect();
            format!("{} ({}) | {}", p.name, p.name_as_written, roles.join("; "))
        })
        .collect();
    let quotes: Vec<String> = ex
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{}: {}",
                opt(&q.speaker),
                q.text.chars().take(30).collect::<String>()
            )
        })
        .collect();
    let dates: Vec<String> = ex
        .dates
        .iter()
        .map(|d| {
            let ctx = d
                .context
                .as_ref()
                .map_or(String::new(), |c| format!(" +{c}"));
            format!(
                "{} = {} ({}, {}, {}){ctx}",
                d.text,
                d.value,
                plain(&d.precision),
                plain(&d.year_source),
                plain(&d.kind)
            )
        })
        .collect();
    let durations: Vec<String> = ex
        .durations
        .iter()
        .map(|d| format!("{} = {}", d.text, d.value))
        .collect();
    let counts: Vec<String> = ex
        .counts
        .iter()
        .map(|c| {
            let q = c
                .qualifier
                .map_or(String::new(), |q| format!(" {}", plain(&q)));
            format!(
                "{} = {} {} ({}){q}",
                c.text,
                c.value,
                c.unit,
                plain(&c.kind)
            )
        })
        .collect();
    let amounts: Vec<String> = ex
        .amounts
        .iter()
        .map(|a| format!("{} = {} {} ({})", a.text, a.value, a.unit, plain(&a.kind)))
        .collect();
    let partnerships: Vec<String> = ex
        .partnerships
        .iter()
        .map(|p| {
            format!(
                "{} {} {} | {} | ordinal {} country {} | {} contents",
                plain(&p.source),
                opt(&p.date),
                p.parties.join(" + "),
                opt(&p.agreement),
                opt(&p.ordinal),
                opt(&p.country),
                p.contents.len()
            )
        })
        .collect();
    let events: Vec<String> = ex
        .events
        .iter()
        .map(|e| format!("{} [{}] {}", e.date, opt(&e.category), e.title))
        .collect();
    let series: Vec<String> = ex
        .series
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.name,
                s.points
                    .iter()
                    .map(|p| format!("{}={}", p.label, p.value))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })
        .collect();
    json!({
        "title": ex.title,
        "publisher": ex.publisher,
        "release_date": ex.release_date.map(|d| d.to_string()),
        "organizations": orgs,
        "people": people,
        "quotes": quotes,
        "dates": dates,
        "durations": durations,
        "counts": counts,
        "amounts": amounts,
        "partnerships": partnerships,
        "events": events,
        "series": series,
    })
}

#[test]
fn fixture_snapshots() {
    let extractor = Extractor::new().expect("extractor");
    let files = fixtures();
    assert!(files.len() >= 30, "fixtures missing: {}", files.len());
    for path in files {
        let doc = read_document(&path).expect("fixture reads");
        let ex = extractor.extract_document(&doc).expect("fixture extracts");
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("fixture")
            .to_string();
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_json_snapshot!(name, view(&ex));
        });
    }
}
