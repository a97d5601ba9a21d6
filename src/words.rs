//! Finding many words in a text in one pass, for the rules that would otherwise search
//! the text once per word of a list.

use rustc_hash::FxHashMap;

/// A list of words, searched for all at once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    words: Vec<String>,
    /// The words by their first character, each list in list order.
    by_first: FxHashMap<char, Vec<usize>>,
    /// A quick filter of the first characters: bit `c % 4096` is set for each.
    first_bits: Vec<u64>,
}

impl Words {
    const FILTER_BITS: usize = 4096;
    /// Up to this many distinct first characters, each is searched for on its own.
    const MAX_SEARCHES: usize = 64;

    /// The words of `words` (an empty word finds nothing).
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_string()).collect();
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        let mut first_bits = vec![0u64; Self::FILTER_BITS / 64];
        for (i, word) in words.iter().enumerate() {
            if let Some(c) = word.chars().next() {
                by_first.entry(c).or_default().push(i);
                let bit = c as usize % Self::FILTER_BITS;
                first_bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        Words {
            words,
            by_first,
            first_bits,
        }
    }

    /// Every occurrence of every word, word by word in list order: for each word, the
    /// offsets `hay.match_indices(word)` gives (in text order, not overlapping each other).
    ///
    /// One walk over the text's characters: a word can only start where its first
    /// character is, and most characters start none of the words.
    pub fn occurrences(&self, hay: &str) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.words.len()];
        if self.by_first.is_empty() {
            return out;
        }
        // where each word's last occurrence ends (match_indices does not overlap them)
        let mut free_from = vec![0usize; self.words.len()];
        if self.by_first.len() <= Self::MAX_SEARCHES {
            // Few first characters: search the text for each (a vectorized search for a
            // few bytes) instead of decoding every character. A character's bytes are
            // found only where that character starts (UTF-8 is self-synchronizing).
            let mut buf = [0u8; 4];
            for (c, candidates) in &self.by_first {
                let needle = c.encode_utf8(&mut buf);
                for at in memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()) {
                    self.record(hay, at, candidates, &mut out, &mut free_from);
                }
            }
            return out;
        }
        for (at, c) in hay.char_indices() {
            let bit = c as usize % Self::FILTER_BITS;
            if self.first_bits[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let Some(candidates) = self.by_first.get(&c) else {
                continue;
            };
            self.record(hay, at, candidates, &mut out, &mut free_from);
        }
        out
    }

    /// The `candidates` (words with the character at `at` first) that start at `at` and
    /// do not overlap their own previous occurrence.
    #[inline]
    fn record(
        &self,
        hay: &str,
        at: usize,
        candidates: &[usize],
        out: &mut [Vec<usize>],
        free_from: &mut [usize],
    ) {
        let Some(rest) = hay.get(at..) else { return };
        for &i in candidates {
            let word = &self.words[i];
            if at >= free_from[i] && rest.starts_with(word.as_str()) {
                out[i].push(at);
                free_from[i] = at + word.len();
            }
        }
    }
}

/// A list of words indexed by their first and their last character: the words a string
/// may start or end with, in list order, without comparing it with all of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Affixes {
    by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
    by_last: rustc_hash::FxHashMap<char, Vec<usize>>,
}

impl Affixes {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = Affixes::default();
        for (i, word) in words.into_iter().enumerate() {
            let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
                continue;
            };
            index.by_first.entry(first).or_default().push(i);
            index.by_last.entry(last).or_default().push(i);
        }
        index
    }

    /// The indices, in list order, of the words that may start `s` (same first character).
    pub fn starting(&self, s: &str) -> &[usize] {
        s.chars()
            .next()
            .and_then(|c| self.by_first.get(&c))
            .map_or(&[], Vec::as_slice)
    }

    /// The indices, in list order, of the words that may end `s` (same last character).
    pub fn ending(&self, s: &str) -> &[usize] {
        s.chars()
            .next_back()
            .and_then(|c| self.by_last.get(&c))
            .map_or(&[], Vec::as_slice)
    }

    /// The indices, in list order, of the words that may start or end `s`.
    pub fn starting_or_ending(&self, s: &str) -> Vec<usize> {
        let (a, b) = (self.starting(s), self.ending(s));
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(&x), Some(&y)) if x == y => {
                    i += 1;
                    j += 1;
                    x
                }
                (Some(&x), Some(&y)) if x < y => {
                    i += 1;
                    x
                }
                (Some(&x), None) => {
                    i += 1;
                    x
                }
                (_, Some(&y)) => {
                    j += 1;
                    y
                }
                (None, None) => break,
            };
            out.push(next);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_the_words_a_string_may_start_or_end_with() {
        let words = ["株式会社", "社", "会社", "株", "財団"];
        let index = Affixes::new(words);
        assert_eq!(index.starting("株式会社アカネ"), &[0, 3]);
        assert_eq!(index.ending("アカネ会社"), &[0, 1, 2]);
        assert_eq!(
            index.starting_or_ending("株式会社アカネ社"),
            vec![0, 1, 2, 3]
        );
        assert!(index.starting("").is_empty());
    }

    #[test]
    fn occurrences_are_match_indices_per_word() {
        let words = ["(株)", "株", "ああ", "あ", "株式会社", "式会", "社"];
        let hay = "(株)アカネと株式会社ああああ";
        let finder = Words::new(words);
        let expected: Vec<Vec<usize>> = words
            .iter()
            .map(|w| hay.match_indices(w).map(|(at, _)| at).collect())
            .collect();
        assert_eq!(finder.occurrences(hay), expected);
        assert_eq!(
            Words::new(Vec::<String>::new()).occurrences("株"),
            Vec::<Vec<usize>>::new()
        );
        assert_eq!(
            Words::new(["", "株"]).occurrences("株株"),
            vec![vec![], vec![0, 3]]
        );
        // more first characters than are searched for one by one: the walk over the text
        let many: Vec<String> = ('一'..='龥')
            .step_by(97)
            .take(Words::MAX_SEARCHES + 5)
            .map(|c| format!("{c}会"))
            .chain(words.iter().map(|w| w.to_string()))
            .collect();
        let hay = format!("{hay}{}", many.concat());
        let expected: Vec<Vec<usize>> = many
            .iter()
            .map(|w| hay.match_indices(w.as_str()).map(|(at, _)| at).collect())
            .collect();
        assert_eq!(Words::new(&many).occurrences(&hay), expected);
    }
}
