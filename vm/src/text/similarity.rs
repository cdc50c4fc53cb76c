//! "Did you mean ...?" string matching as CPython 3.14 does it.
//!
//! Two matchers, because CPython uses both: the Levenshtein-based suggestion of
//! `Python/suggestions.c` (`_suggestions._generate_suggestions`, also behind NameError and
//! AttributeError hints), and `difflib.get_close_matches` (Ratcliff/Obershelp ratio), which
//! `traceback` adds for keyword typos. Both are reproduced exactly, including their cut-offs
//! and tie-breaking, so that suggestions agree with CPython's.

use std::collections::HashMap;

/// Fixed-hasher maps: std's per-process seed would make identical runs execute different
/// instruction counts.
type Map<K, V> = HashMap<K, V, crate::compile::hash::FxBuild>;

/// Candidate lists this long or longer get no suggestion (`MAX_CANDIDATE_ITEMS`).
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Strings longer than this (after trimming common affixes) never match (`MAX_STRING_SIZE`).
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `_suggestions._generate_suggestions(candidates, name)`: the candidate closest to `name` by
/// case-aware edit distance over UTF-8 bytes, if any is close enough (at most about a third of
/// the characters changed). Earlier candidates win ties.
pub fn best_suggestion<'c>(candidates: &[&'c str], name: &str) -> Option<&'c str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'c str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            // Don't take matches already beaten; a distance of 0 cannot happen (equal strings
            // are skipped), so `d - 1` does not underflow.
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let distance = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(s, _)| s)
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance` of suggestions.c: returns `max_cost + 1` as soon as the distance is
/// known to exceed `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the classic matrix, updated in place: row[i] = cost(b[..j], a[..i + 1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &bc) in b.iter().enumerate() {
        let mut distance = j * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`: up to `n` possibilities whose
/// `SequenceMatcher(None, possibility, word).ratio()` is at least `cutoff`, best first (ties:
/// the greater string first, as `heapq.nlargest` on `(score, string)` orders them).
pub fn close_matches<'c>(
    word: &str,
    possibilities: &[&'c str],
    n: usize,
    cutoff: f64,
) -> Vec<&'c str> {
    let b: Vec<char> = word.chars().collect();
    let matcher = SequenceMatcher::new(&b);
    let mut scored: Vec<(f64, &'c str)> = Vec::new();
    for &x in possibilities {
        let a: Vec<char> = x.chars().collect();
        let total = a.len() + b.len();
        let ratio = |matches: usize| {
            if total == 0 {
                1.0
            } else {
                2.0 * matches as f64 / total as f64
            }
        };
        if ratio(a.len().min(b.len())) >= cutoff
            && ratio(matcher.quick_matches(&a)) >= cutoff
            && ratio(matcher.matching_chars(&a)) >= cutoff
        {
            scored.push((ratio(matcher.matching_chars(&a)), x));
        }
    }
    scored.sort_by(|l, r| r.0.total_cmp(&l.0).then_with(|| r.1.cmp(l.1)));
    scored.truncate(n);
    scored.into_iter().map(|(_, x)| x).collect()
}

/// The parts of `difflib.SequenceMatcher` with a fixed second sequence `b`, no junk function,
/// and `autojunk=True`.
struct SequenceMatcher<'b> {
    b: &'b [char],
    /// Positions of each non-popular element of `b`, ascending.
    b2j: Map<char, Vec<usize>>,
    /// Multiset of `b`'s elements (for `quick_ratio`).
    counts: Map<char, usize>,
}

impl<'b> SequenceMatcher<'b> {
    fn new(b: &'b [char]) -> Self {
        let mut b2j: Map<char, Vec<usize>> = Map::default();
        let mut counts: Map<char, usize> = Map::default();
        for (j, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(j);
            *counts.entry(c).or_default() += 1;
        }
        // autojunk: in sequences of 200 or more, elements making up more than 1% are
        // "popular" and cannot start a match.
        if b.len() >= 200 {
            let ntest = b.len() / 100 + 1;
            b2j.retain(|_, idxs| idxs.len() <= ntest);
        }
        SequenceMatcher { b, b2j, counts }
    }

    /// The matches counted by `quick_ratio`: the size of the multiset intersection.
    fn quick_matches(&self, a: &[char]) -> usize {
        let mut avail: Map<char, isize> = Map::default();
        let mut matches = 0;
        for &c in a {
            let left = avail
                .entry(c)
                .or_insert_with(|| self.counts.get(&c).map_or(0, |&n| n as isize));
            if *left > 0 {
                matches += 1;
            }
            *left -= 1;
        }
        matches
    }

    /// Total size of `get_matching_blocks()`: what `ratio()` counts.
    fn matching_chars(&self, a: &[char]) -> usize {
        let mut total = 0;
        let mut queue = vec![(0, a.len(), 0, self.b.len())];
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.longest_match(a, alo, ahi, blo, bhi);
            if k > 0 {
                total += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        total
    }

    /// `find_longest_match(alo, ahi, blo, bhi)` without junk: the earliest longest block,
    /// extended over popular elements as difflib does.
    fn longest_match(
        &self,
        a: &[char],
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let b = self.b;
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        let mut j2len: Map<usize, usize> = Map::default();
        for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut next: Map<usize, usize> = Map::default();
            for &j in self.b2j.get(c).map_or(&[][..], Vec::as_slice) {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = j
                    .checked_sub(1)
                    .and_then(|p| j2len.get(&p))
                    .copied()
                    .unwrap_or(0)
                    + 1;
                next.insert(j, k);
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
            j2len = next;
        }
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && a[besti + bestsize] == b[bestj + bestsize]
        {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `keyword.kwlist` of CPython 3.14.
    const KWLIST: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];

    #[test]
    fn keyword_suggestions_match_cpython() {
        // (word, _suggestions._generate_suggestions(kwlist, word),
        //  difflib.get_close_matches(word, kwlist, n=3, cutoff=0.5)) from CPython 3.14.
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            ("whille", Some("while"), &["while"]),
            ("iff", Some("if"), &["if", "elif"]),
            ("fro", Some("from"), &["from", "for"]),
            ("clas", Some("class"), &["class", "as", "pass"]),
            ("retrun", Some("return"), &["return"]),
            ("Tru", Some("True"), &["True"]),
            ("none", Some("None"), &["None", "not", "nonlocal"]),
            ("async_", Some("async"), &["async", "as"]),
            ("yeild", Some("yield"), &["yield"]),
            ("imprt", Some("import"), &["import"]),
            ("x", None, &[]),
            ("ifelse", Some("else"), &["else", "yield", "while"]),
            ("deff", Some("def"), &["def", "del", "elif"]),
            ("lamda", Some("lambda"), &["lambda", "and"]),
            ("el", Some("del"), &["del", "else", "elif"]),
        ];
        for &(word, best, close) in cases {
            assert_eq!(best_suggestion(KWLIST, word), best, "suggestion for {word}");
            assert_eq!(
                close_matches(word, KWLIST, 3, 0.5),
                close,
                "close matches for {word}"
            );
        }
    }

    #[test]
    fn long_sequences_use_autojunk() {
        // CPython: SequenceMatcher(None, 'ab' * 150, 'a' * 150 + 'b' * 150) matches one char,
        // and SequenceMatcher(None, 'xab' * 70, 'ba' * 100 + 'xyz') matches one.
        let b: Vec<char> = ("a".repeat(150) + &"b".repeat(150)).chars().collect();
        let a: Vec<char> = "ab".repeat(150).chars().collect();
        assert_eq!(SequenceMatcher::new(&b).matching_chars(&a), 1);
        let b: Vec<char> = ("ba".repeat(100) + "xyz").chars().collect();
        let a: Vec<char> = "xab".repeat(70).chars().collect();
        assert_eq!(SequenceMatcher::new(&b).matching_chars(&a), 1);
    }
}
