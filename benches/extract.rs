//! Criterion benchmarks: the fixtures corpus (every `.txt` and `.html` under
//! `fixtures/`, read once) through full extraction, and the same corpus through the
//! tokenizer alone (`Extractor::tokenize_only`, lindera with IPADIC). Both report
//! throughput in input bytes, so criterion prints MB/s for each and the two compare.
//!
//! ```sh
//! cargo bench --bench extract
//! ```
//!
//! Whole-process figures (documents/s, chars/s, the CLI's wall time and peak memory)
//! come from `cargo run --release --example bench`.

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ja_press::{Document, Extractor, InputKind};

fn corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    for sub in ["seeds", "corpus"] {
        for entry in std::fs::read_dir(root.join(sub)).unwrap_or_else(|e| panic!("{sub}: {e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "html")
            ) {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| ja_press::read_document(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn benches(c: &mut Criterion) {
    let extractor = Extractor::new().unwrap_or_else(|e| panic!("{e}"));
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    // The tokenizer alone reads the text the extractor reads: the text itself, or an
    // HTML page's extracted text.
    let plain: Vec<String> = docs
        .iter()
        .map(|d| match d.kind() {
            InputKind::Text => d.text().to_string(),
            InputKind::Html => extractor
                .extract_document(d)
                .unwrap_or_else(|e| panic!("{e}"))
                .document_text
                .unwrap_or_default(),
        })
        .collect();

    let mut group = c.benchmark_group(format!("fixtures corpus ({} documents)", docs.len()));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("full extraction", |b| {
        b.iter(|| {
            for doc in &docs {
                std::hint::black_box(
                    extractor
                        .extract_document(doc)
                        .unwrap_or_else(|e| panic!("{e}")),
                );
            }
        })
    });
    group.bench_function("tokenizer alone", |b| {
        b.iter(|| {
            for text in &plain {
                std::hint::black_box(
                    extractor
                        .tokenize_only(text)
                        .unwrap_or_else(|e| panic!("{e}")),
                );
            }
        })
    });
    group.finish();
}

criterion_group!(extract, benches);
criterion_main!(extract);
