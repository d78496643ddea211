//! The Porter stemmer, as Google's rouge-score applies it.
//!
//! The algorithm is M. F. Porter, "An algorithm for suffix stripping",
//! *Program* 14(3), 1980, pp. 130–137 (see also
//! <https://tartarus.org/martin/PorterStemmer/>). rouge-score 0.1.2 calls
//! `nltk.stem.porter.PorterStemmer()` in its default mode
//! (`NLTK_EXTENSIONS`), which departs from the 1980 paper in a few
//! documented places; ROUGE scores only agree with rouge-score when those
//! departures are made too, so they are made here, each marked
//! "departure" below:
//!
//! - a small table of irregular forms is looked up first (`skies` →
//!   `sky`, `dying` → `die`, `news` → `news`, `proceed` → `proceed`, …);
//! - words of one or two letters are left alone;
//! - step 1a: a four-letter word in `-ies` becomes `-ie` (`ties` → `tie`);
//! - step 1b: `-ied` becomes `-ie` in a four-letter word, `-i` otherwise,
//!   and nothing else is done in step 1b;
//! - the `*o` condition (ends consonant–vowel–consonant) also holds for
//!   a two-letter stem vowel–consonant;
//! - step 1c: `y` → `i` only after a consonant that is not the whole stem
//!   (`happy` → `happi`, `enjoy` and `by` unchanged);
//! - step 2: `-alli` → `-al` is applied and step 2 run again; `-bli` →
//!   `-ble` replaces `-abli` → `-able`; `-fulli` → `-ful` and `-logi` →
//!   `-log` (measure taken over the stem with its `l`) are added;
//! - step 5b: the measure is taken over the word less one `l`.
//!
//! Words are ASCII bytes; any byte other than `a e i o u` and `y` counts
//! as a consonant, so digits are consonants, as in NLTK. The code works in
//! place on one buffer and is linear in the length of the word (a long run
//! of `y` costs nothing extra).

/// Irregular forms looked up before the algorithm runs (NLTK's table).
const IRREGULAR: &[(&[u8], &[u8])] = &[
    (b"sky", b"sky"),
    (b"skies", b"sky"),
    (b"dying", b"die"),
    (b"lying", b"lie"),
    (b"tying", b"tie"),
    (b"news", b"news"),
    (b"innings", b"inning"),
    (b"inning", b"inning"),
    (b"outings", b"outing"),
    (b"outing", b"outing"),
    (b"cannings", b"canning"),
    (b"canning", b"canning"),
    (b"howe", b"howe"),
    (b"proceed", b"proceed"),
    (b"exceed", b"exceed"),
    (b"succeed", b"succeed"),
];

/// Stems the lowercase ASCII word in `w`, in place.
///
/// Bytes outside `a..=z` are treated as consonants; the caller gives
/// lowercase ASCII words (the ROUGE tokenizer makes nothing else).
pub(crate) fn stem_in_place(w: &mut Vec<u8>) {
    if let Some(&(_, to)) = IRREGULAR.iter().find(|(from, _)| *from == &w[..])
    {
        w.clear();
        w.extend_from_slice(to);
        return;
    }
    if w.len() <= 2 {
        return;
    }
    step1a(w);
    step1b(w);
    step1c(w);
    step2(w);
    step3(w);
    step4(w);
    step5a(w);
    step5b(w);
}

/// Whether `b` is one of the five letters that are always vowels.
fn is_vowel_letter(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `w[i]` is a consonant: not `a e i o u`, and not a `y` that
/// follows a consonant. Walks back over a run of `y` only.
fn is_consonant(w: &[u8], i: usize) -> bool {
    // A run of y alternates consonant, vowel, …, starting from what stands
    // before the run: a y after a vowel (or first in the word) is a
    // consonant.
    let mut j = i;
    let mut flips = false;
    while j > 0 && w[j] == b'y' {
        flips = !flips;
        j -= 1;
    }
    is_vowel_letter(w[j]) == flips
}

/// The measure `m` of `w`: the number of vowel-run → consonant-run
/// changes, as in `[C](VC){m}[V]`.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_consonant = true;
    for (i, &b) in w.iter().enumerate() {
        let consonant = consonant_after(b, i, prev_consonant);
        if consonant && !prev_consonant {
            m += 1;
        }
        prev_consonant = consonant;
    }
    m
}

/// Whether byte `b` at position `i` is a consonant, given whether the
/// byte before it was one.
fn consonant_after(b: u8, i: usize, prev_consonant: bool) -> bool {
    if is_vowel_letter(b) {
        false
    } else if b == b'y' {
        i == 0 || !prev_consonant
    } else {
        true
    }
}

/// Condition `*v*`: the stem contains a vowel.
fn contains_vowel(w: &[u8]) -> bool {
    let mut prev_consonant = true;
    for (i, &b) in w.iter().enumerate() {
        let consonant = consonant_after(b, i, prev_consonant);
        if !consonant {
            return true;
        }
        prev_consonant = consonant;
    }
    false
}

/// Condition `*d`: the word ends with a double consonant.
fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Condition `*o`: the stem ends consonant–vowel–consonant, the last not
/// `w`, `x` or `y`; departure: or the stem is exactly vowel–consonant.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

/// Replaces the last `suffix_len` bytes of `w` with `to`.
fn replace_tail(w: &mut Vec<u8>, suffix_len: usize, to: &[u8]) {
    w.truncate(w.len() - suffix_len);
    w.extend_from_slice(to);
}

/// Applies the first rule of `rules` whose suffix ends `w`, if `cond`
/// holds for the stem before that suffix; later rules are not tried
/// once a suffix matched (the paper's "longest matching suffix").
/// Returns whether some suffix matched.
fn first_rule(
    w: &mut Vec<u8>,
    rules: &[(&[u8], &[u8])],
    cond: impl Fn(&[u8]) -> bool,
) -> bool {
    for &(suffix, to) in rules {
        if w.ends_with(suffix) {
            if cond(&w[..w.len() - suffix.len()]) {
                replace_tail(w, suffix.len(), to);
            }
            return true;
        }
    }
    false
}

/// Step 1a: plurals (`-sses`, `-ies`, `-ss`, `-s`).
fn step1a(w: &mut Vec<u8>) {
    if w.len() == 4 && w.ends_with(b"ies") {
        // Departure: "ties" -> "tie", "pies" -> "pie".
        replace_tail(w, 3, b"ie");
        return;
    }
    first_rule(
        w,
        &[(b"sses", b"ss"), (b"ies", b"i"), (b"ss", b"ss"), (b"s", b"")],
        |_| true,
    );
}

/// Step 1b: `-eed`, `-ed`, `-ing`, and the tidying after them.
fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        // Departure: "died" -> "die", "cried" -> "cri".
        let to: &[u8] = if w.len() == 4 { b"ie" } else { b"i" };
        replace_tail(w, 3, to);
        return;
    }
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.truncate(w.len() - 1);
        }
        return;
    }
    let stripped = if w.ends_with(b"ed") && contains_vowel(&w[..w.len() - 2]) {
        2
    } else if w.ends_with(b"ing") && contains_vowel(&w[..w.len() - 3]) {
        3
    } else {
        return;
    };
    w.truncate(w.len() - stripped);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

/// Step 1c: a final `y` becomes `i` (departure: only after a consonant
/// that is not the stem's only letter).
fn step1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 3 && w[n - 1] == b'y' && is_consonant(w, n - 2) {
        w[n - 1] = b'i';
    }
}

/// Step 2: double suffixes to single ones, when the stem has `m > 0`.
fn step2(w: &mut Vec<u8>) {
    // Departure: "-alli" -> "-al", then step 2 again on the result.
    while w.ends_with(b"alli") && measure(&w[..w.len() - 4]) > 0 {
        replace_tail(w, 4, b"al");
    }
    const RULES: &[(&[u8], &[u8])] = &[
        (b"ational", b"ate"),
        (b"tional", b"tion"),
        (b"enci", b"ence"),
        (b"anci", b"ance"),
        (b"izer", b"ize"),
        (b"bli", b"ble"), // departure: the paper has "abli" -> "able"
        (b"alli", b"al"),
        (b"entli", b"ent"),
        (b"eli", b"e"),
        (b"ousli", b"ous"),
        (b"ization", b"ize"),
        (b"ation", b"ate"),
        (b"ator", b"ate"),
        (b"alism", b"al"),
        (b"iveness", b"ive"),
        (b"fulness", b"ful"),
        (b"ousness", b"ous"),
        (b"aliti", b"al"),
        (b"iviti", b"ive"),
        (b"biliti", b"ble"),
        (b"fulli", b"ful"), // departure: added
    ];
    if first_rule(w, RULES, |stem| measure(stem) > 0) {
        return;
    }
    // Departure: "-logi" -> "-log", the measure taken with the "l".
    if w.ends_with(b"logi") && measure(&w[..w.len() - 3]) > 0 {
        w.truncate(w.len() - 1);
    }
}

/// Step 3: `-icate`, `-ative`, `-alize`, `-iciti`, `-ical`, `-ful`,
/// `-ness`, when the stem has `m > 0`.
fn step3(w: &mut Vec<u8>) {
    first_rule(
        w,
        &[
            (b"icate", b"ic"),
            (b"ative", b""),
            (b"alize", b"al"),
            (b"iciti", b"ic"),
            (b"ical", b"ic"),
            (b"ful", b""),
            (b"ness", b""),
        ],
        |stem| measure(stem) > 0,
    );
}

/// Step 4: strips the remaining suffixes when the stem has `m > 1`
/// (`-ion` only after `s` or `t`).
fn step4(w: &mut Vec<u8>) {
    const BEFORE_ION: &[(&[u8], &[u8])] = &[
        (b"al", b""),
        (b"ance", b""),
        (b"ence", b""),
        (b"er", b""),
        (b"ic", b""),
        (b"able", b""),
        (b"ible", b""),
        (b"ant", b""),
        (b"ement", b""),
        (b"ment", b""),
        (b"ent", b""),
    ];
    const AFTER_ION: &[(&[u8], &[u8])] = &[
        (b"ou", b""),
        (b"ism", b""),
        (b"ate", b""),
        (b"iti", b""),
        (b"ous", b""),
        (b"ive", b""),
        (b"ize", b""),
    ];
    if first_rule(w, BEFORE_ION, |stem| measure(stem) > 1) {
        return;
    }
    if w.ends_with(b"ion") {
        let stem = &w[..w.len() - 3];
        if measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't')) {
            w.truncate(w.len() - 3);
        }
        return;
    }
    first_rule(w, AFTER_ION, |stem| measure(stem) > 1);
}

/// Step 5a: a final `e` goes when `m > 1`, or `m = 1` and not `*o`.
fn step5a(w: &mut Vec<u8>) {
    if w.last() == Some(&b'e') {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

/// Step 5b: `-ll` → `-l` when `m > 1` (departure: measured over the word
/// less its last `l`).
fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem_in_place;

    fn stem(word: &str) -> String {
        let mut w = word.as_bytes().to_vec();
        stem_in_place(&mut w);
        String::from_utf8(w).unwrap()
    }

    /// The examples printed in Porter's paper, and NLTK's departures.
    #[test]
    fn examples() {
        for (word, want) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("caress", "caress"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("generalization", "gener"),
            ("oscillators", "oscil"),
            ("hopefulness", "hope"),
            ("goodness", "good"),
            ("electrical", "electr"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("roll", "roll"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("dying", "die"),
            ("cried", "cri"),
            ("died", "die"),
            ("news", "news"),
            ("running", "run"),
            ("analogous", "analog"),
            ("yyyyyyyy", "yyyyyyyi"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }
}
