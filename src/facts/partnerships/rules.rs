//! Patterns of agreements: the verbs that make one, the words that say an agreement
//! is an earlier one, the headings of history tables, and the bullets of their rows.

use std::sync::LazyLock;

use regex::Regex;

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("partnership rule: {e}"))
}

/// An agreement made or announced: 締結しました, 締結いたします, 締結 (a headline), 提携しました….
pub(super) static MADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:締結|調印|署名|合意|提携|契約)(?:しました|いたしました|した|します|いたします|する|しており|してきた|してまいりました|しています|済み|$|。|を発表|へ|に至り|に至った|式)",
    )
});

/// Earlier agreements listed in running text: 「これまで…締結しており」.
pub(super) static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"これまで[、,]|これまでに|締結しており|締結してきた|提携しており|提携してきた|締結済み|締結しています",
    )
});

/// 「今般の…との提携は9例目」: the sentence that numbers the new agreement.
pub(super) static ORDINAL_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"提携|連携|締結|パートナー|MOU|MoU|協定|覚書"));

/// The field an agreement covers: 「ライフサイエンス領域における」.
pub(super) static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<scope>[\p{Han}\p{Katakana}ー・A-Za-z]{2,24}(?:領域|分野))(?:における|に関する|での|において|の)",
    )
});

/// The heading of a history table: 「(参考)LINK-Jの提携に関する沿革」, 「これまでの提携先」.
pub(super) static TABLE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:提携|連携|協定|覚書|パートナー)[^。]{0,12}(?:沿革|実績|一覧|履歴|先)")
});

/// A row's bullet: ・, •, ●, -.
pub(super) fn strip_bullet(s: &str) -> Option<&str> {
    let t = s.trim_start();
    ["・", "•", "●", "○", "■", "- ", "* "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map(str::trim)
}
