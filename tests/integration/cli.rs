//! The `ja-press` command: one file, several, folders, stdin, formats, errors, and the
//! release metadata of the seeds.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;

use crate::common::bin;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run ja-press")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn the_seeds_have_their_title_publisher_and_release_date() {
    let want: [(&str, &str, Option<&str>, Option<&str>); 5] = [
        (
            "000_47c558a8d59b07d5",
            "アストラゼネカ、ヘルスケア・イノベーションハブ「i2.JP」のウェブサイトを刷新、参画パートナーは発足当初の7から73社・団体へ成長",
            Some("アストラゼネカ株式会社"),
            Some("2021-05-11"),
        ),
        (
            "001_dfd6054aa9c24ae2",
            "LINK-J、公益財団法人先端医療振興財団と相互提携の覚書を締結",
            None,
            None,
        ),
        (
            "002_64870647275ca508",
            "LINK-J、川崎市とライフサイエンス領域に関する相互提携の覚書を締結",
            Some("一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"),
            Some("2018-08-31"),
        ),
        ("003_5774fd373b5f6462", "湘南アイパークについて", None, None),
        (
            "004_b05a6d7050e9df95",
            "米国トップクラスの教育・研究機関である カリフォルニア大学ロサンゼルス校(UCLA)と MOU(提携に関する覚書)を締結",
            None,
            None,
        ),
    ];
    for (name, title, publisher, date) in want {
        let path = fixture(&format!("seeds/{name}.txt"));
        let out = run(&[path.to_str().expect("utf-8 path")]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v = json(&out);
        assert_eq!(v["title"].as_str(), Some(title), "{name}");
        assert_eq!(v["publisher"].as_str(), publisher, "{name}");
        assert_eq!(v["release_date"].as_str(), date, "{name}");
        assert_eq!(v["source"].as_str(), path.to_str(), "{name}");
    }
}

#[test]
fn an_html_page_gives_the_metadata_of_its_text_version() {
    for name in ["b11_kestrel_series_b", "b12_hamamatsu_kuura_agreement"] {
        let html = json(&run(&[fixture(&format!("corpus/{name}.html"))
            .to_str()
            .expect("path")]));
        let text = json(&run(&[fixture(&format!("corpus/{name}_text.txt"))
            .to_str()
            .expect("path")]));
        for field in ["title", "publisher", "release_date"] {
            assert_eq!(html[field], text[field], "{name}: {field}");
        }
        assert_eq!(html["input"], "html");
        let doc = html["document_text"]
            .as_str()
            .expect("HTML output carries its text");
        // spans of HTML input index the page's text
        for d in html["dates"].as_array().expect("dates") {
            let (s, e) = (
                d["span"]["byte"][0].as_u64().expect("start") as usize,
                d["span"]["byte"][1].as_u64().expect("end") as usize,
            );
            assert_eq!(&doc[s..e], d["text"].as_str().expect("text"));
        }
        assert!(
            !doc.contains("ホーム") || !doc.starts_with("ホーム"),
            "navigation is dropped"
        );
    }
}

#[test]
fn several_files_give_json_lines_in_order() {
    let a = fixture("seeds/000_47c558a8d59b07d5.txt");
    let b = fixture("seeds/002_64870647275ca508.txt");
    let out = run(&["-q", b.to_str().expect("path"), a.to_str().expect("path")]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"].as_str(), b.to_str());
    assert_eq!(lines[1]["source"].as_str(), a.to_str());
}

#[test]
fn a_folder_is_read_recursively_and_sorted() {
    let out = run(&[
        "-q",
        "--format",
        "jsonl",
        fixture("seeds").to_str().expect("path"),
    ]);
    assert!(out.status.success());
    let sources: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("JSON")["source"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(sources.len(), 5);
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn stdin_text_and_the_text_format() {
    let mut child = bin()
        .args(["--format", "text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all("新工場を開設\n2024年4月1日\n株式会社アカネ\n\n株式会社アカネは約120名を採用します。".as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("release date: 2024-04-01"), "{text}");
    assert!(text.contains("株式会社アカネ [company]"), "{text}");
    assert!(text.contains("120 名 「約120名」"), "{text}");
}

#[test]
fn a_missing_file_is_an_error_naming_it_and_the_others_go_on() {
    let good = fixture("seeds/000_47c558a8d59b07d5.txt");
    let out = run(&["-q", "no/such/file.txt", good.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], "no/such/file.txt");
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("no/such/file.txt"))
    );
    assert_eq!(lines[1]["release_date"], "2021-05-11");
}

#[test]
fn invalid_utf8_and_empty_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0xE3u8, 0x81, 0x20, 0xFF, 0xFE, 0x41]).expect("write");
    let out = run(&[bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let out = run(&[empty.to_str().expect("path")]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["organizations"].as_array().map(Vec::len), Some(0));
    assert!(v["release_date"].is_null());
}

#[test]
fn shift_jis_files_are_decoded() {
    let path = fixture("corpus/a13_sjis_kyodo_kenkyu.txt");
    let out = run(&[path.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(v["organizations"].as_array().is_some_and(|o| !o.is_empty()));
}
