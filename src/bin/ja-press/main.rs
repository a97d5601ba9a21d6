//! The `ja-press` command: facts from Japanese press releases, as JSON.
//!
//! `ja-press FILE` prints one JSON object; several files or a folder print JSON Lines;
//! `--jsonl` streams `{"id","text"}` lines from stdin. `eval` scores against answer
//! keys and `diff` compares two runs (see `--help`).

mod batch;
mod diff;
mod eval;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// mimalloc: the extractor allocates many small strings and vectors per document, and
/// mimalloc serves them with about 4 % fewer instructions per document than the system
/// allocator (see docs/bench-and-robustness.md). The library itself leaves the choice to
/// the program that uses it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Typed, normalized facts from Japanese press releases (text or HTML), with spans.
#[derive(Parser, Debug)]
#[command(
    name = "ja-press",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    extract: ExtractArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score the extractor against answer keys: precision, recall and F1 per field
    ///
    /// Runs the extractor on every document of DOCS_DIR that has an answer key
    /// GOLD_DIR/NAME.json (the document is NAME.txt, NAME.html or NAME.htm) and prints
    /// the figures of `score.py`. Exit status: 0; 1 when a floor (--min-f1, --min-micro)
    /// is not met or a key has no readable document; 2 for usage errors and malformed keys.
    Eval(eval::EvalArgs),
    /// Compare two runs (JSON Lines) document by document and field by field
    ///
    /// Documents are paired by `source`; items by name (organizations, people) or text
    /// (dates, counts…). Spans are ignored, values are not. Exit status: 0; 1 with
    /// --fail-on-change when anything changed; 2 for unreadable files or bad JSON lines.
    Diff(diff::DiffArgs),
}

/// Report formats of `eval` and `diff`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum ReportFormat {
    /// For people: a table, or a list of changes
    #[default]
    Text,
    /// For machines: one JSON object
    Json,
}

/// Options of the extractor, shared by every command.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct Common {
    /// A lindera user dictionary: CSV lines of `surface,part_of_speech,reading`
    /// (part of speech 組織 for organizations, 人名 for people)
    #[arg(long, value_name = "FILE.csv")]
    pub user_dict: Option<PathBuf>,
    /// Extra vocabulary (roles, legal forms, institutional heads…) as TOML
    #[arg(long, value_name = "FILE.toml")]
    pub vocab: Option<PathBuf>,
    /// Worker threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary on stderr
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// One pretty JSON object (the default for a single file)
    Json,
    /// One JSON object per line (the default for several files, a folder, or --jsonl)
    Jsonl,
    /// A human-readable summary
    Text,
}

/// How to read the inputs.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum InputArg {
    /// HTML by extension (.html, .htm) or by content, else text
    #[default]
    Auto,
    /// Always plain text
    Text,
    /// Always HTML
    Html,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct ExtractArgs {
    /// Files or folders (read recursively: .txt, .html, .htm); `-` or nothing reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Read JSON Lines from stdin, `{"id": …, "text": …}` or `{"id": …, "html": …}`, and
    /// write one result line per input line, streaming in bounded memory
    #[arg(long)]
    pub jsonl: bool,
    /// Force the input kind
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// JSON on one line even for a single file
    #[arg(long)]
    pub compact: bool,
    #[command(flatten)]
    pub common: Common,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => batch::run(&cli.extract),
        Some(Command::Eval(args)) => eval::run(&args),
        Some(Command::Diff(args)) => diff::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ja-press: {message}");
            ExitCode::from(2)
        }
    }
}

/// Builds the extractor from the shared options.
pub(crate) fn extractor(common: &Common) -> Result<ja_press::Extractor, String> {
    let mut builder = ja_press::Extractor::builder();
    if let Some(path) = &common.user_dict {
        builder = builder.user_dictionary(path);
    }
    if let Some(path) = &common.vocab {
        builder = builder.vocabulary_file(path).map_err(|e| e.to_string())?;
    }
    builder.build().map_err(|e| e.to_string())
}

/// Writes a report to stdout; a reader that went away (a closed pipe) is not an error.
pub(crate) fn print_stdout(report: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(report.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("writing the output: {e}"))
        }
        _ => Ok(()),
    }
}
