//! Scoring extractions against answer keys: the matching of `score.py`, in Rust.
//!
//! An [`AnswerKey`] (`NAME.json`, the seeds-gold schema) lists what a careful reader
//! finds in `NAME.txt`. [`score`] compares one [`Extraction`] with its key and
//! returns a [`DocScore`]; [`Scores`] adds documents up into precision, recall and
//! F1 per field, their micro average, and the role, person→organization and
//! release-date accuracies.
//!
//! The matching is the scorer's (`../shared/eval/score.py`), item for item:
//!
//! - text is compared after NFKC folding with all whitespace removed ([`fold`]);
//! - an organization matches by its name or one of its aliases, and legal forms
//!   (株式会社, 一般社団法人, (株)…) may differ ([`strip_legal`]); gold organizations are
//!   taken in key order, each matching the first prediction not used yet;
//! - people match by name; a person's role is right when any predicted role (`role` or
//!   `roles[].role`) is one the key gives, and the organization likewise, after
//!   resolving the key's aliases to full names;
//! - dates and counts are sets of distinct (text, value); a prediction also matches a
//!   gold item of the same value when one text contains the other (「約3,500名」 and
//!   「3,500名」);
//! - the release date is compared on every document: where the key has none, the
//!   right answer is none.
//!
//! ```
//! use ja_press::eval::{score, AnswerKey, Scores};
//!
//! let key = AnswerKey::from_json(r#"{
//!     "release_date": "2018-08-31",
//!     "organizations": ["川崎市"],
//!     "dates": [{"text": "8月30日", "value": "2018-08-30"}]
//! }"#)?;
//! let ex = ja_press::Extractor::new()?.extract("2018年8月31日\n川崎市は8月30日、覚書を締結しました。")?;
//! let doc = score(&key, &ex);
//! assert_eq!(doc.organizations.tally.tp, 1);
//! assert_eq!(doc.release_date.correct, 1);
//!
//! let mut all = Scores::default();
//! all.add(&doc);
//! assert_eq!(all.organizations.recall(), 1.0);
//! println!("{}", all.table());
//! # Ok::<(), ja_press::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::model::Extraction;

/// The legal forms that may differ between a gold organization and a predicted one,
/// in the order `score.py` strips them.
const LEGAL_FORMS: [&str; 22] = [
    "株式会社",
    "有限会社",
    "合同会社",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "国立研究開発法人",
    "独立行政法人",
    "国立大学法人",
    "公立大学法人",
    "学校法人",
    "社会福祉法人",
    "医療法人",
    "特定非営利活動法人",
    "NPO法人",
    "(株)",
    "(一社)",
    "(公財)",
    "(一財)",
    "(公社)",
    "投資法人",
];

// ---------------------------------------------------------------- answer keys

/// An answer key: what a careful reader finds in one document (the seeds-gold schema
/// of `../shared/eval/README.md`). Every field may be left out.
///
/// ```
/// let key = ja_press::eval::AnswerKey::from_json(r#"{
///     "release_date": "2018-08-31",
///     "organizations": ["一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"],
///     "aliases": [{"alias": "LINK-J", "organization": "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"}],
///     "people": [{"name": "福田紀彦", "role": "市長", "organization": "川崎市"}],
///     "dates": [{"text": "8月30日", "value": "2018-08-30"}],
///     "counts": [{"text": "9例目", "value": 9, "unit": "例目"}]
/// }"#)?;
/// assert_eq!(key.counts[0].value, 9);
/// assert_eq!(key.people[0].role.as_deref(), Some("市長"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerKey {
    /// The release's date, `YYYY-MM-DD`; `None` when the document has none.
    #[serde(default)]
    pub release_date: Option<String>,
    /// Every distinct organization, in its fullest written form.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// Short forms of the organizations.
    #[serde(default)]
    pub aliases: Vec<KeyAlias>,
    /// People; a person with two roles is listed twice.
    #[serde(default)]
    pub people: Vec<KeyPerson>,
    /// Distinct calendar-date mentions.
    #[serde(default)]
    pub dates: Vec<KeyDate>,
    /// Distinct counts and ordinals.
    #[serde(default)]
    pub counts: Vec<KeyCount>,
}

/// A short form of an organization in an [`AnswerKey`].
///
/// ```
/// let a = ja_press::eval::KeyAlias { alias: "LINK-J".into(), organization: "一般社団法人LINK-J".into() };
/// assert_eq!(a.alias, "LINK-J");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyAlias {
    /// The short form.
    pub alias: String,
    /// The full name it stands for, as in [`AnswerKey::organizations`].
    pub organization: String,
}

/// A person in an [`AnswerKey`].
///
/// ```
/// let p = ja_press::eval::KeyPerson { name: "福田紀彦".into(), role: Some("市長".into()), organization: Some("川崎市".into()) };
/// assert_eq!(p.organization.as_deref(), Some("川崎市"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPerson {
    /// The name without the space between family and given names.
    pub name: String,
    /// The role as written nearest the name, place prefixes removed.
    #[serde(default)]
    pub role: Option<String>,
    /// The organization: a full name from the key's organizations (or an alias).
    #[serde(default)]
    pub organization: Option<String>,
}

/// A date in an [`AnswerKey`].
///
/// ```
/// let d = ja_press::eval::KeyDate { text: "8月30日".into(), value: "2018-08-30".into() };
/// assert_eq!(d.value, "2018-08-30");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDate {
    /// The date as written.
    pub text: String,
    /// Its value with only the known precision: `2018`, `2018-08`, `2018-08-31`,
    /// `2021-05-11T14:00:00`, `XXXX-08-30`.
    pub value: String,
}

/// A count in an [`AnswerKey`].
///
/// ```
/// let c = ja_press::eval::KeyCount { text: "9例目".into(), value: 9, unit: Some("例目".into()) };
/// assert_eq!(c.value, 9);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyCount {
    /// The number with its unit (and a leading 約).
    pub text: String,
    /// The number.
    pub value: i64,
    /// The unit; not scored.
    #[serde(default)]
    pub unit: Option<String>,
}

impl AnswerKey {
    /// Parses a key from JSON text; the error gives the line and column.
    ///
    /// ```
    /// let err = ja_press::eval::AnswerKey::from_json("{\n  \"people\": [{}]\n}").unwrap_err();
    /// assert!(err.to_string().contains("line 2"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        Self::parse(json).map_err(|reason| Error::Parse(format!("not an answer key: {reason}")))
    }

    /// Reads a key from a file; the error names the file, the line and the column.
    ///
    /// ```
    /// let err = ja_press::eval::AnswerKey::from_path("no/such/key.json").unwrap_err();
    /// assert!(err.to_string().contains("no/such/key.json"));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text).map_err(|reason| {
            Error::Parse(format!("{}: not an answer key: {reason}", path.display()))
        })
    }

    /// A JSON object (a byte-order mark allowed) in the key schema.
    fn parse(json: &str) -> std::result::Result<Self, String> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if !json.trim_start().starts_with('{') {
            return Err("expected a JSON object at line 1".to_string());
        }
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

// ---------------------------------------------------------------- keys and documents

/// An answer key and the document it belongs to, as [`pair_documents`] finds them.
///
/// ```
/// let k = ja_press::eval::KeyedDocument {
///     name: "a".into(),
///     key: "gold/a.json".into(),
///     document: Ok("docs/a.txt".into()),
/// };
/// assert!(k.document.is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedDocument {
    /// The base name shared by the key and the document: `NAME` of `NAME.json`.
    pub name: String,
    /// The key's path.
    pub key: PathBuf,
    /// The document's path, or why there is none (missing, or ambiguous).
    pub document: std::result::Result<PathBuf, String>,
}

/// Pairs every answer key `GOLD_DIR/NAME.json` (sorted by name, not recursive) with
/// its document `DOCS_DIR/NAME.txt`, `NAME.html` or `NAME.htm` (any letter case).
/// A key without a document, or with more than one, is returned with the reason in
/// [`KeyedDocument::document`], never dropped. Documents without a key are ignored.
///
/// ```
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
/// let pairs = ja_press::eval::pair_documents(&dir, &dir)?;
/// assert_eq!(pairs.len(), 5);
/// assert!(pairs.iter().all(|p| p.document.is_ok()));
/// # Ok::<(), ja_press::Error>(())
/// ```
pub fn pair_documents(gold_dir: &Path, docs_dir: &Path) -> Result<Vec<KeyedDocument>> {
    let list = |dir: &Path| -> Result<Vec<PathBuf>> {
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
            let path = entry.path();
            if path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        Ok(paths)
    };
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let stem = |p: &Path| p.file_stem().and_then(|s| s.to_str()).map(str::to_string);

    let mut docs: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in list(docs_dir)? {
        if matches!(ext(&path).as_deref(), Some("txt" | "html" | "htm"))
            && let Some(name) = stem(&path)
        {
            docs.entry(name).or_default().push(path);
        }
    }
    let mut out = Vec::new();
    for key in list(gold_dir)? {
        if ext(&key).as_deref() != Some("json") {
            continue;
        }
        let Some(name) = stem(&key) else { continue };
        let document = match docs.get(&name).map(Vec::as_slice) {
            None | Some([]) => Err(format!(
                "no document {name}.txt, {name}.html or {name}.htm in {}",
                docs_dir.display()
            )),
            Some([one]) => Ok(one.clone()),
            Some(many) => Err(format!(
                "more than one document for the key: {}",
                many.iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        out.push(KeyedDocument {
            name,
            key,
            document,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------- text folding

/// NFKC-folds `s` and removes all whitespace: the form every text is compared in.
///
/// ```
/// assert_eq!(ja_press::eval::fold("ＬＩＮＫ－Ｊ　ジャパン "), "LINK-Jジャパン");
/// ```
pub fn fold(s: &str) -> String {
    s.nfkc().filter(|&c| !is_python_space(c)).collect()
}

/// What Python's `\s` matches in a `str` pattern: Unicode whitespace and the
/// information separators U+001C to U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The folded name without the legal forms at its start or end, so that
/// 「株式会社アカネ」 and 「アカネ株式会社」 and 「(株)アカネ」 compare equal.
///
/// ```
/// use ja_press::eval::strip_legal;
/// assert_eq!(strip_legal("株式会社アカネ"), "アカネ");
/// assert_eq!(strip_legal("（株）アカネ"), "アカネ");
/// assert_eq!(strip_legal("アカネ株式会社"), "アカネ");
/// ```
pub fn strip_legal(s: &str) -> String {
    let mut s = fold(s);
    for form in LEGAL_FORMS {
        let form = fold(form);
        if let Some(rest) = s.strip_prefix(form.as_str()) {
            s = rest.to_string();
        }
        if let Some(rest) = s.strip_suffix(form.as_str()) {
            s = rest.to_string();
        }
    }
    s
}

/// Python's `repr` of a string, as `score.py` prints (and sorts) items.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let n = c as u32;
                let _ = if n < 0x100 {
                    write!(out, "\\x{n:02x}")
                } else if n < 0x10000 {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character, for the characters that can be left
/// after [`fold`]: controls, format characters and private use are not printable.
/// (Unassigned code points, also unprintable in Python, are not known here.)
fn py_printable(c: char) -> bool {
    let n = c as u32;
    let unprintable = c.is_control()
        || c.is_whitespace() && c != ' '
        || matches!(
            n,
            0xAD | 0x600..=0x605
                | 0x61C
                | 0x6DD
                | 0x70F
                | 0x890..=0x891
                | 0x8E2
                | 0x180E
                | 0x200B..=0x200F
                | 0x202A..=0x202E
                | 0x2060..=0x2064
                | 0x2066..=0x206F
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x1343F
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
                | 0xE000..=0xF8FF
                | 0xF0000..=0xFFFFD
                | 0x100000..=0x10FFFD
        );
    !unprintable
}

// ---------------------------------------------------------------- figures

/// The four scored fields.
///
/// ```
/// use ja_press::eval::Field;
/// assert_eq!("dates".parse::<Field>()?, Field::Dates);
/// assert_eq!(Field::Counts.name(), "counts");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Organizations, by name or alias.
    Organizations,
    /// People, by name.
    People,
    /// Dates, as distinct (text, value).
    Dates,
    /// Counts, as distinct (text, value).
    Counts,
}

impl Field {
    /// The four fields, in the order the scorer prints them.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Field::ALL.len(), 4);
    /// ```
    pub const ALL: [Field; 4] = [
        Field::Organizations,
        Field::People,
        Field::Dates,
        Field::Counts,
    ];

    /// The field's name in output and options: `organizations`, `people`, `dates`, `counts`.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Field::People.name(), "people");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Field::Organizations => "organizations",
            Field::People => "people",
            Field::Dates => "dates",
            Field::Counts => "counts",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Field {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Field::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                Error::Parse(format!(
                    "unknown field {s:?}: expected organizations, people, dates or counts"
                ))
            })
    }
}

/// True positives, predictions and gold items of one field: precision, recall, F1.
///
/// ```
/// let t = ja_press::eval::Tally { tp: 3, predicted: 4, gold: 6 };
/// assert_eq!(t.precision(), 0.75);
/// assert_eq!(t.recall(), 0.5);
/// assert!((t.f1() - 0.6).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Predictions that match a gold item.
    pub tp: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Tally {
    /// `tp / predicted`; with no predictions, 1 if there was nothing to find, else 0.
    ///
    /// ```
    /// use ja_press::eval::Tally;
    /// assert_eq!(Tally { tp: 0, predicted: 0, gold: 0 }.precision(), 1.0);
    /// assert_eq!(Tally { tp: 0, predicted: 0, gold: 2 }.precision(), 0.0);
    /// ```
    pub fn precision(&self) -> f64 {
        if self.predicted > 0 {
            self.tp as f64 / self.predicted as f64
        } else if self.gold == 0 {
            1.0
        } else {
            0.0
        }
    }

    /// `tp / gold`; 1 when there was nothing to find.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Tally { tp: 0, predicted: 3, gold: 0 }.recall(), 1.0);
    /// ```
    pub fn recall(&self) -> f64 {
        if self.gold > 0 {
            self.tp as f64 / self.gold as f64
        } else {
            1.0
        }
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Tally { tp: 2, predicted: 2, gold: 2 }.f1(), 1.0);
    /// ```
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// Adds another tally to this one.
    ///
    /// ```
    /// let mut t = ja_press::eval::Tally { tp: 1, predicted: 2, gold: 3 };
    /// t.add(ja_press::eval::Tally { tp: 1, predicted: 1, gold: 1 });
    /// assert_eq!((t.tp, t.predicted, t.gold), (2, 3, 4));
    /// ```
    pub fn add(&mut self, other: Tally) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// Right answers out of those scored: roles, person→organization links, release dates.
///
/// ```
/// let a = ja_press::eval::Accuracy { correct: 3, of: 4 };
/// assert_eq!(a.rate(), Some(0.75));
/// assert_eq!(ja_press::eval::Accuracy::default().rate(), None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accuracy {
    /// Right answers.
    pub correct: usize,
    /// Answers scored.
    pub of: usize,
}

impl Accuracy {
    /// `correct / of`, or `None` when nothing was scored.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Accuracy { correct: 1, of: 1 }.rate(), Some(1.0));
    /// ```
    pub fn rate(&self) -> Option<f64> {
        (self.of > 0).then(|| self.correct as f64 / self.of as f64)
    }

    /// Adds another count to this one.
    ///
    /// ```
    /// let mut a = ja_press::eval::Accuracy { correct: 1, of: 2 };
    /// a.add(ja_press::eval::Accuracy { correct: 1, of: 1 });
    /// assert_eq!((a.correct, a.of), (2, 3));
    /// ```
    pub fn add(&mut self, other: Accuracy) {
        self.correct += other.correct;
        self.of += other.of;
    }
}

/// One field of one document: its tally, and what was missed and what was extra.
///
/// Misses and extras are written as `score.py --verbose` writes them: folded names for
/// organizations and people, `('text', 'value')` for dates and `('text', 9)` for counts.
///
/// ```
/// let f = ja_press::eval::FieldScore::default();
/// assert!(f.misses.is_empty() && f.extras.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldScore {
    /// The counts.
    #[serde(flatten)]
    pub tally: Tally,
    /// Gold items no prediction matched.
    pub misses: Vec<String>,
    /// Predictions that matched no gold item.
    pub extras: Vec<String>,
}

/// The score of one document against its key.
///
/// ```
/// use ja_press::eval::{score, AnswerKey, Field};
/// let key = AnswerKey::from_json(r#"{"counts": [{"text": "9例目", "value": 9}]}"#)?;
/// let ex = ja_press::Extractor::new()?.extract("今般の提携は9例目となります。")?;
/// let doc = score(&key, &ex);
/// assert_eq!(doc.field(Field::Counts).tally.tp, 1);
/// assert_eq!(doc.release_date.correct, 1); // no date in the key, none found
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocScore {
    /// Organizations.
    pub organizations: FieldScore,
    /// People.
    pub people: FieldScore,
    /// Dates.
    pub dates: FieldScore,
    /// Counts.
    pub counts: FieldScore,
    /// Roles right, of the people found whose key gives a role.
    pub role: Accuracy,
    /// Organizations right, of the people found whose key gives one.
    pub person_org: Accuracy,
    /// Whether the release date is right: 1 of 1, or 0 of 1.
    pub release_date: Accuracy,
    /// What was wrong in roles, person→organization links and the release date, one
    /// line each: 「福田紀彦: role 川崎市長, key 市長」.
    pub wrong: Vec<String>,
}

impl DocScore {
    /// One field's score.
    ///
    /// ```
    /// use ja_press::eval::{DocScore, Field};
    /// assert_eq!(DocScore::default().field(Field::Dates).tally.gold, 0);
    /// ```
    pub fn field(&self, field: Field) -> &FieldScore {
        match field {
            Field::Organizations => &self.organizations,
            Field::People => &self.people,
            Field::Dates => &self.dates,
            Field::Counts => &self.counts,
        }
    }

    /// Whether the document was scored without a miss, an extra or a wrong answer.
    ///
    /// ```
    /// assert!(ja_press::eval::DocScore::default().is_perfect());
    /// ```
    pub fn is_perfect(&self) -> bool {
        Field::ALL
            .iter()
            .all(|&f| self.field(f).misses.is_empty() && self.field(f).extras.is_empty())
            && [self.role, self.person_org, self.release_date]
                .iter()
                .all(|a| a.correct == a.of)
    }
}

/// Figures over many documents: what `ja-press eval` and `score.py` print.
///
/// ```
/// use ja_press::eval::{DocScore, Scores, Tally};
/// let mut doc = DocScore::default();
/// doc.dates.tally = Tally { tp: 1, predicted: 2, gold: 1 };
/// doc.counts.tally = Tally { tp: 1, predicted: 1, gold: 3 };
/// let mut scores = Scores::default();
/// scores.add(&doc);
/// assert_eq!(scores.documents, 1);
/// assert_eq!(scores.micro(), Tally { tp: 2, predicted: 3, gold: 4 });
/// assert_eq!(scores.f1("dates"), Some(scores.dates.f1()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    /// Documents scored.
    pub documents: usize,
    /// Organizations.
    pub organizations: Tally,
    /// People.
    pub people: Tally,
    /// Dates.
    pub dates: Tally,
    /// Counts.
    pub counts: Tally,
    /// Roles right, of the people found whose key gives a role.
    pub role: Accuracy,
    /// Organizations right, of the people found whose key gives one.
    pub person_org: Accuracy,
    /// Release dates right, of every document.
    pub release_date: Accuracy,
}

impl Scores {
    /// Adds one document.
    ///
    /// ```
    /// let mut s = ja_press::eval::Scores::default();
    /// s.add(&ja_press::eval::DocScore::default());
    /// assert_eq!(s.documents, 1);
    /// ```
    pub fn add(&mut self, doc: &DocScore) {
        self.documents += 1;
        self.organizations.add(doc.organizations.tally);
        self.people.add(doc.people.tally);
        self.dates.add(doc.dates.tally);
        self.counts.add(doc.counts.tally);
        self.role.add(doc.role);
        self.person_org.add(doc.person_org);
        self.release_date.add(doc.release_date);
    }

    /// One field's tally.
    ///
    /// ```
    /// use ja_press::eval::{Field, Scores};
    /// assert_eq!(Scores::default().field(Field::People).gold, 0);
    /// ```
    pub fn field(&self, field: Field) -> Tally {
        match field {
            Field::Organizations => self.organizations,
            Field::People => self.people,
            Field::Dates => self.dates,
            Field::Counts => self.counts,
        }
    }

    /// The micro average: the four fields' tallies added up.
    ///
    /// ```
    /// assert_eq!(ja_press::eval::Scores::default().micro().f1(), 1.0); // nothing to find, nothing found
    /// ```
    pub fn micro(&self) -> Tally {
        let mut t = Tally::default();
        for f in Field::ALL {
            t.add(self.field(f));
        }
        t
    }

    /// The F1 of a field by name, `micro` included; `None` for another name.
    ///
    /// ```
    /// let s = ja_press::eval::Scores::default();
    /// assert_eq!(s.f1("micro"), Some(1.0));
    /// assert_eq!(s.f1("quotes"), None);
    /// ```
    pub fn f1(&self, name: &str) -> Option<f64> {
        if name == "micro" {
            return Some(self.micro().f1());
        }
        name.parse::<Field>().ok().map(|f| self.field(f).f1())
    }

    /// The floors this falls below, each with the figure reached.
    ///
    /// ```
    /// use ja_press::eval::{Floor, Scores};
    /// let floors: Vec<Floor> = vec!["micro=0.5".parse()?];
    /// assert!(Scores::default().below(&floors).is_empty());
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn below(&self, floors: &[Floor]) -> Vec<(Floor, f64)> {
        floors
            .iter()
            .filter_map(|floor| {
                let f1 = self.f1(&floor.field)?;
                // A figure printed as the floor is not below it.
                (f1 + 1e-9 < floor.min_f1).then(|| (floor.clone(), f1))
            })
            .collect()
    }

    /// The figures as `score.py` prints them: P, R and F1 per field and micro, then
    /// the accuracies.
    ///
    /// ```
    /// let table = ja_press::eval::Scores::default().table();
    /// assert!(table.starts_with("organizations  P=1.000 R=1.000 F1=1.000 (gold 0, predicted 0)"));
    /// assert!(table.contains("release_date   accuracy 0/0"));
    /// ```
    pub fn table(&self) -> String {
        let mut s = String::new();
        let rows = Field::ALL
            .iter()
            .map(|&f| (f.name(), self.field(f)))
            .chain([("micro", self.micro())]);
        for (name, t) in rows {
            let _ = writeln!(
                s,
                "{name:14} P={:.3} R={:.3} F1={:.3} (gold {}, predicted {})",
                t.precision(),
                t.recall(),
                t.f1(),
                t.gold,
                t.predicted
            );
        }
        for (name, a) in [
            ("role", self.role),
            ("person_org", self.person_org),
            ("release_date", self.release_date),
        ] {
            let _ = writeln!(s, "{name:14} accuracy {}/{}", a.correct, a.of);
        }
        s
    }
}

/// A minimum F1 for a field (`organizations`, `people`, `dates`, `counts`) or `micro`,
/// written `FIELD=X` as `ja-press eval --min-f1` takes it.
///
/// ```
/// let floor: ja_press::eval::Floor = "dates=0.85".parse()?;
/// assert_eq!((floor.field.as_str(), floor.min_f1), ("dates", 0.85));
/// assert!("dates=2".parse::<ja_press::eval::Floor>().is_err());
/// assert!("quotes=0.5".parse::<ja_press::eval::Floor>().is_err());
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Floor {
    /// `organizations`, `people`, `dates`, `counts` or `micro`.
    pub field: String,
    /// The lowest acceptable F1, from 0 to 1.
    pub min_f1: f64,
}

impl Floor {
    /// A floor, checking the field's name and that the value is between 0 and 1.
    ///
    /// ```
    /// assert!(ja_press::eval::Floor::new("micro", 0.8).is_ok());
    /// assert!(ja_press::eval::Floor::new("micro", f64::NAN).is_err());
    /// ```
    pub fn new(field: &str, min_f1: f64) -> Result<Self> {
        if field != "micro" {
            field.parse::<Field>().map_err(|_| {
                Error::Parse(format!("unknown field {field:?}: expected organizations, people, dates, counts or micro"))
            })?;
        }
        if !(0.0..=1.0).contains(&min_f1) {
            return Err(Error::Parse(format!(
                "the floor for {field} must be between 0 and 1, not {min_f1}"
            )));
        }
        Ok(Floor {
            field: field.to_string(),
            min_f1,
        })
    }
}

impl std::str::FromStr for Floor {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let (field, value) = s.split_once('=').ok_or_else(|| {
            Error::Parse(format!("expected FIELD=X (such as dates=0.8), not {s:?}"))
        })?;
        let min: f64 = value
            .trim()
            .parse()
            .map_err(|_| Error::Parse(format!("{value:?} is not a number (in {s:?})")))?;
        Floor::new(field.trim(), min)
    }
}

// ---------------------------------------------------------------- scoring

/// Scores one extraction against its answer key, as `score.py` does.
///
/// ```
/// use ja_press::eval::{score, AnswerKey};
/// let key = AnswerKey::from_json(r#"{
///     "organizations": ["株式会社アカネ"],
///     "people": [{"name": "山田太郎", "role": "代表取締役社長", "organization": "株式会社アカネ"}]
/// }"#)?;
/// let ex = ja_press::Extractor::new()?.extract("株式会社アカネ(代表取締役社長:山田 太郎)は新工場を開設しました。")?;
/// let doc = score(&key, &ex);
/// assert_eq!(doc.organizations.tally.tp, 1);
/// assert_eq!(doc.people.tally.tp, 1);
/// assert_eq!((doc.role.correct, doc.role.of), (1, 1));
/// # Ok::<(), ja_press::Error>(())
/// ```
pub fn score(key: &AnswerKey, ex: &Extraction) -> DocScore {
    let organizations = score_organizations(key, ex);
    let (people, role, person_org, mut wrong) = score_people(key, ex);
    let gold_dates = key
        .dates
        .iter()
        .map(|d| (fold(&d.text), Value::Str(fold(&d.value))));
    let pred_dates = ex
        .dates
        .iter()
        .map(|d| (fold(&d.text), Value::Str(fold(&d.value.to_string()))));
    let dates = score_set(gold_dates, pred_dates);
    let gold_counts = key
        .counts
        .iter()
        .map(|c| (fold(&c.text), Value::Int(c.value)));
    let pred_counts = ex
        .counts
        .iter()
        .map(|c| (fold(&c.text), Value::Int(c.value)));
    let counts = score_set(gold_counts, pred_counts);
    let predicted_date = ex.release_date.map(|d| d.to_string()); // as serialized
    let release_date = Accuracy {
        correct: usize::from(key.release_date == predicted_date),
        of: 1,
    };
    if release_date.correct == 0 {
        let show = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".to_string());
        wrong.push(format!(
            "release_date: {}, key {}",
            show(&predicted_date),
            show(&key.release_date)
        ));
    }
    DocScore {
        organizations,
        people,
        dates,
        counts,
        role,
        person_org,
        release_date,
        wrong,
    }
}

fn score_organizations(key: &AnswerKey, ex: &Extraction) -> FieldScore {
    // Each prediction as the folded names it answers to, and those without legal forms.
    let preds: Vec<(BTreeSet<String>, BTreeSet<String>)> = ex
        .organizations
        .iter()
        .map(|o| {
            let mut names = BTreeSet::from([fold(&o.name)]);
            names.extend(o.aliases.iter().filter(|a| !a.is_empty()).map(|a| fold(a)));
            let stripped = names.iter().map(|n| strip_legal(n)).collect();
            (names, stripped)
        })
        .collect();
    let mut used = vec![false; preds.len()];
    let mut out = FieldScore::default();
    for g in &key.organizations {
        let g = fold(g);
        let g_stripped = strip_legal(&g);
        let hit = preds
            .iter()
            .enumerate()
            .find(|(i, (names, stripped))| {
                !used[*i] && (names.contains(&g) || stripped.contains(&g_stripped))
            })
            .map(|(i, _)| i);
        match hit {
            Some(i) => {
                used[i] = true;
                out.tally.tp += 1;
            }
            None => out.misses.push(g),
        }
    }
    out.tally.predicted = preds.len();
    out.tally.gold = key.organizations.len();
    out.extras = preds
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .filter_map(|((names, _), _)| names.first().cloned())
        .collect();
    out
}

/// An organization name or alias as the key's full name, folded.
fn resolve_org(name: &str, key: &AnswerKey) -> String {
    let f = fold(name);
    key.aliases
        .iter()
        .find(|a| fold(&a.alias) == f)
        .map_or(f, |a| fold(&a.organization))
}

fn score_people(key: &AnswerKey, ex: &Extraction) -> (FieldScore, Accuracy, Accuracy, Vec<String>) {
    #[derive(Default)]
    struct Gold {
        roles: BTreeSet<String>,
        orgs: BTreeSet<String>,
    }
    let mut gold: BTreeMap<String, Gold> = BTreeMap::new();
    for p in &key.people {
        let g = gold.entry(fold(&p.name)).or_default();
        if let Some(role) = p.role.as_deref().filter(|r| !r.is_empty()) {
            g.roles.insert(fold(role));
        }
        if let Some(org) = p.organization.as_deref().filter(|o| !o.is_empty()) {
            g.orgs.insert(resolve_org(org, key));
        }
    }
    // The first prediction of each (folded) name.
    let mut pred: BTreeMap<String, &crate::model::Person> = BTreeMap::new();
    for p in &ex.people {
        pred.entry(fold(&p.name)).or_insert(p);
    }
    let (mut role, mut person_org) = (Accuracy::default(), Accuracy::default());
    let mut wrong = Vec::new();
    let list = |items: Vec<&String>| {
        let mut items: Vec<&str> = items.into_iter().map(String::as_str).collect();
        items.dedup();
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(" / ")
        }
    };
    let mut tp = 0;
    for (name, g) in &gold {
        let Some(p) = pred.get(name) else { continue };
        tp += 1;
        if !g.roles.is_empty() {
            role.of += 1;
            let roles: Vec<&String> = p
                .role
                .iter()
                .chain(p.roles.iter().map(|r| &r.role))
                .filter(|r| !r.is_empty())
                .collect();
            if roles.iter().any(|r| g.roles.contains(&fold(r))) {
                role.correct += 1;
            } else {
                wrong.push(format!(
                    "{name}: role {}, key {}",
                    list(roles),
                    list(g.roles.iter().collect())
                ));
            }
        }
        if !g.orgs.is_empty() {
            person_org.of += 1;
            let stripped: BTreeSet<String> = g.orgs.iter().map(|o| strip_legal(o)).collect();
            let orgs: Vec<&String> = p
                .organization
                .iter()
                .chain(p.roles.iter().filter_map(|r| r.organization.as_ref()))
                .filter(|o| !o.is_empty())
                .collect();
            let right = orgs.iter().any(|o| {
                let o = resolve_org(o, key);
                g.orgs.contains(&o) || stripped.contains(&strip_legal(&o))
            });
            if right {
                person_org.correct += 1;
            } else {
                wrong.push(format!(
                    "{name}: organization {}, key {}",
                    list(orgs),
                    list(g.orgs.iter().collect())
                ));
            }
        }
    }
    let out = FieldScore {
        tally: Tally {
            tp,
            predicted: pred.len(),
            gold: gold.len(),
        },
        misses: gold
            .keys()
            .filter(|n| !pred.contains_key(*n))
            .cloned()
            .collect(),
        extras: pred
            .keys()
            .filter(|n| !gold.contains_key(*n))
            .cloned()
            .collect(),
    };
    (out, role, person_org, wrong)
}

/// A value of a (text, value) item: a date's string or a count's number.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Str(String),
    Int(i64),
}

impl Value {
    fn repr(&self) -> String {
        match self {
            Value::Str(s) => py_repr(s),
            Value::Int(n) => n.to_string(),
        }
    }
}

/// Distinct (text, value) items; a prediction matches a gold item exactly, or else
/// one of the same value whose text contains it or is contained in it. Both sides are
/// taken in the order of their Python repr, as `score.py` sorts them.
fn score_set(
    gold: impl Iterator<Item = (String, Value)>,
    pred: impl Iterator<Item = (String, Value)>,
) -> FieldScore {
    let distinct =
        |items: &mut dyn Iterator<Item = (String, Value)>| -> Vec<((String, Value), String)> {
            let mut v: Vec<((String, Value), String)> = Vec::new();
            for item in items {
                if !v.iter().any(|(x, _)| *x == item) {
                    let repr = format!("({}, {})", py_repr(&item.0), item.1.repr());
                    v.push((item, repr));
                }
            }
            v.sort_by(|a, b| a.1.cmp(&b.1));
            v
        };
    let (mut gold, mut pred) = (gold, pred);
    let g = distinct(&mut gold);
    let p = distinct(&mut pred);
    let mut used = vec![false; p.len()];
    let mut out = FieldScore::default();
    for ((g_text, g_value), g_repr) in &g {
        let free = |j: &usize| !used[*j];
        let exact = (0..p.len())
            .filter(free)
            .find(|&j| p[j].0.0 == *g_text && p[j].0.1 == *g_value);
        let pick = exact.or_else(|| {
            (0..p.len()).filter(free).find(|&j| {
                let (p_text, p_value) = &p[j].0;
                p_value == g_value
                    && !p_text.is_empty()
                    && !g_text.is_empty()
                    && (g_text.contains(p_text.as_str()) || p_text.contains(g_text.as_str()))
            })
        });
        match pick {
            Some(j) => {
                used[j] = true;
                out.tally.tp += 1;
            }
            None => out.misses.push(g_repr.clone()),
        }
    }
    out.tally.predicted = p.len();
    out.tally.gold = g.len();
    out.extras = p
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((_, repr), _)| repr.clone())
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Organization, Person, RoleAt};

    fn org(name: &str, aliases: &[&str]) -> Organization {
        Organization {
            name: name.to_string(),
            legal_form: None,
            kind: crate::model::OrgKind::Other,
            country: None,
            headquarters: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![],
        }
    }

    fn person(
        name: &str,
        role: Option<&str>,
        org: Option<&str>,
        roles: &[(&str, Option<&str>)],
    ) -> Person {
        Person {
            name: name.to_string(),
            name_as_written: name.to_string(),
            role: role.map(str::to_string),
            organization: org.map(str::to_string),
            roles: roles
                .iter()
                .map(|(r, o)| RoleAt {
                    role: r.to_string(),
                    organization: o.map(str::to_string),
                })
                .collect(),
            mentions: vec![],
        }
    }

    fn key(json: &str) -> AnswerKey {
        AnswerKey::from_json(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn folding_and_legal_forms() {
        assert_eq!(fold("ＡＢＣ　株式会社\t"), "ABC株式会社");
        assert_eq!(fold("a\u{1c}b"), "ab");
        assert_eq!(strip_legal("株式会社アカネ株式会社"), "アカネ");
        assert_eq!(strip_legal("(株)アカネ"), "アカネ");
        assert_eq!(strip_legal("株式会社"), "");
        // Only the ends: a form inside the name stays.
        assert_eq!(strip_legal("アカネ株式会社研究所"), "アカネ株式会社研究所");
    }

    #[test]
    fn python_repr() {
        assert_eq!(py_repr("8月30日"), "'8月30日'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(py_repr("a\\b"), "'a\\\\b'");
        assert_eq!(py_repr("\u{200b}x\u{7}"), "'\\u200bx\\x07'");
    }

    #[test]
    fn organizations_by_name_alias_or_without_legal_form() {
        let k = key(
            r#"{"organizations": ["株式会社アカネ", "一般社団法人LINK-J", "川崎市", "横浜市"]}"#,
        );
        let ex = Extraction {
            organizations: vec![
                org("アカネ株式会社", &[]),
                org("ライフサイエンス協会", &["LINK-J"]),
                org("川崎市", &[]),
                org("東京都", &["都"]),
            ],
            ..Default::default()
        };
        let s = score(&k, &ex).organizations;
        assert_eq!(
            s.tally,
            Tally {
                tp: 3,
                predicted: 4,
                gold: 4
            }
        );
        assert_eq!(s.misses, ["横浜市"]);
        assert_eq!(s.extras, ["東京都"]); // the smallest of its names
    }

    #[test]
    fn organizations_greedy_in_gold_order() {
        // One prediction answers to both gold names: the first gold name takes it.
        let k = key(r#"{"organizations": ["アカネ", "株式会社アカネ"]}"#);
        let ex = Extraction {
            organizations: vec![org("株式会社アカネ", &[])],
            ..Default::default()
        };
        let s = score(&k, &ex).organizations;
        assert_eq!(
            s.tally,
            Tally {
                tp: 1,
                predicted: 1,
                gold: 2
            }
        );
        assert_eq!(s.misses, ["株式会社アカネ"]);
    }

    #[test]
    fn people_roles_and_organizations() {
        let k = key(r#"{
            "organizations": ["一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン", "川崎市"],
            "aliases": [{"alias": "LINK-J", "organization": "一般社団法人ライフサイエンス・イノベーション・ネットワーク・ジャパン"}],
            "people": [
                {"name": "福田紀彦", "role": "市長", "organization": "川崎市"},
                {"name": "曽山明彦", "role": "理事", "organization": "LINK-J"},
                {"name": "曽山明彦", "role": "事務局長", "organization": "LINK-J"},
                {"name": "山田花子", "role": null, "organization": "川崎市"},
                {"name": "佐藤一郎", "role": "部長", "organization": "川崎市"}
            ]}"#);
        let ex = Extraction {
            people: vec![
                person("福田 紀彦", Some("川崎市長"), Some("川崎市"), &[]),
                person(
                    "曽山明彦",
                    Some("代表"),
                    Some("LINK-J"),
                    &[("事務局長", Some("LINK-J"))],
                ),
                person(
                    "山田花子",
                    None,
                    Some("ライフサイエンス・イノベーション・ネットワーク・ジャパン"),
                    &[],
                ),
                person("福田紀彦", Some("市長"), None, &[]), // a second prediction of a name is not read
                person("鈴木次郎", None, None, &[]),
            ],
            ..Default::default()
        };
        let d = score(&k, &ex);
        assert_eq!(
            d.people.tally,
            Tally {
                tp: 3,
                predicted: 4,
                gold: 4
            }
        );
        assert_eq!(d.people.misses, ["佐藤一郎"]);
        assert_eq!(d.people.extras, ["鈴木次郎"]);
        // 福田: role 川崎市長 ≠ 市長; 曽山: 事務局長 in roles[] is right.
        assert_eq!(d.role, Accuracy { correct: 1, of: 2 });
        // 福田 川崎市 right; 曽山 LINK-J resolves to the full name; 山田 wrong.
        assert_eq!(d.person_org, Accuracy { correct: 2, of: 3 });
    }

    #[test]
    fn person_organization_through_an_alias_without_legal_form() {
        let k = key(
            r#"{"organizations": ["株式会社アカネ"], "aliases": [{"alias": "アカネ", "organization": "株式会社アカネ"}],
                "people": [{"name": "山田太郎", "role": "社長", "organization": "アカネ"}]}"#,
        );
        let ex = Extraction {
            people: vec![person("山田太郎", None, Some("アカネ株式会社"), &[])],
            ..Default::default()
        };
        let d = score(&k, &ex);
        assert_eq!(d.person_org, Accuracy { correct: 1, of: 1 });
        assert_eq!(d.role, Accuracy { correct: 0, of: 1 });
    }

    #[test]
    fn sets_distinct_exact_then_loose() {
        let gold = [
            ("約3,500名", 3500),
            ("9例目", 9),
            ("9例目", 9),
            ("10社", 10),
        ];
        let pred = [("3,500名", 3500), ("9例目", 9), ("10社", 11), ("5名", 5)];
        let s = score_set(
            gold.iter().map(|(t, v)| (fold(t), Value::Int(*v))),
            pred.iter().map(|(t, v)| (fold(t), Value::Int(*v))),
        );
        assert_eq!(
            s.tally,
            Tally {
                tp: 2,
                predicted: 4,
                gold: 3
            }
        );
        assert_eq!(s.misses, ["('10社', 10)"]);
        assert_eq!(s.extras, ["('10社', 11)", "('5名', 5)"]);
    }

    #[test]
    fn loose_match_follows_repr_order() {
        // Gold 「8月30日」 and 「2018年8月30日」, same value; one prediction 「8月30日」.
        // Gold items are taken in repr order, so 「2018年8月30日」 comes first and takes
        // the prediction loosely, leaving the exact gold item missed (as score.py does).
        let v = || Value::Str("2018-08-30".into());
        let s = score_set(
            [
                ("8月30日".to_string(), v()),
                ("2018年8月30日".to_string(), v()),
            ]
            .into_iter(),
            [("8月30日".to_string(), v())].into_iter(),
        );
        assert_eq!(s.tally.tp, 1);
        assert_eq!(s.misses, ["('8月30日', '2018-08-30')"]);
    }

    #[test]
    fn release_date_counts_every_document() {
        let none = score(&AnswerKey::default(), &Extraction::default());
        assert_eq!(none.release_date, Accuracy { correct: 1, of: 1 });
        let k = key(r#"{"release_date": "2018-08-31"}"#);
        let wrong = score(&k, &Extraction::default());
        assert_eq!(wrong.release_date, Accuracy { correct: 0, of: 1 });
        let ex = Extraction {
            release_date: chrono::NaiveDate::from_ymd_opt(2018, 8, 31),
            ..Default::default()
        };
        assert_eq!(score(&k, &ex).release_date, Accuracy { correct: 1, of: 1 });
    }

    #[test]
    fn bad_keys_are_errors_not_panics() {
        assert!(AnswerKey::from_json("[]").is_err());
        assert!(AnswerKey::from_json(r#"{"counts": [{"text": "9例目", "value": "9"}]}"#).is_err());
        assert!(AnswerKey::from_json(r#"{"people": [{"role": "社長"}]}"#).is_err());
        let e = AnswerKey::from_json("{\n\"organizations\": [1]\n}")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn floors() {
        assert!("micro=0.8".parse::<Floor>().is_ok());
        assert!("counts = 0.8".parse::<Floor>().is_ok());
        assert!("micro".parse::<Floor>().is_err());
        assert!("micro=x".parse::<Floor>().is_err());
        assert!("micro=-0.1".parse::<Floor>().is_err());
        let mut s = Scores::default();
        s.add(&DocScore {
            dates: FieldScore {
                tally: Tally {
                    tp: 1,
                    predicted: 2,
                    gold: 2,
                },
                ..Default::default()
            },
            ..Default::default()
        });
        let below = s.below(&[
            "dates=0.6".parse().unwrap_or_else(|e| panic!("{e}")),
            "dates=0.5".parse().unwrap_or_else(|e| panic!("{e}")),
        ]);
        assert_eq!(below.len(), 1);
        assert_eq!(below[0].1, 0.5);
    }
}
