//! Picking sentences under a budget.

use crate::budget::Budget;

/// A candidate sentence for selection.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    /// Index among the document's sentences.
    pub(crate) index: u32,
    pub(crate) score: f32,
    /// Words in the sentence, for word budgets (at most `u32::MAX`).
    pub(crate) words: u32,
    /// Characters of the sentence as displayed, for character budgets
    /// (at most `u32::MAX`).
    pub(crate) chars: u32,
}

/// Reusable working space of [`select`].
#[derive(Debug, Default)]
pub(crate) struct Selector {
    keys: Vec<u64>,
    order: Vec<usize>,
    skipped: Vec<usize>,
}

/// Picks from `cands` (in document order) under `budget`: best scores
/// first, ties to the earlier sentence; returns the picks' positions in
/// `cands`, in document order, in `out`. Never empty when `cands` is not.
///
/// Redundancy control: a candidate whose similarity (`similar(a, b)`,
/// positions in `cands`) to a sentence already picked exceeds
/// `redundancy` is passed over while others are left; the ones passed
/// over fill what room remains, best first. A `redundancy` of 1 or more
/// turns this off.
pub(crate) fn select(
    cands: &[Candidate],
    budget: Budget,
    redundancy: f32,
    similar: impl Fn(usize, usize) -> f32,
    sel: &mut Selector,
    out: &mut Vec<usize>,
) {
    out.clear();
    let (order, skipped) = (&mut sel.order, &mut sel.skipped);
    by_score(cands, &mut sel.keys, order);
    skipped.clear();
    // Sentence length limits, unless no sentence meets them.
    let admits = |i: usize| budget.admits(cands[i].words as usize);
    if order.iter().any(|&i| admits(i)) {
        order.retain(|&i| admits(i));
    }
    let max = budget.sentence_limit(cands.len()).unwrap_or(usize::MAX);
    let limit = budget.length_limit().unwrap_or(usize::MAX);
    let mut used = 0usize;
    for &i in order.iter() {
        if out.len() >= max {
            break;
        }
        let c = &cands[i];
        let cost = budget.cost(c.words as usize, c.chars as usize, out.len());
        if used.saturating_add(cost) > limit {
            continue;
        }
        if redundancy < 1.0 && out.iter().any(|&j| similar(i, j) > redundancy)
        {
            skipped.push(i);
            continue;
        }
        used += cost;
        out.push(i);
    }
    for &i in skipped.iter() {
        if out.len() >= max {
            break;
        }
        let c = &cands[i];
        let cost = budget.cost(c.words as usize, c.chars as usize, out.len());
        if used.saturating_add(cost) > limit {
            continue;
        }
        used += cost;
        out.push(i);
    }
    if out.is_empty() {
        out.extend(order.first());
    }
    out.sort_unstable();
}

/// The positions in `cands` by score, best first (in the order of
/// [`f32::total_cmp`]), ties to the earlier candidate, into `order`.
///
/// Each candidate is sorted as one `u64`: its score's total order,
/// reversed, above its position; the keys are distinct, so an unstable
/// sort of plain integers gives the order of a stable sort by score
/// with comparisons.
fn by_score(cands: &[Candidate], keys: &mut Vec<u64>, order: &mut Vec<usize>) {
    keys.clear();
    keys.extend(cands.iter().enumerate().map(|(i, c)| {
        // The integer that `total_cmp` compares, as an unsigned number
        // of the same order, reversed for best first.
        let bits = c.score.to_bits() as i32;
        let total = bits ^ (((bits >> 31) as u32) >> 1) as i32;
        let best_first = !((total as u32) ^ (1 << 31));
        // Fewer candidates than 2^32: their indices are u32s.
        (u64::from(best_first) << 32) | i as u64
    }));
    keys.sort_unstable();
    order.clear();
    order.extend(keys.iter().map(|&k| (k & u64::from(u32::MAX)) as usize));
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn by_score_is_the_stable_sort_by_total_cmp(
            scores in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::f32::ANY,
                    proptest::sample::select(vec![
                        0.0f32, -0.0, 1.0, 0.5, f32::NAN, -f32::NAN,
                        f32::INFINITY, f32::NEG_INFINITY, 1e-40, -1e-40,
                    ]),
                ],
                0..80,
            ),
        ) {
            let c: Vec<Candidate> = scores
                .iter()
                .enumerate()
                .map(|(i, &score)| Candidate { index: i as u32, score, words: 1, chars: 1 })
                .collect();
            let mut want: Vec<usize> = (0..c.len()).collect();
            want.sort_by(|&a, &b| c[b].score.total_cmp(&c[a].score).then(a.cmp(&b)));
            let (mut keys, mut got) = (Vec::new(), vec![7]);
            by_score(&c, &mut keys, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Candidates of `words` words, each word 4 characters and a space.
    fn cands(scores: &[(f32, usize)]) -> Vec<Candidate> {
        scores
            .iter()
            .enumerate()
            .map(|(index, &(score, words))| Candidate {
                index: index as u32,
                score,
                words: words as u32,
                chars: (words as u32 * 5).saturating_sub(1),
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $scores:expr, $budget:expr, $want:expr) => {
            #[test]
            fn $name() {
                let c = cands(&$scores);
                let (mut sel, mut out) = (Selector::default(), Vec::new());
                select(&c, $budget, 1.0, |_, _| 0.0, &mut sel, &mut out);
                let want: Vec<usize> = $want.to_vec();
                assert_eq!(out, want);
            }
        };
    }

    t!(
        top_two_in_doc_order,
        [(0.1, 5), (0.9, 5), (0.5, 5)],
        Budget::sentences(2),
        [1, 2]
    );
    t!(
        ties_go_to_earlier,
        [(0.5, 5), (0.5, 5), (0.5, 5)],
        Budget::sentences(2),
        [0, 1]
    );
    t!(more_than_there_is, [(0.1, 5), (0.2, 5)], Budget::sentences(9), [0, 1]);
    t!(empty_stays_empty, [], Budget::sentences(3), [] as [usize; 0]);
    t!(
        ratio_rounds_up,
        [(0.1, 5), (0.3, 5), (0.2, 5)],
        Budget::ratio(0.5).unwrap(),
        [1, 2]
    );
    t!(
        ratio_of_an_f32_that_is_not_exact,
        [(0.1, 5), (0.3, 5), (0.2, 5), (0.4, 5), (0.0, 5)],
        Budget::ratio(0.2).unwrap(),
        [3]
    );
    t!(
        ratio_at_least_one,
        [(0.1, 5), (0.3, 5), (0.2, 5)],
        Budget::ratio(0.01).unwrap(),
        [1]
    );
    t!(
        words_skip_what_does_not_fit,
        [(0.9, 8), (0.8, 5), (0.7, 2)],
        Budget::words(10),
        [0, 2]
    );
    t!(
        words_keep_the_best_alone,
        [(0.9, 50), (0.8, 60)],
        Budget::words(10),
        [0]
    );
    t!(
        chars_count_one_space_between,
        // 14 + 1 + 9 = 24 characters fit in 24.
        [(0.9, 3), (0.8, 4), (0.7, 2)],
        Budget::chars(24),
        [0, 2]
    );
    t!(
        chars_count_the_space_too,
        // 14 + 9 = 23, but with the space between them 24.
        [(0.9, 3), (0.8, 2), (0.7, 2)],
        Budget::chars(23),
        [0]
    );
    t!(chars_keep_the_best_alone, [(0.2, 9), (0.9, 9)], Budget::chars(5), [1]);
    t!(chars_zero_keeps_one, [(0.2, 1), (0.9, 1)], Budget::chars(0), [1]);
    t!(
        sentence_words_filter_then_rank,
        [(0.9, 2), (0.8, 12), (0.7, 6), (0.6, 30)],
        Budget::sentences(2).sentence_words(5..=20).unwrap(),
        [1, 2]
    );
    t!(
        sentence_words_with_length_budget,
        [(0.9, 2), (0.8, 12), (0.7, 6)],
        Budget::words(14).sentence_words(5..).unwrap(),
        [1]
    );
    t!(
        sentence_words_set_aside_when_nothing_fits,
        [(0.3, 2), (0.9, 3)],
        Budget::sentences(1).sentence_words(10..).unwrap(),
        [1]
    );
    t!(
        nan_scores_do_not_panic,
        [(f32::NAN, 1), (0.5, 1)],
        Budget::sentences(1),
        [0]
    );

    /// Rows for redundancy control: scores and words, a similarity
    /// matrix, the threshold, the budget and the picks.
    macro_rules! r {
        ($name:ident, $scores:expr, $sim:expr, $t:expr, $budget:expr,
         $want:expr) => {
            #[test]
            fn $name() {
                let c = cands(&$scores);
                let sim: Vec<Vec<f32>> =
                    $sim.iter().map(|r: &[f32; 4]| r.to_vec()).collect();
                let (mut sel, mut out) = (Selector::default(), Vec::new());
                select(&c, $budget, $t, |a, b| sim[a][b], &mut sel, &mut out);
                let want: Vec<usize> = $want.to_vec();
                assert_eq!(out, want);
            }
        };
    }

    /// Sentences 0 and 1 are near-duplicates (0.9); the others differ.
    const SIM: [[f32; 4]; 4] = [
        [1.0, 0.9, 0.1, 0.2],
        [0.9, 1.0, 0.1, 0.2],
        [0.1, 0.1, 1.0, 0.3],
        [0.2, 0.2, 0.3, 1.0],
    ];

    r!(
        duplicate_is_passed_over,
        [(0.9, 5), (0.8, 5), (0.7, 5), (0.1, 5)],
        SIM,
        0.5,
        Budget::sentences(2),
        [0, 2]
    );
    r!(
        duplicate_fills_what_is_left,
        [(0.9, 5), (0.8, 5), (0.7, 5), (0.1, 5)],
        SIM,
        0.5,
        Budget::sentences(4),
        [0, 1, 2, 3]
    );
    r!(
        duplicate_comes_after_worse_distinct_ones,
        [(0.9, 5), (0.8, 5), (0.2, 5), (0.1, 5)],
        SIM,
        0.5,
        Budget::sentences(3),
        [0, 2, 3]
    );
    r!(
        threshold_one_turns_it_off,
        [(0.9, 5), (0.8, 5), (0.7, 5), (0.1, 5)],
        SIM,
        1.0,
        Budget::sentences(2),
        [0, 1]
    );
    r!(
        threshold_above_the_similarity_keeps_both,
        [(0.9, 5), (0.8, 5), (0.7, 5), (0.1, 5)],
        SIM,
        0.95,
        Budget::sentences(2),
        [0, 1]
    );
    r!(
        words_budget_with_redundancy,
        [(0.9, 5), (0.8, 5), (0.7, 6), (0.6, 4)],
        SIM,
        0.5,
        Budget::words(10),
        [0, 3]
    );
    r!(
        words_budget_duplicate_fills_room,
        [(0.9, 5), (0.8, 5), (0.7, 50), (0.6, 50)],
        SIM,
        0.5,
        Budget::words(10),
        [0, 1]
    );
}
