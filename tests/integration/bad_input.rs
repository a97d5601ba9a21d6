//! Bad and extreme inputs: each gives a clear error or a correct result, and finishes.
//! (No timing is asserted; these only have to complete.)
//!
//! The 50 MB document is `#[ignore]`d in debug builds' default run (it takes minutes
//! unoptimized); a 5 MB one runs by default. Run it with
//! `cargo test --release --test integration bad_input:: -- --ignored`.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::common::{self, bin, extractor};
use ja_press::{Document, Error, InputKind};
use serde_json::Value;

fn run(args: &[&Path]) -> Output {
    bin()
        .arg("-q")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run ja-press: {e}"))
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

/// The fixture texts, concatenated with a serial line between copies, to `bytes` bytes.
fn big_document(bytes: usize) -> String {
    let lines = common::fixture_lines();
    let mut out = String::with_capacity(bytes + 4096);
    let mut copy = 0;
    while out.len() < bytes {
        out.push_str(&format!("\n整理番号 {copy}\n\n"));
        for line in &lines {
            out.push_str(line);
            out.push('\n');
            if out.len() >= bytes {
                break;
            }
        }
        copy += 1;
    }
    out
}

fn check_big(bytes: usize) {
    let text = big_document(bytes);
    let ex = extractor().extract(&text).unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(&text, &ex).unwrap_or_else(|e| panic!("{e}"));
    // facts from the whole length, not just its start
    let last = ex.dates.iter().map(|d| d.span.byte[1]).max().unwrap_or(0);
    assert!(
        last > text.len() * 9 / 10,
        "the last date ends at {last} of {}",
        text.len()
    );
    assert!(
        ex.organizations.len() > 10 && ex.counts.len() > 100,
        "{} organizations, {} counts",
        ex.organizations.len(),
        ex.counts.len()
    );
    // one record per organization, however many parts
    let mut names: Vec<&str> = ex.organizations.iter().map(|o| o.name.as_str()).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "an organization listed twice");
}

// ---------------------------------------------------------------- bytes

#[test]
fn invalid_utf8_is_a_clear_error() {
    let err = Document::from_bytes("bad.txt", &[0xE3, 0x81, 0x20, 0xFF, 0xFE, 0x41, 0x80, 0x80])
        .unwrap_err();
    assert!(matches!(err, Error::Encoding { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.starts_with("bad.txt: ") && msg.contains("UTF-8"),
        "{msg}"
    );
}

#[test]
fn binary_files_are_a_clear_error() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00";
    let controls: Vec<u8> = (0..512u32).map(|i| (i % 31 + 1) as u8).collect(); // no NUL, all controls
    for (name, bytes) in [
        ("a.png.txt", &png[..]),
        ("a.out.txt", &elf[..]),
        ("ctl.txt", &controls[..]),
    ] {
        let err = Document::from_bytes(name, bytes).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("{name}: ")) && msg.contains("binary"),
            "{msg}"
        );
    }
}

#[test]
fn empty_and_whitespace_are_empty_results() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\u{3000}\u{3000}\r\n\t \u{FEFF}",
        &" \n".repeat(100_000),
    ] {
        let doc =
            Document::from_bytes("blank.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let ex = extractor()
            .extract_document(&doc)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(ex.title.is_none() && ex.release_date.is_none(), "{text:?}");
        assert!(
            ex.organizations.is_empty()
                && ex.people.is_empty()
                && ex.dates.is_empty()
                && ex.counts.is_empty(),
            "{text:?}"
        );
        let html = extractor()
            .extract_html(text)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(html.organizations.is_empty() && html.dates.is_empty());
    }
}

// ---------------------------------------------------------------- size and shape

#[test]
fn a_5_mb_document() {
    check_big(5 << 20);
}

#[test]
#[ignore = "minutes in a debug build; run with --release"]
fn a_50_mb_document() {
    check_big(50 << 20);
}

#[test]
fn html_nested_10000_levels() {
    for tag in ["div", "span", "b", "table"] {
        let page = format!(
            "<html><body>{}<p>株式会社アカネは2024年4月1日に新工場を開設しました。</p>{}</body></html>",
            format!("<{tag}>").repeat(10_000),
            format!("</{tag}>").repeat(10_000)
        );
        let ex = extractor()
            .extract_html(&page)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = ex
            .document_text
            .as_deref()
            .unwrap_or_else(|| panic!("no text"));
        common::check_spans(text, &ex).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            text.contains("株式会社アカネは2024年4月1日"),
            "{tag}: {:?}",
            &text[..text.len().min(200)]
        );
        assert!(ex.dates.iter().any(|d| d.text == "2024年4月1日"), "{tag}");
    }
    // unclosed, and a document that is only open tags
    let unclosed = format!(
        "<html><body>{}株式会社アカネ",
        "<div><p><span>".repeat(10_000)
    );
    let ex = extractor()
        .extract_html(&unclosed)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        ex.document_text
            .as_deref()
            .is_some_and(|t| t.contains("株式会社アカネ"))
    );
}

#[test]
fn a_line_of_a_million_digits() {
    for text in [
        "1".repeat(1_000_000),
        format!("約{}名が参加", "9".repeat(1_000_000)),
        "１".repeat(300_000),
    ] {
        let ex = extractor().extract(&text).unwrap_or_else(|e| panic!("{e}"));
        common::check_spans(&text, &ex).unwrap_or_else(|e| panic!("{e}"));
        // a number that does not fit is no count, not a wrapped-around one
        assert!(
            ex.counts.iter().all(|c| c.value >= 0),
            "{:?}",
            ex.counts.first()
        );
    }
}

#[test]
fn a_hundred_thousand_nen() {
    for text in [
        "年".repeat(100_000),
        "2024年".repeat(20_000),
        "年月日".repeat(50_000),
    ] {
        let ex = extractor().extract(&text).unwrap_or_else(|e| panic!("{e}"));
        common::check_spans(&text, &ex).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn long_lines_without_breaks() {
    // no line break, no 。: the tokenizer and the parts still cut it
    let text = "株式会社アカネ、".repeat(20_000); // 480 kB: more than one part
    let ex = extractor().extract(&text).unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(&text, &ex).unwrap_or_else(|e| panic!("{e}"));
}

// ---------------------------------------------------------------- folders and the CLI

fn good_files(dir: &Path) -> Vec<PathBuf> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut out = Vec::new();
    for name in [
        "000_47c558a8d59b07d5.txt",
        "002_64870647275ca508.txt",
        "004_b05a6d7050e9df95.txt",
    ] {
        let to = dir.join(name);
        std::fs::copy(fixtures.join(name), &to).unwrap_or_else(|e| panic!("{e}"));
        out.push(to);
    }
    out
}

/// A file here that cannot be read. Root reads a mode-000 file anyway, so then a link
/// to /proc/self/mem stands in: a regular file whose first page reading fails (EIO).
fn unreadable(dir: &Path) -> PathBuf {
    let path = dir.join("c_unreadable.txt");
    std::fs::write(&path, "株式会社アカネ").unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000))
            .unwrap_or_else(|e| panic!("{e}"));
        if std::fs::read(&path).is_ok() {
            println!(
                "note: running as root, a mode-000 file is readable; using a link to /proc/self/mem instead"
            );
            std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
            std::os::unix::fs::symlink("/proc/self/mem", &path).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    path
}

#[cfg(unix)]
#[test]
fn a_folder_with_an_unreadable_file_a_symlink_loop_and_bad_files() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(dir.join("sub")).unwrap_or_else(|e| panic!("{e}"));
    let good = good_files(&dir);
    let unreadable = unreadable(&dir);
    // a loop: sub/back → in
    std::os::unix::fs::symlink(&dir, dir.join("sub/back")).unwrap_or_else(|e| panic!("{e}"));
    // a link to itself, and one to nothing
    std::os::unix::fs::symlink(dir.join("d_self.txt"), dir.join("d_self.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("e_dangling.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let binary = dir.join("f_binary.txt");
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap_or_else(|e| panic!("{e}"));
    let invalid = dir.join("g_invalid.txt");
    std::fs::write(&invalid, [0xE3, 0x81, 0x20, 0xFF, 0xFE, 0x41])
        .unwrap_or_else(|e| panic!("{e}"));
    let empty = dir.join("h_empty.txt");
    std::fs::write(&empty, "").unwrap_or_else(|e| panic!("{e}"));
    let late = dir.join("sub/z_good.html");
    std::fs::write(
        &late,
        "<html><body><p>株式会社アカネは2024年4月1日に新工場を開設しました。</p></body></html>",
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let out = run(&[&dir]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code 1 when any input failed"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = json_lines(&out);
    let ok: Vec<&str> = lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .filter_map(|l| l["source"].as_str())
        .collect();
    let failed: Vec<(&str, &str)> = lines
        .iter()
        .filter_map(|l| Some((l["source"].as_str()?, l.get("error")?.as_str()?)))
        .collect();
    // every good file's output is there, the empty one too
    for path in good.iter().chain([&empty, &late]) {
        assert!(
            ok.contains(&path.to_str().unwrap_or_default()),
            "{} missing from {ok:?}\n{stderr}",
            path.display()
        );
    }
    let late_out = lines
        .iter()
        .find(|l| l["source"].as_str() == late.to_str())
        .unwrap_or_else(|| panic!("no output for the last file"));
    assert_eq!(late_out["dates"][0]["text"], "2024年4月1日");
    // every bad one is named on stderr and in an error line
    for bad in [
        &unreadable,
        &binary,
        &invalid,
        &dir.join("d_self.txt"),
        &dir.join("e_dangling.txt"),
    ] {
        let name = bad.to_str().unwrap_or_default();
        assert!(
            stderr.contains(name),
            "{name} not named on stderr:\n{stderr}"
        );
        assert!(
            failed.iter().any(|(s, _)| s == &name),
            "no error line for {name}: {failed:?}"
        );
    }
    assert!(
        stderr.contains("loop"),
        "the symlink loop is reported:\n{stderr}"
    );
    // each input once: the loop is not followed round
    let mut sources: Vec<&str> = lines.iter().filter_map(|l| l["source"].as_str()).collect();
    let n = sources.len();
    sources.sort_unstable();
    sources.dedup();
    assert_eq!(sources.len(), n, "an input reported twice");
}

#[test]
fn one_bad_document_among_many_loses_nothing() {
    // more files than one batch (threads × 8), bad ones spread through them
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut want_ok = Vec::new();
    let mut want_bad = Vec::new();
    for i in 0..120 {
        let path = tmp.path().join(format!("{i:03}.txt"));
        if i % 17 == 5 {
            std::fs::write(&path, [0u8, 1, 2, 3, 0xFF]).unwrap_or_else(|e| panic!("{e}"));
            want_bad.push(path);
        } else {
            std::fs::write(
                &path,
                format!(
                    "株式会社アカネは{}月{}日に{i}名を採用しました。",
                    i % 12 + 1,
                    i % 28 + 1
                ),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            want_ok.push(path);
        }
    }
    let out = run(&[tmp.path()]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 120, "one line per file");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (i, line) in lines.iter().enumerate() {
        let path = tmp.path().join(format!("{i:03}.txt"));
        assert_eq!(line["source"].as_str(), path.to_str(), "in order");
        if want_bad.contains(&path) {
            assert!(
                line["error"].as_str().is_some_and(|e| e.contains("binary")),
                "{line}"
            );
            assert!(
                stderr.contains(path.to_str().unwrap_or_default()),
                "{stderr}"
            );
        } else {
            assert_eq!(line["counts"][0]["value"], i, "{line}");
        }
    }
    assert_eq!(want_ok.len() + want_bad.len(), 120);
}

#[test]
fn jsonl_streaming_one_line_out_per_line_in() {
    let input = [
        r#"{"id": "a", "text": "株式会社アカネは2024年4月1日に新工場を開設しました。"}"#,
        r#"{"id": 2, "html": "<html><body><nav>ホーム</nav><p>約3,500名が来場</p></body></html>"}"#,
        r#"{"id": "broken", "text": "閉じていない"#,
        r#"{"id": "c", "text": ""}"#,
        r#"{"id": "both", "text": "x", "html": "<p>x</p>"}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "d", "text": "\u0000\u0001 制御文字と\ud800壊れたサロゲート"}"#,
        r#"{"text": "idなし 2018年8月31日"}"#,
    ]
    .join("\n");
    let mut child = bin()
        .args(["--jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
        stdin
            .write_all(input.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let lines = json_lines(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        lines.len(),
        8,
        "one result per input line:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(lines[0]["source"], "a");
    assert_eq!(lines[0]["dates"][0]["text"], "2024年4月1日");
    assert_eq!(lines[1]["source"], "2");
    assert_eq!(lines[1]["input"], "html");
    assert_eq!(lines[1]["counts"][0]["value"], 3500);
    assert_eq!(lines[2]["source"], "line 3");
    assert!(
        lines[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("JSON")),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3]["source"], "c");
    assert!(lines[3].get("error").is_none());
    assert_eq!(lines[4]["source"], "both");
    assert!(lines[4]["error"].is_string());
    assert_eq!(lines[5]["source"], "line 6");
    assert!(lines[5]["error"].is_string());
    // a JSON string with a lone surrogate is not valid Unicode: an error, not a panic
    assert_eq!(lines[6]["source"], "line 7");
    assert!(lines[6]["error"].is_string(), "{}", lines[6]);
    assert_eq!(lines[7]["source"], "line 8");
    assert_eq!(lines[7]["dates"][0]["text"], "2018年8月31日");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("line 3") && stderr.contains("both"),
        "{stderr}"
    );
}

#[test]
fn jsonl_streams_more_lines_than_a_batch_in_order() {
    let n = 100;
    let input: String = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                format!("{{\"id\": {i}, \"text\": \"{i}名が参加\"}}\n")
            } else {
                format!("{{\"id\": {i}, \"html\": \"<p>{i}名が参加</p>\"}}\n")
            }
        })
        .collect();
    let mut child = bin()
        .args(["--jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(input.as_bytes())
    });
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    writer
        .join()
        .unwrap_or_else(|_| panic!("writer"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let lines = json_lines(&out);
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["source"], i.to_string());
        assert_eq!(line["counts"][0]["value"], i, "{line}");
        assert_eq!(line["input"], if i % 2 == 0 { "text" } else { "html" });
    }
}

#[test]
fn a_document_of_kind_html_given_as_text_and_the_other_way() {
    let page = "<html><body><p>株式会社アカネ</p></body></html>";
    let as_text = extractor()
        .extract_document(&Document::from_html(page).with_kind(InputKind::Text))
        .unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(page, &as_text).unwrap_or_else(|e| panic!("{e}"));
    let text = "ただの文章です。<これは> & タグではない";
    let as_html = extractor()
        .extract_html(text)
        .unwrap_or_else(|e| panic!("{e}"));
    common::check_spans(as_html.document_text.as_deref().unwrap_or(""), &as_html)
        .unwrap_or_else(|e| panic!("{e}"));
}
