//! Files, folders and streams in; JSON, JSON Lines or a text summary out.
//!
//! Inputs are processed in parallel (rayon) in bounded batches and written in input
//! order (folders sorted by path), so memory stays flat however many documents there
//! are. A bad input is reported on stderr (and as an `{"source", "error"}` line in
//! JSON Lines) and the others go on; the exit code is 1 at the end if any failed.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use ja_press::{Document, Extraction, Extractor, InputKind};
use rayon::prelude::*;
use serde::Deserialize;

use crate::{ExtractArgs, Format, InputArg};

/// How many documents are in flight at once, per thread.
const BATCH_PER_THREAD: usize = 8;

/// One thing to read.
#[derive(Debug, Clone)]
enum Input {
    Stdin,
    File(PathBuf),
}

/// What became of one input.
type Outcome = Result<Extraction, String>;

struct Counts {
    documents: usize,
    errors: usize,
}

pub(crate) fn run(args: &ExtractArgs) -> Result<ExitCode, String> {
    if let Some(n) = args.common.threads {
        // Only fails if a pool exists already, which is fine.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let extractor = crate::extractor(&args.common)?;
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let counts = if args.jsonl {
        stream_jsonl(&extractor, args, &mut out)?
    } else {
        files(&extractor, args, &mut out)?
    };
    if let Err(e) = out.flush()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(format!("writing the output: {e}"));
    }
    let batch = args.jsonl || counts.documents + counts.errors > 1;
    if !args.common.quiet && batch {
        eprintln!(
            "ja-press: {} documents, {} errors, {:.2} s",
            counts.documents,
            counts.errors,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if counts.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files named, with folders expanded (recursively, sorted), and the errors met.
fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<(String, String)>, bool) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut any_dir = false;
    if paths.is_empty() {
        inputs.push(Input::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if !path.is_dir() {
            inputs.push(Input::File(path.clone()));
            continue;
        }
        any_dir = true;
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_document(e.path()) => {
                    inputs.push(Input::File(e.into_path()))
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e
                        .path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                    let reason = if e.loop_ancestor().is_some() {
                        "a symbolic link loop; skipped".to_string()
                    } else {
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    };
                    errors.push((at, reason));
                }
            }
        }
    }
    (inputs, errors, any_dir)
}

fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "html" | "htm" | "xhtml"
        )
    })
}

fn read(input: &Input, kind: InputArg) -> Result<Document, String> {
    let doc = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
                .map_err(|e| format!("-: {e}"))?;
            Document::from_bytes("-", &bytes)
        }
        Input::File(path) => ja_press::read_document(path),
    }
    .map_err(|e| e.to_string())?;
    Ok(match kind {
        InputArg::Auto => doc,
        InputArg::Text => doc.with_kind(InputKind::Text),
        InputArg::Html => doc.with_kind(InputKind::Html),
    })
}

fn files(
    extractor: &Extractor,
    args: &ExtractArgs,
    out: &mut impl Write,
) -> Result<Counts, String> {
    let (inputs, walk_errors, any_dir) = expand(&args.paths);
    let single = inputs.len() == 1 && !any_dir;
    let format = args
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let mut counts = Counts {
        documents: 0,
        errors: 0,
    };
    for (path, reason) in &walk_errors {
        eprintln!("ja-press: {path}: {reason}");
        counts.errors += 1;
        if format == Format::Jsonl {
            write_line(out, &serde_json::json!({ "source": path, "error": reason }))?;
        }
    }
    let progress = progress_bar(args, inputs.len());
    let batch = rayon::current_num_threads() * BATCH_PER_THREAD;
    for chunk in inputs.chunks(batch.max(1)) {
        let results: Vec<Outcome> = chunk
            .par_iter()
            .map(|input| {
                let doc = read(input, args.input)?;
                extractor
                    .extract_document(&doc)
                    .map_err(|e| format!("{}: {e}", doc.source().unwrap_or("-")))
            })
            .collect();
        for (input, result) in chunk.iter().zip(results) {
            progress.inc(1);
            match result {
                Ok(extraction) => {
                    counts.documents += 1;
                    if !emit(out, &extraction, format, args.compact)? {
                        return Ok(counts);
                    }
                }
                Err(message) => {
                    counts.errors += 1;
                    progress.suspend(|| eprintln!("ja-press: {message}"));
                    if format == Format::Jsonl {
                        let source = match input {
                            Input::Stdin => "-".to_string(),
                            Input::File(p) => p.display().to_string(),
                        };
                        write_line(
                            out,
                            &serde_json::json!({ "source": source, "error": message }),
                        )?;
                    }
                }
            }
        }
    }
    progress.finish_and_clear();
    Ok(counts)
}

/// A line of `--jsonl` input.
#[derive(Deserialize)]
struct JsonlInput {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
}

fn stream_jsonl(
    extractor: &Extractor,
    args: &ExtractArgs,
    out: &mut impl Write,
) -> Result<Counts, String> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines().enumerate();
    let mut counts = Counts {
        documents: 0,
        errors: 0,
    };
    let batch = rayon::current_num_threads() * BATCH_PER_THREAD;
    loop {
        let mut chunk: Vec<(usize, std::io::Result<String>)> = Vec::with_capacity(batch);
        for (n, line) in lines.by_ref() {
            chunk.push((n + 1, line));
            if chunk.len() >= batch {
                break;
            }
        }
        if chunk.is_empty() {
            return Ok(counts);
        }
        let results: Vec<(String, Outcome)> = chunk
            .into_par_iter()
            .filter(|(_, line)| line.as_ref().map_or(true, |l| !l.trim().is_empty()))
            .map(|(n, line)| one_jsonl(extractor, args.input, n, line))
            .collect();
        for (id, result) in results {
            match result {
                Ok(extraction) => {
                    counts.documents += 1;
                    if !emit(out, &extraction, Format::Jsonl, true)? {
                        return Ok(counts);
                    }
                }
                Err(message) => {
                    counts.errors += 1;
                    eprintln!("ja-press: {id}: {message}");
                    write_line(out, &serde_json::json!({ "source": id, "error": message }))?;
                }
            }
        }
    }
}

fn one_jsonl(
    extractor: &Extractor,
    kind: InputArg,
    n: usize,
    line: std::io::Result<String>,
) -> (String, Outcome) {
    let fallback = format!("line {n}");
    let line = match line {
        Ok(line) => line,
        Err(e) => return (fallback, Err(format!("unreadable line: {e}"))),
    };
    // (serde would also take an array, `["id", "text"]`, as the struct's fields in order)
    if !line.trim_start().starts_with('{') {
        return (
            fallback,
            Err("not a JSON object with \"text\" or \"html\"".to_string()),
        );
    }
    let input: JsonlInput = match serde_json::from_str(&line) {
        Ok(input) => input,
        Err(e) => {
            return (
                fallback,
                Err(format!("not a JSON object with \"text\" or \"html\": {e}")),
            );
        }
    };
    let id = match &input.id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => fallback,
    };
    let doc = match (input.text, input.html) {
        (Some(text), None) => Document::from_text(text),
        (None, Some(html)) => Document::from_html(html),
        (Some(_), Some(_)) => return (id, Err("both \"text\" and \"html\"; give one".to_string())),
        (None, None) => return (id, Err("no \"text\" or \"html\" field".to_string())),
    };
    let doc = match kind {
        InputArg::Auto => doc,
        InputArg::Text => doc.with_kind(InputKind::Text),
        InputArg::Html => doc.with_kind(InputKind::Html),
    }
    .with_source(id.clone());
    let result = extractor.extract_document(&doc).map_err(|e| e.to_string());
    (id, result)
}

/// Writes one result; `false` when the reader went away (a closed pipe).
fn emit(
    out: &mut impl Write,
    extraction: &Extraction,
    format: Format,
    compact: bool,
) -> Result<bool, String> {
    let written = match format {
        Format::Json if !compact => serde_json::to_writer_pretty(&mut *out, extraction)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Json | Format::Jsonl => serde_json::to_writer(&mut *out, extraction)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => write!(out, "{}", crate::summary::render(extraction)),
    };
    match written {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(format!("writing the output: {e}")),
    }
}

fn write_line(out: &mut impl Write, value: &serde_json::Value) -> Result<(), String> {
    match writeln!(out, "{value}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("writing the output: {e}"))
        }
        _ => Ok(()),
    }
}

fn progress_bar(args: &ExtractArgs, total: usize) -> ProgressBar {
    if args.common.quiet || total < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}
