//! `cargo xtask dict`: put the IPADIC build where lindera-ipadic's build script looks first.
//!
//! lindera-ipadic's build script, when `LINDERA_BUILD_DICTIONARY_CACHE_DIR` is set
//! (`.cargo/config.toml` sets it to `.dict-cache/`), uses
//! `<cache>/<lindera-ipadic version>-fmt<format version>/lindera-ipadic/` if that
//! directory holds a build whose `metadata.json` matches the crate's own; only
//! otherwise does it download the sources from lindera's host. This step fills that
//! directory from Debian's `mecab-ipadic` package (EUC-JP sources, converted to
//! UTF-8) with lindera's own `DictionaryBuilder`, so nothing else is downloaded.
//!
//! The version and the metadata are read from the lindera-ipadic that Cargo.lock
//! pins (via `cargo metadata`), so the cache path and the metadata always match the
//! crate that will read them.

use std::fs;
use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::{DICTIONARY_FORMAT_VERSION, Metadata};

/// The files a complete lindera IPADIC build holds; a cache missing one is rebuilt.
const BUILT_FILES: &[&str] = &[
    "metadata.json",
    "char_def.bin",
    "unk.bin",
    "matrix.mtx",
    "dict.trie",
    "dict.vals",
    "dict.valsidx",
    "dict.words",
    "dict.wordsidx",
];

/// The workspace root (the folder above `xtask/`).
pub fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

struct Options {
    from: Option<PathBuf>,
    force: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        from: None,
        force: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--from" => {
                let path = it.next().ok_or("--from needs a path")?;
                options.from = Some(PathBuf::from(path));
            }
            "--force" => options.force = true,
            other => return Err(format!("dict: unknown option `{other}`")),
        }
    }
    Ok(options)
}

/// The lindera-ipadic crate that Cargo.lock resolves to.
struct IpadicCrate {
    version: String,
    dir: PathBuf,
}

fn ipadic_crate(root: &Path) -> Result<IpadicCrate, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("could not run `cargo metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("`cargo metadata` printed bad JSON: {e}"))?;
    let packages = json["packages"]
        .as_array()
        .ok_or("`cargo metadata` listed no packages")?;
    let package = packages
        .iter()
        .find(|p| p["name"] == "lindera-ipadic")
        .ok_or(
            "lindera-ipadic is not in the dependency graph (is the `embed-ipadic` feature off?)",
        )?;
    let version = package["version"]
        .as_str()
        .ok_or("lindera-ipadic has no version")?
        .to_string();
    let manifest = package["manifest_path"]
        .as_str()
        .ok_or("lindera-ipadic has no manifest path")?;
    let dir = Path::new(manifest)
        .parent()
        .ok_or("bad manifest path")?
        .to_path_buf();
    Ok(IpadicCrate { version, dir })
}

fn cache_root(root: &Path) -> PathBuf {
    match std::env::var_os("LINDERA_BUILD_DICTIONARY_CACHE_DIR") {
        Some(dir) if Path::new(&dir).is_absolute() => PathBuf::from(dir),
        Some(dir) => root.join(dir),
        None => root.join(".dict-cache"),
    }
}

fn read_metadata(path: &Path) -> Result<Metadata, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The same test lindera-ipadic's build script applies before it trusts a cache.
fn is_current(out: &Path, source: &Metadata) -> bool {
    if BUILT_FILES.iter().any(|f| !out.join(f).is_file()) {
        return false;
    }
    let Ok(cached) = read_metadata(&out.join("metadata.json")) else {
        return false;
    };
    if cached.format_version != DICTIONARY_FORMAT_VERSION {
        return false;
    }
    let strip = |m: &Metadata| {
        let mut v = serde_json::to_value(m).ok()?;
        if let Some(o) = v.as_object_mut() {
            o.remove("format_version");
            o.remove("context_id_map");
        }
        Some(v)
    };
    matches!((strip(&cached), strip(source)), (Some(a), Some(b)) if a == b)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let root = workspace_root();
    let ipadic = ipadic_crate(&root)?;
    let metadata = read_metadata(&ipadic.dir.join("metadata.json"))?;
    let build_dir =
        cache_root(&root).join(format!("{}-fmt{DICTIONARY_FORMAT_VERSION}", ipadic.version));
    let out = build_dir.join("lindera-ipadic");

    if !options.force && is_current(&out, &metadata) {
        eprintln!(
            "dict: IPADIC for lindera-ipadic {} is in {}",
            ipadic.version,
            out.display()
        );
        return Ok(());
    }

    let work = build_dir.join("xtask-work");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    let sources = match &options.from {
        Some(path) => sources_from_path(path, &work)?,
        None => match sources_from_debian(&work) {
            Ok(dir) => dir,
            Err(debian) => {
                let _ = fs::remove_dir_all(&work);
                return fall_back_to_lindera(&ipadic, &build_dir, &debian);
            }
        },
    };

    let utf8 = work.join("utf8");
    convert_to_utf8(&sources, &utf8)?;
    let built = work.join("built");
    eprintln!("dict: building IPADIC from {}", sources.display());
    DictionaryBuilder::new(metadata.clone())
        .build_dictionary(&utf8, &built)
        .map_err(|e| format!("building the dictionary failed: {e}"))?;
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    fs::rename(&built, &out)
        .map_err(|e| format!("{} -> {}: {e}", built.display(), out.display()))?;
    let _ = fs::remove_dir_all(&work);
    if !is_current(&out, &metadata) {
        return Err(format!("the build in {} is incomplete", out.display()));
    }
    eprintln!(
        "dict: IPADIC for lindera-ipadic {} built into {}",
        ipadic.version,
        out.display()
    );
    Ok(())
}

/// A `.deb`, an extracted package, or a folder holding the IPADIC sources.
fn sources_from_path(path: &Path, work: &Path) -> Result<PathBuf, String> {
    if path.is_file() {
        let extracted = work.join("deb");
        run_command(Command::new("dpkg-deb").arg("-x").arg(path).arg(&extracted))
            .map_err(|e| format!("could not unpack {}: {e}", path.display()))?;
        return ipadic_dir_in(&extracted);
    }
    if path.is_dir() {
        return ipadic_dir_in(path);
    }
    Err(format!("{}: no such file or folder", path.display()))
}

fn ipadic_dir_in(dir: &Path) -> Result<PathBuf, String> {
    for candidate in [dir.join("usr/share/mecab/dic/ipadic"), dir.to_path_buf()] {
        if candidate.join("matrix.def").is_file() && candidate.join("char.def").is_file() {
            return Ok(candidate);
        }
    }
    Err(format!(
        "{}: no IPADIC sources (matrix.def, char.def, *.csv) found there",
        dir.display()
    ))
}

/// `apt-get download mecab-ipadic` (no root needed), with an `apt-get update` first
/// when the package lists are empty, then `dpkg-deb -x`.
fn sources_from_debian(work: &Path) -> Result<PathBuf, String> {
    let download = || {
        run_command(
            Command::new("apt-get")
                .args(["download", "-q", "mecab-ipadic"])
                .current_dir(work),
        )
    };
    match download() {
        Ok(()) => {}
        Err(e) if e.contains("not found") || e.contains("could not start") => {
            return Err(format!("apt-get is not available ({e})"));
        }
        Err(first) => {
            eprintln!(
                "dict: `apt-get download mecab-ipadic` failed; running `apt-get update` and trying again"
            );
            run_command(Command::new("apt-get").args(["update", "-q"])).map_err(|e| {
                format!("`apt-get download` failed ({first}) and `apt-get update` failed ({e})")
            })?;
            download().map_err(|e| format!("`apt-get download mecab-ipadic` failed: {e}"))?;
        }
    }
    let deb = fs::read_dir(work)
        .map_err(|e| format!("{}: {e}", work.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or("apt-get reported success but left no .deb")?;
    sources_from_path(&deb, work)
}

/// No Debian package: lindera-ipadic's build script will download the sources itself
/// if its host answers. Say so, or say what to do when it does not.
fn fall_back_to_lindera(
    ipadic: &IpadicCrate,
    build_dir: &Path,
    debian: &str,
) -> Result<(), String> {
    let build_rs = fs::read_to_string(ipadic.dir.join("build.rs")).unwrap_or_default();
    let urls: Vec<&str> = build_rs
        .split('"')
        .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
        .collect();
    let archive = urls
        .first()
        .and_then(|u| u.rsplit('/').next())
        .unwrap_or("the mecab-ipadic archive");
    let mut reasons = Vec::new();
    for url in &urls {
        match reachable(url) {
            Ok(()) => {
                eprintln!(
                    "dict: Debian's mecab-ipadic is not available ({debian});\n\
                     dict: {url} answers, so lindera-ipadic's build script will download it during the build."
                );
                return Ok(());
            }
            Err(e) => reasons.push(format!("{url}: {e}")),
        }
    }
    Err(format!(
        "neither source of the IPADIC dictionary is reachable.\n\
         \x20 - Debian's mecab-ipadic package: {debian}\n\
         \x20 - lindera's download: {}\n\
         What to do, any one of:\n\
         \x20 1. on a Debian or Ubuntu machine with its package mirror: `apt-get update`, then `cargo xtask dict`;\n\
         \x20 2. copy mecab-ipadic_*.deb (or a folder of IPADIC *.csv and *.def files) here, then\n\
         \x20    `cargo xtask dict --from PATH`;\n\
         \x20 3. put {archive} into {}/ and run the build again: lindera builds from it without downloading.",
        if reasons.is_empty() {
            "no download URL found in lindera-ipadic's build.rs".to_string()
        } else {
            reasons.join("; ")
        },
        build_dir.display()
    ))
}

fn reachable(url: &str) -> Result<(), String> {
    let rest = url.split("://").nth(1).ok_or("not a URL")?;
    let host = rest.split('/').next().unwrap_or(rest);
    let port = if url.starts_with("https") { 443 } else { 80 };
    let addrs = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("name lookup failed: {e}"))?;
    let mut last = "no address".to_string();
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
            Ok(_) => return Ok(()),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// Copies the `.csv` and `.def` files, converting EUC-JP (Debian's encoding) to UTF-8.
fn convert_to_utf8(src: &Path, dst: &Path) -> Result<(), String> {
    fs::create_dir_all(dst).map_err(|e| format!("{}: {e}", dst.display()))?;
    let mut copied = 0;
    for entry in fs::read_dir(src).map_err(|e| format!("{}: {e}", src.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let keep = path.extension().is_some_and(|x| x == "csv" || x == "def");
        if !keep {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                let (text, _, had_errors) = encoding_rs::EUC_JP.decode(&bytes);
                if had_errors {
                    return Err(format!("{}: neither UTF-8 nor EUC-JP", path.display()));
                }
                text.into_owned()
            }
        };
        let name = path.file_name().ok_or("file without a name")?;
        fs::write(dst.join(name), text).map_err(|e| format!("{}: {e}", dst.display()))?;
        copied += 1;
    }
    if copied == 0 {
        return Err(format!("{}: no .csv or .def files", src.display()));
    }
    Ok(())
}

fn run_command(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| {
        if e.kind() == ErrorKind::NotFound {
            format!("{:?} not found", command.get_program())
        } else {
            format!("could not start {:?}: {e}", command.get_program())
        }
    })?;
    if output.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(format!("{} ({})", stderr.trim(), output.status))
    }
}
