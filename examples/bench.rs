//! Whole-process figures for README: full extraction against the tokenizer alone on
//! one core, the CLI's wall time on one small file, and peak memory, in process and
//! for the CLI on a folder of generated documents.
//!
//! ```sh
//! cargo run --release --example bench                # everything (about two minutes)
//! cargo run --release --example bench -- --docs 2000 # a smaller folder for the memory run
//! cargo run --release --example bench -- --no-cli    # in-process figures only
//! ```
//!
//! It builds the release `ja-press` binary first (through `$CARGO`, which `cargo run`
//! sets) and spawns it; `JA_PRESS_BIN` names another binary. Options: `--seconds S`
//! (time per in-process measurement, default 5), `--docs N` (the folder's size,
//! default 10000), `--runs N` (CLI spawns on one file, default 15), `--no-cli`, and
//! `--only full|tokenizer` (one loop for S seconds and no report, to run under
//! `perf record`; with `--passes N`, exactly N passes over the corpus, so that
//! `valgrind --tool=callgrind` counts the same instructions on every run).
//!
//! The in-process loop runs on the calling thread only (the library starts no threads),
//! so its figures are for one core. The corpus is every `.txt` and `.html` under
//! `fixtures/`, read once; "tokenizer alone" tokenizes the text the extractor reads
//! (a page's extracted text for HTML), and both rates are over the same input bytes.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ja_press::{Document, Extractor, InputKind};

/// The allocator the `ja-press` binary uses (see its `main.rs`), so that the in-process
/// figures are the CLI's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

struct Options {
    seconds: f64,
    docs: usize,
    runs: usize,
    cli: bool,
    /// Only one of the in-process measurements (for a profiler): "full" or "tokenizer".
    only: Option<String>,
    /// With `--only`: exactly this many passes instead of `seconds` (for callgrind,
    /// whose instruction counts then repeat from run to run).
    passes: Option<usize>,
}

fn options() -> Res<Options> {
    let mut o = Options {
        seconds: 5.0,
        docs: 10_000,
        runs: 15,
        cli: true,
        only: None,
        passes: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => o.seconds = value("--seconds")?.parse()?,
            "--docs" => o.docs = value("--docs")?.parse()?,
            "--runs" => o.runs = value("--runs")?.parse::<usize>()?.max(1),
            "--no-cli" => o.cli = false,
            "--passes" => o.passes = Some(value("--passes")?.parse()?),
            "--only" => {
                o.only = Some(value("--only")?);
                o.cli = false;
            }
            "--bench" => {} // passed by `cargo bench`-style runners; ignored
            other => {
                return Err(
                    format!("unknown option {other}; see the top of examples/bench.rs").into(),
                );
            }
        }
    }
    Ok(o)
}

/// The fixtures corpus: every .txt and .html under fixtures/, sorted.
fn corpus_files() -> Res<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for sub in ["seeds", "corpus"] {
        for entry in std::fs::read_dir(root.join(sub))? {
            let path = entry?.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "html")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

struct Rate {
    docs_per_s: f64,
    mb_per_s: f64,
    chars_per_s: f64,
}

/// This process's CPU time (user + system), from /proc/self/stat, in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces) start after ") ".
    let rest = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0) // USER_HZ is 100 on Linux
}

/// Times `a` and `b` (each one pass over the corpus) in alternation until each has run
/// for `seconds` of CPU time, so that load from other processes on the machine weighs
/// on both alike. Returns each one's seconds per pass: CPU time where /proc gives it
/// (the loop is single-threaded), wall time otherwise.
fn measure_pair(
    seconds: f64,
    mut a: impl FnMut() -> Res<()>,
    mut b: impl FnMut() -> Res<()>,
) -> Res<(f64, f64, bool)> {
    a()?; // warm-up: page in the dictionary, build the lazy regexes
    b()?;
    let cpu = cpu_seconds().is_some();
    let now = || {
        if cpu {
            cpu_seconds().unwrap_or(0.0)
        } else {
            0.0
        }
    };
    let (mut ta, mut tb, mut passes) = (0.0f64, 0.0f64, 0usize);
    while passes < 3 || ta + tb < 2.0 * seconds {
        for (f, t) in [
            (&mut a as &mut dyn FnMut() -> Res<()>, &mut ta),
            (&mut b, &mut tb),
        ] {
            let (c0, w0) = (now(), Instant::now());
            f()?;
            *t += if cpu {
                now() - c0
            } else {
                w0.elapsed().as_secs_f64()
            };
        }
        passes += 1;
    }
    Ok((ta / passes as f64, tb / passes as f64, cpu))
}

fn rate(per_pass: f64, docs: usize, bytes: usize, chars: usize) -> Rate {
    Rate {
        docs_per_s: docs as f64 / per_pass,
        mb_per_s: bytes as f64 / per_pass / 1e6,
        chars_per_s: chars as f64 / per_pass,
    }
}

/// A field of /proc/<pid>/status in kB (VmHWM, VmRSS).
fn status_kb(pid: &str, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or_else(|| "unknown CPU".to_string(), |m| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or_else(String::new, |kb| {
            format!(", {:.0} GB RAM", kb as f64 / 1024.0 / 1024.0)
        });
    format!("{model}, {cores} cores{mem}, Linux")
}

/// The release `ja-press` next to this example (target/release/examples/bench →
/// target/release/ja-press), built first through `$CARGO` when run by cargo.
fn cli_binary() -> Res<PathBuf> {
    if let Ok(bin) = std::env::var("JA_PRESS_BIN") {
        return Ok(PathBuf::from(bin));
    }
    if let Ok(cargo) = std::env::var("CARGO") {
        let status = Command::new(cargo)
            .args(["build", "--release", "--quiet", "--bin", "ja-press"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()?;
        if !status.success() {
            return Err("cargo build --release --bin ja-press failed".into());
        }
    }
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .ok_or("no target directory")?;
    let bin = dir.join(format!("ja-press{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        return Err(format!(
            "{} not found; run `cargo build --release` or set JA_PRESS_BIN",
            bin.display()
        )
        .into());
    }
    Ok(bin)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Writes `n` documents made from the fixtures, varied (a serial line, shifted years
/// and numbers), 100 to a folder.
fn generate(dir: &Path, docs: &[(PathBuf, Document)], n: usize) -> Res<u64> {
    let mut bytes = 0u64;
    for i in 0..n {
        let (path, doc) = &docs[i % docs.len()];
        let sub = dir.join(format!("{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        let year = 2000 + (i % 25);
        let text = doc
            .text()
            .replace("2018年", &format!("{year}年"))
            .replace("第1回", &format!("第{}回", i % 9 + 1));
        let (ext, body) = match doc.kind() {
            InputKind::Html => (
                "html",
                text.replacen("<body>", &format!("<body><p>整理番号 {i}</p>"), 1),
            ),
            InputKind::Text => ("txt", format!("整理番号 {i}\n{text}")),
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
        let file = sub.join(format!("{i:05}_{stem}.{ext}"));
        std::fs::write(&file, &body)?;
        bytes += body.len() as u64;
    }
    Ok(bytes)
}

struct CliRun {
    wall: Duration,
    peak_kb: Option<u64>,
    lines: usize,
    ok: bool,
}

/// Runs `ja-press` on a folder, polling the child's VmHWM (its high-water mark) while
/// it runs, and counting its output lines.
fn run_on_folder(bin: &Path, dir: &Path, extra: &[&str]) -> Res<CliRun> {
    let started = Instant::now();
    let mut child = Command::new(bin)
        .args(extra)
        .args(["-q", "--format", "jsonl"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let pid = child.id().to_string();
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let counter =
        std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).count());
    let mut peak = None;
    let status = loop {
        if let Some(kb) = status_kb(&pid, "VmHWM") {
            peak = Some(peak.map_or(kb, |p: u64| p.max(kb)));
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let wall = started.elapsed();
    let lines = counter.join().map_err(|_| "output reader panicked")?;
    Ok(CliRun {
        wall,
        peak_kb: peak,
        lines,
        ok: status.success(),
    })
}

/// Peak RSS of a child as `/usr/bin/time -v` reports it, when that is installed.
fn time_v_peak_kb(bin: &Path, dir: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .arg("-v")
        .arg(bin)
        .args(["-q", "--format", "jsonl"])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("Maximum resident set size"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

fn mb(kb: u64) -> String {
    format!("{:.0} MB", kb as f64 / 1024.0)
}

fn main() -> Res<()> {
    let o = options()?;
    let load_started = Instant::now();
    let extractor = Extractor::new()?;
    let load = load_started.elapsed();

    let files = corpus_files()?;
    let mut docs = Vec::new();
    for path in &files {
        docs.push((path.clone(), ja_press::read_document(path)?));
    }
    // What the tokenizer alone reads: the text itself, or a page's extracted text.
    let mut plain = Vec::new();
    for (_, doc) in &docs {
        plain.push(match doc.kind() {
            InputKind::Text => doc.text().to_string(),
            InputKind::Html => extractor
                .extract_document(doc)?
                .document_text
                .unwrap_or_default(),
        });
    }
    let bytes: usize = docs.iter().map(|(_, d)| d.text().len()).sum();
    let chars: usize = docs.iter().map(|(_, d)| d.text().chars().count()).sum();
    let n = docs.len();
    let html = docs
        .iter()
        .filter(|(_, d)| d.kind() == InputKind::Html)
        .count();
    eprintln!(
        "corpus: {n} documents ({html} HTML), {bytes} bytes, {chars} chars; measuring for about {:.0} s",
        2.0 * o.seconds
    );

    if let Some(only) = &o.only {
        // For `perf record`: one loop, no report.
        let started = Instant::now();
        let mut done = 0usize;
        while o
            .passes
            .map_or(started.elapsed().as_secs_f64() < o.seconds, |p| done < p)
        {
            done += 1;
            for ((_, doc), text) in docs.iter().zip(&plain) {
                match only.as_str() {
                    "full" => drop(std::hint::black_box(extractor.extract_document(doc)?)),
                    "tokenizer" => drop(std::hint::black_box(extractor.tokenize_only(text)?)),
                    _ => return Err("--only takes full or tokenizer".into()),
                }
            }
        }
        return Ok(());
    }

    let (mut items, mut tokens) = (0usize, 0usize);
    let wall = Instant::now();
    let (full_pass, tok_pass, by_cpu) = measure_pair(
        o.seconds,
        || {
            for (_, doc) in &docs {
                let ex = extractor.extract_document(doc)?;
                items +=
                    ex.dates.len() + ex.organizations.len() + ex.people.len() + ex.counts.len();
            }
            Ok(())
        },
        || {
            for text in &plain {
                tokens += extractor.tokenize_only(text)?;
            }
            Ok(())
        },
    )?;
    let wall = wall.elapsed().as_secs_f64();
    let (full, tok) = (
        rate(full_pass, n, bytes, chars),
        rate(tok_pass, n, bytes, chars),
    );
    std::hint::black_box((items, tokens));
    let in_process_peak = status_kb("self", "VmHWM");

    println!("## ja-press benchmarks\n");
    println!("Machine: {}", machine());
    println!(
        "Command: `cargo run --release --example bench` (ja-press {})\n",
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "Corpus: the {n} fixtures ({html} HTML), {:.0} kB, {chars} chars; in process, one thread, \
         the two loops alternating for {:.0} s; rates per {} second.\n",
        bytes as f64 / 1000.0,
        wall,
        if by_cpu { "CPU" } else { "wall-clock" }
    );
    println!("| | documents/s | MB/s | chars/s |");
    println!("|---|---:|---:|---:|");
    println!(
        "| full extraction | {:.0} | {:.2} | {:.0} |",
        full.docs_per_s, full.mb_per_s, full.chars_per_s
    );
    println!(
        "| tokenizer alone (lindera + IPADIC) | {:.0} | {:.2} | {:.0} |",
        tok.docs_per_s, tok.mb_per_s, tok.chars_per_s
    );
    println!(
        "| ratio extraction / tokenizer | {:.2}× | | |\n",
        full.mb_per_s / tok.mb_per_s
    );

    let mut rows = vec![
        (
            "extraction / tokenizer-alone throughput".to_string(),
            "≥ 0.5×".to_string(),
            format!("{:.2}×", full.mb_per_s / tok.mb_per_s),
        ),
        (
            "characters per second, one core".to_string(),
            "≥ 1,000,000".to_string(),
            format!("{:.0}", full.chars_per_s),
        ),
        (
            "dictionary load (`Extractor::new`), in process".to_string(),
            "".to_string(),
            format!("{:.0} ms", load.as_secs_f64() * 1000.0),
        ),
        (
            "peak memory, in process (VmHWM)".to_string(),
            "".to_string(),
            in_process_peak.map_or("?".into(), mb),
        ),
    ];

    if o.cli {
        let bin = cli_binary()?;
        // One small file: the smallest seed.
        let small = files
            .iter()
            .filter(|p| p.to_string_lossy().contains("seeds"))
            .min_by_key(|p| std::fs::metadata(p).map_or(u64::MAX, |m| m.len()))
            .ok_or("no seed file")?;
        let size = std::fs::metadata(small)?.len();
        let mut walls = Vec::new();
        for i in 0..=o.runs {
            let started = Instant::now();
            let out = Command::new(&bin)
                .arg("-q")
                .arg(small)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            if !out.success() {
                return Err(format!("ja-press {} failed", small.display()).into());
            }
            if i > 0 {
                walls.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let name = small
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        rows.push((
            format!(
                "CLI on one small file ({name}, {size} bytes), median of {}",
                o.runs
            ),
            "< 100 ms".into(),
            format!(
                "{:.0} ms (min {:.0}, max {:.0})",
                median(walls.clone()),
                walls.iter().cloned().fold(f64::MAX, f64::min),
                walls.iter().cloned().fold(0.0, f64::max)
            ),
        ));

        // A folder of generated documents: peak memory and wall time, and a tenth of it
        // to show memory stays flat as the folder grows.
        let tmp = tempfile::tempdir()?;
        let big = tmp.path().join("big");
        let generated = generate(&big, &docs, o.docs)?;
        let small_n = (o.docs / 10).max(1);
        let tenth = tmp.path().join("tenth");
        generate(&tenth, &docs, small_n)?;
        eprintln!(
            "generated {} documents ({:.1} MB) in {}",
            o.docs,
            generated as f64 / 1e6,
            big.display()
        );
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let run = run_on_folder(&bin, &big, &[])?;
        let run_tenth = run_on_folder(&bin, &tenth, &[])?;
        let exact = time_v_peak_kb(&bin, &big);
        if !run.ok || run.lines != o.docs {
            eprintln!(
                "warning: ja-press on the folder: success {}, {} output lines for {} documents",
                run.ok, run.lines, o.docs
            );
        }
        let peak = exact.or(run.peak_kb);
        rows.push((
            format!(
                "peak memory, CLI on a folder of {} documents ({:.0} MB)",
                o.docs,
                generated as f64 / 1e6
            ),
            "< 200 MB".into(),
            format!(
                "{}{}",
                peak.map_or("?".into(), mb),
                if exact.is_some() {
                    " (`/usr/bin/time -v`)"
                } else {
                    " (VmHWM, polled)"
                }
            ),
        ));
        rows.push((
            format!("peak memory, CLI on {small_n} of them"),
            "flat".into(),
            run_tenth.peak_kb.map_or("?".into(), mb),
        ));
        rows.push((
            format!(
                "CLI wall time on the {} documents ({cores} threads)",
                o.docs
            ),
            "".into(),
            format!(
                "{:.1} s ({:.0} documents/s, {:.2} MB/s)",
                run.wall.as_secs_f64(),
                o.docs as f64 / run.wall.as_secs_f64(),
                generated as f64 / 1e6 / run.wall.as_secs_f64()
            ),
        ));
    }

    println!("| target | goal | measured |");
    println!("|---|---|---|");
    for (what, goal, got) in rows {
        println!("| {what} | {goal} | {got} |");
    }
    Ok(())
}
