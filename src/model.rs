//! The output types: what [`crate::Extractor::extract`] returns, serialized by the CLI.
//!
//! Every item carries the [`Span`] of the input it came from, and its `text` is
//! exactly that slice of the input: `&input[span.byte[0]..span.byte[1]] == text`.
//! For HTML input the "input" is the page's extracted main text, returned in
//! [`Extraction::document_text`].

use serde::{Deserialize, Serialize};

/// Where a mention sits in the input: a byte range and a char range, both half-open.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年8月31日")?;
/// let span = ex.dates[0].span;
/// assert_eq!(span.byte, [0, 16]);
/// assert_eq!(span.char, [0, 10]);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// `[start, end)` in bytes of the UTF-8 input.
    pub byte: [usize; 2],
    /// `[start, end)` in Unicode scalar values (chars).
    pub char: [usize; 2],
}

impl Span {
    /// The byte range, for slicing the input.
    ///
    /// ```
    /// let text = "発表日 2018年8月31日";
    /// let ex = ja_press::Extractor::new()?.extract(text)?;
    /// assert_eq!(&text[ex.dates[0].span.range()], "2018年8月31日");
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.byte[0]..self.byte[1]
    }
}

/// One place a fact is written in the input: the text exactly as written, and where.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("三井不動産株式会社は発表した。")?;
/// let first = &ex.organizations[0].mentions[0];
/// assert_eq!(first.text, "三井不動産株式会社");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The input's own text at `span`.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Which reader produced the document text.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract_html("<p>本文</p>")?;
/// assert_eq!(ex.input, ja_press::InputKind::Html);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Plain text; spans index the input itself.
    #[default]
    Text,
    /// An HTML page; spans index [`Extraction::document_text`].
    Html,
}

/// Everything found in one document.
///
/// The top-level `title`, `publisher` and `release_date` are the release's metadata in
/// short form; [`Extraction::release`] has the same with spans and where each came from.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("配信日時: 2021-05-11 14:00:00")?;
/// assert_eq!(ex.release_date.map(|d| d.to_string()).as_deref(), Some("2021-05-11"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The file or stream this came from, when the caller gave one (the CLI does).
    #[serde(default)]
    pub source: Option<String>,
    /// Plain text or HTML.
    #[serde(default)]
    pub input: InputKind,
    /// The release's headline.
    #[serde(default)]
    pub title: Option<String>,
    /// The organization that issued the release.
    #[serde(default)]
    pub publisher: Option<String>,
    /// The date the release was issued, `YYYY-MM-DD`.
    #[serde(default)]
    pub release_date: Option<chrono::NaiveDate>,
    /// The release metadata with spans: title, publishers, date, URLs.
    #[serde(default)]
    pub release: Release,
    /// Organizations, one entity each, with aliases and every mention.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// People with their roles and organizations.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Quoted statements and who made them.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Calendar dates: points in time and the ends of ranges.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// Date ranges (「4月1日〜6月30日」); their two ends are also in `dates`.
    #[serde(default)]
    pub date_ranges: Vec<DateRange>,
    /// Lengths of time and relative expressions (約2年前, 今後5年間, 半年間): not
    /// calendar dates, so kept out of `dates`; their `kind` is `duration`.
    #[serde(default)]
    pub durations: Vec<DateMention>,
    /// Counts and ordinals of organizations, people, events….
    #[serde(default)]
    pub counts: Vec<Count>,
    /// Money, percentages and lengths: numbers that are not counts.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// Agreements the release announces or lists.
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
    /// Dated entries of timeline pages.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Number series such as a chart of tenants per half-year.
    #[serde(default)]
    pub series: Vec<Series>,
    /// The text spans index, when it is not the input itself (HTML input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_text: Option<String>,
}

// ---------------------------------------------------------------- release metadata

/// How a piece of release metadata was found.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("配信日時: 2021-05-11 14:00:00")?;
/// assert_eq!(ex.release.date.unwrap().from, ja_press::MetaSource::Label);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaSource {
    /// A labelled line: 「配信日時:」「プレスリリース発表元企業:」「発表日:」.
    Label,
    /// A line that holds only a date, in the header of the release.
    DateLine,
    /// The first line of the body that reads as a headline.
    Headline,
    /// The organizations listed under the date line of the header.
    SignatureBlock,
    /// The HTML `<title>` element.
    HtmlTitle,
    /// An HTML `<meta>` element (og:title, article:published_time…).
    HtmlMeta,
    /// An HTML `<time datetime>` element.
    HtmlTime,
}

/// A piece of text metadata: the text, its span (none when it came from HTML markup), and how it was found.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("プレスリリース発表元企業:アストラゼネカ株式会社")?;
/// assert_eq!(ex.release.publishers[0].text, "アストラゼネカ株式会社");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseField {
    /// The text as written.
    pub text: String,
    /// Where it is in the document text; `None` for HTML markup outside the text.
    pub span: Option<Span>,
    /// How it was found.
    pub from: MetaSource,
}

/// The release's own date.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("新商品を発売\n2024年4月1日\n株式会社アカネ")?;
/// let date = ex.release.date.unwrap();
/// assert_eq!(date.value.to_string(), "2024-04-01");
/// assert_eq!(date.text, "2024年4月1日");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseDate {
    /// The calendar date.
    pub value: chrono::NaiveDate,
    /// The text it was read from.
    pub text: String,
    /// Where that text is; `None` for HTML markup.
    pub span: Option<Span>,
    /// How it was found.
    pub from: MetaSource,
}

/// The release's metadata, with spans.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("詳細は https://example.co.jp/news をご覧ください。")?;
/// assert_eq!(ex.release.urls[0].text, "https://example.co.jp/news");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    /// The headline.
    pub title: Option<ReleaseField>,
    /// The issuing organizations, the main one first.
    pub publishers: Vec<ReleaseField>,
    /// The date of issue.
    pub date: Option<ReleaseDate>,
    /// Every URL in the text.
    pub urls: Vec<Mention>,
}

// ---------------------------------------------------------------- organizations

/// Whether a legal form is written before the name (前株) or after it (後株).
///
/// ```
/// use ja_press::LegalFormPosition;
/// let ex = ja_press::Extractor::new()?.extract("株式会社アカネは発表した。")?;
/// assert_eq!(ex.organizations[0].legal_form.as_ref().unwrap().position, LegalFormPosition::Prefix);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalFormPosition {
    /// 前株: 株式会社アカネ.
    Prefix,
    /// 後株: アカネ株式会社.
    Suffix,
}

/// A legal form (株式会社, 一般社団法人, (株)…) and where it is written.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("アカネ株式会社は発表した。")?;
/// assert_eq!(ex.organizations[0].legal_form.as_ref().unwrap().name, "株式会社");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LegalForm {
    /// The form in its full written-out spelling: (株) gives 株式会社.
    pub name: String,
    /// Before or after the name.
    pub position: LegalFormPosition,
}

/// What kind of body an organization is.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("横浜国立大学と協定を締結した。")?;
/// assert_eq!(ex.organizations[0].kind, ja_press::OrgKind::University);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 株式会社, 合同会社, Inc., Ltd.…
    Company,
    /// 社団法人, 協会, 団体, コンソーシアム…
    Association,
    /// 財団法人, 財団, 機構…
    Foundation,
    /// 大学, 大学院, 学校法人…
    University,
    /// 研究所, 研究センター, 国立研究開発法人…
    ResearchInstitute,
    /// 市, 町, 村, 県, 都, 道, 府, 区.
    Municipality,
    /// 省, 庁, 政府, 州政府, ministries abroad.
    Government,
    /// 病院, 医療法人…
    Hospital,
    /// Anything else.
    #[default]
    Other,
}

/// How a mention refers to its organization.
///
/// ```
/// use ja_press::Via;
/// let ex = ja_press::Extractor::new()?.extract("株式会社アカネ(以下「アカネ」)は、アカネの新製品を発表した。")?;
/// assert!(ex.organizations[0].mentions.iter().any(|m| m.via == Via::Alias));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The organization's name.
    Name,
    /// One of its aliases.
    Alias,
    /// A self-reference that stands for it: 当社, 本学, 同財団, 同市.
    SelfReference,
}

/// One mention of an organization.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("アカネ株式会社は発表した。")?;
/// let m = &ex.organizations[0].mentions[0];
/// assert_eq!((m.text.as_str(), m.via), ("アカネ株式会社", ja_press::Via::Name));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgMention {
    /// The input's own text at `span`.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Name, alias or self-reference.
    pub via: Via,
}

/// An organization: one entity per distinct body, with all the ways the text names it.
///
/// ```
/// let text = "一般社団法人アカネ協会(本社:東京都千代田区、以下「AKN」)は、AKNの会員を募集します。";
/// let ex = ja_press::Extractor::new()?.extract(text)?;
/// let org = &ex.organizations[0];
/// assert_eq!(org.name, "一般社団法人アカネ協会");
/// assert_eq!(org.aliases, vec!["AKN".to_string()]);
/// assert_eq!(org.headquarters.as_deref(), Some("東京都千代田区"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// The fullest name as written, legal form included.
    pub name: String,
    /// Its legal form, if the name has one.
    pub legal_form: Option<LegalForm>,
    /// What kind of body it is.
    pub kind: OrgKind,
    /// The country the text gives for it: 米国, 英国, 日本….
    pub country: Option<String>,
    /// The head office or seat the text gives: 東京都中央区日本橋本町.
    pub headquarters: Option<String>,
    /// Other names: short forms, abbreviations, readings, former or new names.
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<OrgMention>,
}

// ---------------------------------------------------------------- people

/// A role a person holds, and where.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("川崎市長 福田 紀彦 氏は次のように述べた。")?;
/// let role = &ex.people[0].roles[0];
/// assert_eq!((role.role.as_str(), role.organization.as_deref()), ("市長", Some("川崎市")));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAt {
    /// The role as written nearest the name, place prefixes removed: 市長, 理事兼事務局長.
    pub role: String,
    /// The organization's name, as in [`Extraction::organizations`].
    pub organization: Option<String>,
}

/// A person named in the release.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("代表取締役社長の山田 太郎は次のように述べた。")?;
/// let p = &ex.people[0];
/// assert_eq!((p.name.as_str(), p.name_as_written.as_str()), ("山田太郎", "山田 太郎"));
/// assert_eq!(p.role.as_deref(), Some("代表取締役社長"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The name without the space between family and given names, honorifics stripped.
    pub name: String,
    /// The name as first written.
    pub name_as_written: String,
    /// The main role.
    pub role: Option<String>,
    /// The organization of the main role.
    pub organization: Option<String>,
    /// Every role found, the main one first.
    pub roles: Vec<RoleAt>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A quoted statement: 「…」と述べています.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("社長の山田 太郎は「新しい挑戦を続けてまいります」と述べています。")?;
/// assert_eq!(ex.quotes[0].speaker.as_deref(), Some("山田太郎"));
/// assert_eq!(ex.quotes[0].text, "新しい挑戦を続けてまいります");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name, as in [`Extraction::people`].
    pub speaker: Option<String>,
    /// The quoted words, without the brackets.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

// ---------------------------------------------------------------- dates

/// How precisely a date is known.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年度の計画")?;
/// assert_eq!(ex.dates[0].precision, ja_press::Precision::FiscalYear);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// 2018年.
    Year,
    /// 2018年度: a fiscal year (in Japan usually April to March).
    FiscalYear,
    /// 2018年8月, 1月末, 4月上旬.
    Month,
    /// 2018年8月31日.
    Day,
    /// 2021-05-11 14:00:00.
    Datetime,
}

/// Where a date's year came from.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年8月31日\n川崎市と8月30日に覚書を締結しました。")?;
/// assert_eq!(ex.dates[1].year_source, ja_press::YearSource::ReleaseDate);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Written in the date itself.
    Stated,
    /// Taken from the release date.
    ReleaseDate,
    /// Taken from the nearest year heading above (timeline pages).
    Heading,
    /// Taken from the text around it: 同年, 本年, a year earlier in the sentence.
    Context,
    /// Not known: the value starts with `XXXX`.
    Unknown,
}

/// Whether a date is a point, one end of a range, or a duration.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年4月1日〜6月30日")?;
/// assert_eq!(ex.dates[0].kind, ja_press::DateKind::RangeStart);
/// assert_eq!(ex.dates[1].kind, ja_press::DateKind::RangeEnd);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A point in time.
    Date,
    /// The start of a range.
    RangeStart,
    /// The end of a range.
    RangeEnd,
    /// A length of time or a relative expression: 約2年前, 今後5年間, 半年間
    /// (listed in [`Extraction::durations`], not in `dates`).
    Duration,
}

/// Which part of a month a date names: 上旬, 中旬, 下旬, 末, 初め.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年4月下旬")?;
/// assert_eq!(ex.dates[0].part_of_month, Some(ja_press::MonthPart::Late));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthPart {
    /// 上旬, 初め, 初旬.
    Early,
    /// 中旬.
    Middle,
    /// 下旬.
    Late,
    /// 末.
    End,
}

/// A date's value in chrono types, at its precision.
///
/// Serialized as ISO 8601 with only the known parts: `2018`, `2018-08`, `2018-08-31`,
/// `2021-05-11T14:00:00`, `XXXX-08-30` when the year is unknown, and `P2Y` for durations.
///
/// ```
/// use ja_press::DateValue;
/// let v: DateValue = "2018-08".parse()?;
/// assert_eq!(v, DateValue::YearMonth { year: 2018, month: 8 });
/// assert_eq!(v.to_string(), "2018-08");
/// assert_eq!(v.first_day(), chrono::NaiveDate::from_ymd_opt(2018, 8, 1));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateValue {
    /// A year: `2018`.
    Year(i32),
    /// A month of a year: `2018-08`.
    YearMonth {
        /// The year.
        year: i32,
        /// 1 to 12.
        month: u32,
    },
    /// A day: `2018-08-31`.
    Date(chrono::NaiveDate),
    /// A day and time: `2021-05-11T14:00:00`.
    DateTime(chrono::NaiveDateTime),
    /// A month whose year is unknown: `XXXX-08`.
    Month(u32),
    /// A day whose year is unknown: `XXXX-08-30`.
    MonthDay {
        /// 1 to 12.
        month: u32,
        /// 1 to 31.
        day: u32,
    },
    /// A duration in years, months and days: `P2Y`, `P6M`, `P1Y6M`.
    Duration {
        /// Whole years.
        years: u32,
        /// Whole months.
        months: u32,
        /// Whole days.
        days: u32,
    },
}

impl DateValue {
    /// The first day of the period, when the year is known.
    ///
    /// ```
    /// let v: ja_press::DateValue = "2018".parse()?;
    /// assert_eq!(v.first_day(), chrono::NaiveDate::from_ymd_opt(2018, 1, 1));
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn first_day(&self) -> Option<chrono::NaiveDate> {
        use chrono::NaiveDate;
        match *self {
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            DateValue::YearMonth { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            DateValue::Date(d) => Some(d),
            DateValue::DateTime(dt) => Some(dt.date()),
            _ => None,
        }
    }

    /// The year, when known.
    ///
    /// ```
    /// let v: ja_press::DateValue = "XXXX-08-30".parse()?;
    /// assert_eq!(v.year(), None);
    /// # Ok::<(), ja_press::Error>(())
    /// ```
    pub fn year(&self) -> Option<i32> {
        use chrono::Datelike;
        match *self {
            DateValue::Year(y) | DateValue::YearMonth { year: y, .. } => Some(y),
            DateValue::Date(d) => Some(d.year()),
            DateValue::DateTime(dt) => Some(dt.year()),
            _ => None,
        }
    }
}

impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::YearMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::DateTime(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
            DateValue::Month(m) => write!(f, "XXXX-{m:02}"),
            DateValue::MonthDay { month, day } => write!(f, "XXXX-{month:02}-{day:02}"),
            DateValue::Duration {
                years,
                months,
                days,
            } => {
                write!(f, "P")?;
                if years > 0 {
                    write!(f, "{years}Y")?;
                }
                if months > 0 {
                    write!(f, "{months}M")?;
                }
                if days > 0 || (years == 0 && months == 0) {
                    write!(f, "{days}D")?;
                }
                Ok(())
            }
        }
    }
}

impl std::str::FromStr for DateValue {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        use chrono::{NaiveDate, NaiveDateTime};
        let bad = || crate::Error::Parse(format!("not a date value: {s:?}"));
        let num = |t: &str| t.parse::<u32>().map_err(|_| bad());
        if let Some(rest) = s.strip_prefix('P') {
            let (mut years, mut months, mut days) = (0, 0, 0);
            let mut digits = String::new();
            for c in rest.chars() {
                match c {
                    '0'..='9' => digits.push(c),
                    'Y' => years = num(&std::mem::take(&mut digits))?,
                    'M' => months = num(&std::mem::take(&mut digits))?,
                    'D' => days = num(&std::mem::take(&mut digits))?,
                    _ => return Err(bad()),
                }
            }
            return if digits.is_empty() {
                Ok(DateValue::Duration {
                    years,
                    months,
                    days,
                })
            } else {
                Err(bad())
            };
        }
        if let Some(rest) = s.strip_prefix("XXXX-") {
            let parts: Vec<&str> = rest.split('-').collect();
            return match parts.as_slice() {
                [m] => Ok(DateValue::Month(num(m)?)),
                [m, d] => Ok(DateValue::MonthDay {
                    month: num(m)?,
                    day: num(d)?,
                }),
                _ => Err(bad()),
            };
        }
        if s.contains('T') {
            return NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .map(DateValue::DateTime)
                .map_err(|_| bad());
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => y.parse().map(DateValue::Year).map_err(|_| bad()),
            [y, m] => Ok(DateValue::YearMonth {
                year: y.parse().map_err(|_| bad())?,
                month: num(m)?,
            }),
            [_, _, _] => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(DateValue::Date)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date, a range end, or a duration, as written in the text.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年1月末時点")?;
/// let d = &ex.dates[0];
/// assert_eq!((d.text.as_str(), d.value.to_string().as_str()), ("2018年1月末", "2018-01"));
/// assert_eq!(d.context.as_deref(), Some("時点"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The date as written, without context words such as 時点, 現在, まで.
    pub text: String,
    /// Its value.
    pub value: DateValue,
    /// How precisely it is known.
    pub precision: Precision,
    /// Where its year came from.
    pub year_source: YearSource,
    /// Point, range end, or duration.
    pub kind: DateKind,
    /// 上旬, 中旬, 下旬, 末.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_month: Option<MonthPart>,
    /// The word after it that says how it is used: 時点, 現在, まで, から, 以降, 前, ぶり….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// A range of two dates: 「2018年4月1日〜6月30日」「4月1日から3日まで」.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("2018年4月1日〜6月30日")?;
/// let r = &ex.date_ranges[0];
/// assert_eq!((r.start.to_string(), r.end.to_string()), ("2018-04-01".to_string(), "2018-06-30".to_string()));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// The whole range as written.
    pub text: String,
    /// The start's value.
    pub start: DateValue,
    /// The end's value.
    pub end: DateValue,
    /// Where it is.
    pub span: Span,
}

// ---------------------------------------------------------------- counts

/// An ordinal (10例目, 第2回) or a cardinal (73社・団体).
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("今回の提携は10例目となります。")?;
/// assert_eq!(ex.counts[0].kind, ja_press::CountKind::Ordinal);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountKind {
    /// Position in a series: 10例目, 10番目, 第3号.
    Ordinal,
    /// How many: 9団体, 約3,500名.
    Cardinal,
}

/// What a number's qualifier says about it.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("約3,500名が来場した。")?;
/// assert_eq!(ex.counts[0].qualifier, Some(ja_press::Qualifier::About));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 約, およそ, 程度.
    About,
    /// 超, を超える, 以上 (more than).
    Over,
    /// 以上 in the sense of "at least", 少なくとも.
    AtLeast,
    /// まで, 以下, 未満.
    UpTo,
    /// 計, 全, のべ, 合計.
    Total,
}

/// A count or ordinal of organizations, people, members, countries, events….
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("海外6団体を含む10団体と提携しています。")?;
/// let ten = ex.counts.iter().find(|c| c.value == 10).unwrap();
/// assert_eq!((ten.text.as_str(), ten.unit.as_str()), ("10団体", "団体"));
/// assert_eq!(ten.includes, Some(6));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The number with its unit and any leading 約: 「約3,500名」「10例目」.
    pub text: String,
    /// The number.
    pub value: i64,
    /// The unit or counter: 社・団体, 名, 例目, 期.
    pub unit: String,
    /// Ordinal or cardinal.
    pub kind: CountKind,
    /// 約, 超, 以上, まで, のべ….
    pub qualifier: Option<Qualifier>,
    /// Where the counted things are: 国内外, 海外, 国内.
    pub scope: Option<String>,
    /// What is counted, when the text says so: 加盟パートナー数, 来場者, 連携先.
    pub subject: Option<String>,
    /// 7から73社・団体へ: the starting value 7 of a change to 73.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i64>,
    /// 海外6団体を含む10団体: on the 10, the 6 it includes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<i64>,
    /// 海外6団体を含む10団体: on the 6, the 10 it is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<i64>,
    /// Where it is.
    pub span: Span,
}

/// What an amount measures.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("1000万円以上の支援を獲得")?;
/// assert_eq!(ex.amounts[0].kind, ja_press::AmountKind::Money);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// 1000万円, $5 million.
    Money,
    /// 52.4%.
    Percent,
    /// 400メートル, 5km.
    Length,
    /// 100平方メートル, 3ha.
    Area,
}

/// A number that is not a count: money, a percentage, a length or an area.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("約52.4%削減")?;
/// let a = &ex.amounts[0];
/// assert_eq!((a.value, a.unit.as_str()), (52.4, "%"));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// As written.
    pub text: String,
    /// The number, in the unit (1000万円 is 10,000,000 円).
    pub value: f64,
    /// 円, %, メートル….
    pub unit: String,
    /// Money, percent, length or area.
    pub kind: AmountKind,
    /// 約, 以上….
    pub qualifier: Option<Qualifier>,
    /// Where it is.
    pub span: Span,
}

// ---------------------------------------------------------------- partnerships and events

/// Where a partnership record was read from.
///
/// ```
/// let ex = ja_press::Extractor::new()?.extract("株式会社アカネは、2024年4月1日、横浜国立大学と包括連携協定を締結しました。")?;
/// assert_eq!(ex.partnerships[0].source, ja_press::PartnershipSource::Announcement);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipSource {
    /// The agreement the release announces.
    Announcement,
    /// An earlier agreement listed in running text: 「2016年5月にA、2017年6月にBと…覚書を締結しており」.
    RunningText,
    /// A row of a history table: 「(参考)…の提携に関する沿革」.
    HistoryTable,
    /// An entry of a timeline page.
    Timeline,
}

/// An agreement between organizations.
///
/// ```
/// let text = "株式会社アカネは、2024年4月1日、横浜国立大学と包括連携協定を締結しました。本提携は3例目となります。";
/// let ex = ja_press::Extractor::new()?.extract(text)?;
/// let p = &ex.partnerships[0];
/// assert!(p.parties.contains(&"横浜国立大学".to_string()));
/// assert_eq!(p.agreement.as_deref(), Some("包括連携協定"));
/// assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2024-04-01"));
/// assert_eq!(p.ordinal, Some(3));
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partnership {
    /// The organizations' names, as in [`Extraction::organizations`].
    pub parties: Vec<String>,
    /// The kind of agreement: 覚書, MOU, 業務提携, 包括連携協定….
    pub agreement: Option<String>,
    /// When it was made.
    pub date: Option<DateValue>,
    /// Its place in the series: 10例目 gives 10.
    pub ordinal: Option<i64>,
    /// The field it covers: ライフサイエンス領域.
    pub scope: Option<String>,
    /// The partner's country marker in a history table: 米, 英, 仏, 日.
    pub country: Option<String>,
    /// What the agreement covers, from a history table's contents column.
    pub contents: Vec<String>,
    /// Announcement, running text, history table or timeline.
    pub source: PartnershipSource,
    /// The sentence, row or entry it was read from.
    pub span: Span,
}

/// One entry of a timeline page: a dated, categorized event.
///
/// ```
/// let text = "2024年\n\n1月\n\n連携\n\n横浜国立大学と包括連携協定を締結\n\n共同研究を開始する\n";
/// let ex = ja_press::Extractor::new()?.extract(text)?;
/// let e = &ex.events[0];
/// assert_eq!(e.date.to_string(), "2024-01");
/// assert_eq!(e.category.as_deref(), Some("連携"));
/// assert_eq!(e.title, "横浜国立大学と包括連携協定を締結");
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When: the month heading (or year heading) it sits under.
    pub date: DateValue,
    /// The entry's label: 連携, コミュニティ, 取り組み, イベント, 施設, 運営….
    pub category: Option<String>,
    /// The entry's title line.
    pub title: String,
    /// The lines under the title.
    pub description: Option<String>,
    /// From the month heading (or category) to the end of the description.
    pub span: Span,
}

/// One value of a number series.
///
/// ```
/// let p = ja_press::SeriesPoint { label: "2018/04".into(), date: Some("2018-04".parse()?), value: 20 };
/// assert_eq!(p.value, 20);
/// # Ok::<(), ja_press::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// The column label as written.
    pub label: String,
    /// The label read as a date, when it is one.
    pub date: Option<DateValue>,
    /// The value.
    pub value: i64,
}

/// A number series from a chart or table: a name and one value per label.
///
/// ```
/// let s = ja_press::Series { name: "Tenants".into(), points: vec![], span: None };
/// assert!(s.points.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// The series' name: Tenants, Members.
    pub name: String,
    /// The values in label order.
    pub points: Vec<SeriesPoint>,
    /// The line the values were read from.
    pub span: Option<Span>,
}
