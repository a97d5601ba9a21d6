//! User dictionaries and vocabularies: names IPADIC splits become one organization or
//! person once listed; a bad file gets an error with its line number.

use std::process::Command;

use ja_press::Extractor;

const TEXT: &str =
    "東海岸創薬は、北斗リサーチと共同研究を開始したと発表した。代表の鈴乃木さくらが説明した。";

fn user_dict(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    let path = dir.join("names.csv");
    std::fs::write(&path, body).expect("write the user dictionary");
    path
}

#[test]
fn a_split_name_becomes_one_organization_once_listed() {
    let plain = Extractor::new()
        .expect("extractor")
        .extract(TEXT)
        .expect("extract");
    assert!(
        !plain.organizations.iter().any(|o| o.name == "東海岸創薬"),
        "{:?}",
        plain.organizations
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let path = user_dict(
        dir.path(),
        "東海岸創薬,組織,ヒガシカイガンソウヤク\n鈴乃木さくら,人名,スズノキサクラ\n",
    );
    let extractor = Extractor::builder()
        .user_dictionary(&path)
        .build()
        .expect("extractor with user dictionary");
    let ex = extractor.extract(TEXT).expect("extract");
    let org = ex
        .organizations
        .iter()
        .find(|o| o.name == "東海岸創薬")
        .expect("the listed organization");
    assert_eq!(org.mentions.len(), 1);
    assert_eq!(&TEXT[org.mentions[0].span.range()], "東海岸創薬");
    assert!(
        ex.people.iter().any(|p| p.name == "鈴乃木さくら"),
        "{:?}",
        ex.people
    );
}

#[test]
fn a_bad_user_dictionary_names_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = user_dict(
        dir.path(),
        "東海岸創薬,組織,ヒガシカイガンソウヤク\n,組織,カラ\n",
    );
    let err = Extractor::builder()
        .user_dictionary(&path)
        .build()
        .err()
        .expect("an error");
    let msg = err.to_string();
    assert!(
        msg.contains("names.csv:2: the surface (first field) is empty"),
        "{msg}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_ja-press"))
        .arg("--user-dict")
        .arg(&path)
        .arg("-")
        .output()
        .expect("run ja-press");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("names.csv:2:"), "{stderr}");
}

#[test]
fn a_role_added_by_vocabulary_needs_no_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("vocab.toml");
    std::fs::write(&path, "roles = [\"最高技術責任者\"]\n").expect("write vocab");
    // 最高技術責任者 is built in; a new one is not:
    let plain = Extractor::new()
        .expect("extractor")
        .extract("チーフエバンジェリストの山田 太郎が登壇")
        .expect("extract");
    assert!(
        plain
            .people
            .iter()
            .all(|p| p.role.as_deref() != Some("チーフエバンジェリスト"))
    );
    std::fs::write(&path, "roles = [\"チーフエバンジェリスト\"]\n").expect("write vocab");
    let ex = Extractor::builder()
        .vocabulary_file(&path)
        .expect("vocab")
        .build()
        .expect("extractor")
        .extract("チーフエバンジェリストの山田 太郎が登壇")
        .expect("extract");
    assert_eq!(ex.people[0].role.as_deref(), Some("チーフエバンジェリスト"));

    std::fs::write(
        &path,
        "roles = [\"ok\"]\nheads = [{ head = \"院\", kind = \"clinic\" }]\n",
    )
    .expect("write vocab");
    let err = Extractor::builder()
        .vocabulary_file(&path)
        .expect_err("an error")
        .to_string();
    assert!(err.contains("vocab.toml:2:"), "{err}");
}
