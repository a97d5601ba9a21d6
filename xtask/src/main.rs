//! Project chores for ja-press, run as `cargo xtask <command>`.
//!
//! * `dict [--from PATH] [--force]`: make sure the IPADIC that `lindera-ipadic`
//!   embeds is in the build cache (`.dict-cache/`, see `.cargo/config.toml`).
//!   lindera-ipadic's own build script downloads the dictionary from lindera's
//!   host; where that host is unreachable (this project's CI), the same
//!   dictionary is built here from Debian's `mecab-ipadic` package, and the
//!   build script finds it in the cache and downloads nothing.
//! * `test`: `dict`, the layout check (`cargo fmt --check`, where rustfmt is
//!   installed), then the whole test suite.
//! * `demo`: `dict`, then the CLI over the bundled fixtures, as a text summary.

mod dict;

use std::process::{Command, ExitCode};

fn usage() -> &'static str {
    "usage: cargo xtask <command>\n\
     \n\
     commands:\n\
     \x20 dict [--from PATH] [--force]  fill the IPADIC build cache (PATH: a mecab-ipadic .deb\n\
     \x20                               or a folder of IPADIC *.csv/*.def, EUC-JP or UTF-8)\n\
     \x20 test                          dict, `cargo fmt --check`, then `cargo test --workspace`\n\
     \x20 demo                          dict, then `ja-press --format text fixtures/`\n"
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprint!("{}", usage());
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match command.as_str() {
        "dict" => dict::run(rest),
        "test" => dict::run(&[])
            .and_then(|()| layout())
            .and_then(|()| cargo(&["test", "--workspace", "--locked"])),
        "demo" => dict::run(&[]).and_then(|()| {
            cargo(&[
                "run",
                "--release",
                "--locked",
                "--quiet",
                "--",
                "--format",
                "text",
                "fixtures",
            ])
        }),
        "-h" | "--help" | "help" => {
            print!("{}", usage());
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{}", usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo fmt --all --check`, skipped with a note where rustfmt is not installed (a
/// minimal toolchain): the layout is checked wherever it can be, the tests run everywhere.
fn layout() -> Result<(), String> {
    let program = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let installed = Command::new(&program)
        .args(["fmt", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!("xtask: rustfmt is not installed; the layout check is skipped");
        return Ok(());
    }
    cargo(&["fmt", "--all", "--check"])
        .map_err(|e| format!("{e}: the layout differs from rustfmt's, run `cargo fmt --all`"))
}

/// Runs cargo with `args` from the workspace root, inheriting stdio.
fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .args(args)
        .current_dir(dict::workspace_root())
        .status()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}
