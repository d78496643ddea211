//! Deliberately naive versions of the scorer and the selector, so simple
//! that they are unlikely to be wrong (hash maps, a dense matrix, a
//! quadratic pick loop), checked against the real ones on random
//! documents.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;

use crate::budget::Budget;
use crate::centrality::DAMPING;
use crate::score::{self, DEMOTED, Shape};
use crate::select::{self, Candidate, Selector};
use crate::summary::ScoreParts;

struct Naive {
    parts: Vec<ScoreParts>,
    sim: Vec<Vec<f32>>,
}

fn naive_score(
    sentences: &[Vec<u32>],
    shapes: &[Shape],
    title: &[u32],
    min_words: usize,
) -> Naive {
    let n = sentences.len();
    let mut df: HashMap<u32, u32> = HashMap::new();
    let mut tf: HashMap<u32, u32> = HashMap::new();
    for s in sentences {
        for &t in s {
            *tf.entry(t).or_default() += 1;
        }
        for t in s.iter().collect::<HashSet<_>>() {
            *df.entry(*t).or_default() += 1;
        }
    }
    let idf = |t: u32| ((n as f32 + 1.0) / df[&t] as f32).ln();
    let mut content: Vec<f32> = sentences
        .iter()
        .map(|s| {
            let distinct: HashSet<u32> = s.iter().copied().collect();
            if distinct.is_empty() {
                return 0.0;
            }
            let sum: f32 =
                distinct.iter().map(|&t| tf[&t] as f32 * idf(t)).sum();
            sum / (distinct.len() as f32).sqrt()
        })
        .collect();
    let best = content.iter().copied().fold(0.0, f32::max);
    if best > 0.0 {
        content.iter_mut().for_each(|c| *c /= best);
    }
    let vectors: Vec<HashMap<u32, f32>> = sentences
        .iter()
        .map(|s| {
            let mut v = HashMap::new();
            for &t in s {
                *v.entry(t).or_insert(0.0) += idf(t);
            }
            v
        })
        .collect();
    let norm =
        |v: &HashMap<u32, f32>| v.values().map(|x| x * x).sum::<f32>().sqrt();
    let mut sim = vec![vec![0.0f32; n]; n];
    for a in 0..n {
        for b in 0..n {
            let (na, nb) = (norm(&vectors[a]), norm(&vectors[b]));
            if a == b || na == 0.0 || nb == 0.0 {
                continue;
            }
            let d: f32 = vectors[a]
                .iter()
                .filter_map(|(t, x)| vectors[b].get(t).map(|y| x * y))
                .sum();
            sim[a][b] = d / (na * nb);
        }
    }
    // LexRank by plain power iteration over the dense matrix.
    let mut p = vec![1.0 / n as f32; n];
    for _ in 0..300 {
        let mut next = vec![(1.0 - DAMPING) / n as f32; n];
        for (j, row) in sim.iter().enumerate() {
            let sum: f32 = row.iter().sum();
            if sum == 0.0 {
                continue;
            }
            for i in 0..n {
                next[i] += DAMPING * row[i] / sum * p[j];
            }
        }
        p = next;
    }
    let has = |i: usize| norm(&vectors[i]) > 0.0;
    let top = (0..n).filter(|&i| has(i)).map(|i| p[i]).fold(0.0, f32::max);
    let title: HashSet<u32> = title.iter().copied().collect();
    let parts = (0..n)
        .map(|i| {
            let terms: HashSet<u32> = sentences[i].iter().copied().collect();
            let common = terms.intersection(&title).count();
            let both = (terms.len() * title.len()) as f32;
            let fit =
                shapes[i].words as usize >= min_words && !shapes[i].question;
            ScoreParts {
                content: content[i],
                centrality: if has(i) && top > 0.0 { p[i] / top } else { 0.0 },
                position: 1.0 / (i as f32 + 1.0),
                title: if both > 0.0 {
                    common as f32 / both.sqrt()
                } else {
                    0.0
                },
                form: if fit { 1.0 } else { DEMOTED },
                focus: 0.0,
            }
        })
        .collect();
    Naive { parts, sim }
}

/// Picks up to `limit` sentences: repeatedly the best one left that is
/// not too similar to a pick, then the best ones left at all.
fn naive_select(
    scores: &[f32],
    limit: usize,
    threshold: f32,
    sim: &[Vec<f32>],
) -> Vec<usize> {
    let mut picks: Vec<usize> = Vec::new();
    let better = |a: usize, b: usize| {
        scores[a] > scores[b] || (scores[a] == scores[b] && a < b)
    };
    for redundant_ok in [false, true] {
        loop {
            if picks.len() == limit {
                break;
            }
            let mut best: Option<usize> = None;
            for (i, row) in sim.iter().enumerate() {
                let redundant = threshold < 1.0
                    && picks.iter().any(|&j| row[j] > threshold);
                if picks.contains(&i) || (redundant && !redundant_ok) {
                    continue;
                }
                if best.is_none_or(|b| better(i, b)) {
                    best = Some(i);
                }
            }
            match best {
                Some(i) => picks.push(i),
                None => break,
            }
        }
    }
    picks.sort_unstable();
    picks
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 2e-3 * (1.0 + a.abs().max(b.abs()))
}

fn doc() -> impl Strategy<Value = (Vec<Vec<u32>>, Vec<Shape>, Vec<u32>)> {
    let sentence = (
        prop::collection::vec(0u32..30, 0..12),
        1u32..20,
        prop::bool::weighted(0.1),
    );
    (
        prop::collection::vec(sentence, 1..25),
        prop::collection::vec(0u32..40, 0..5),
    )
        .prop_map(|(sents, title)| {
            let shapes = sents
                .iter()
                .map(|&(_, words, question)| Shape { words, question })
                .collect();
            let terms = sents.into_iter().map(|(t, _, _)| t).collect();
            (terms, shapes, title)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scorer_and_selector_match_the_naive_ones(
        (sentences, shapes, title) in doc(),
        w in 0.0f32..=1.0,
        limit in 1usize..6,
        threshold in prop_oneof![Just(1.0f32), 0.05f32..1.0],
    ) {
        let (parts, scorer) =
            score::tests::score_terms(&sentences, &shapes, &title, w);
        let naive = naive_score(&sentences, &shapes, &title, 6);
        for (i, (got, want)) in parts.iter().zip(&naive.parts).enumerate() {
            prop_assert!(close(got.content, want.content), "content {i}");
            prop_assert!(
                close(got.centrality, want.centrality),
                "centrality {i}: {} vs {}", got.centrality, want.centrality
            );
            prop_assert_eq!(got.position, want.position);
            prop_assert!(close(got.title, want.title), "title {i}");
            prop_assert_eq!(got.form, want.form);
            for j in 0..sentences.len() {
                if i != j {
                    prop_assert!(close(scorer.vectors().similarity(i, j), naive.sim[i][j]));
                }
            }
        }
        // The selectors must agree exactly on the same scores.
        let cands: Vec<Candidate> = parts
            .iter()
            .enumerate()
            .map(|(index, p)| Candidate {
                index: index as u32,
                score: score::total(*p, w),
                words: shapes[index].words,
                chars: 0,
            })
            .collect();
        let scores: Vec<f32> = cands.iter().map(|c| c.score).collect();
        let (mut sel, mut out) = (Selector::default(), Vec::new());
        let sim = &naive.sim;
        select::select(
            &cands,
            Budget::sentences(limit),
            threshold,
            |a, b| sim[a][b],
            &mut sel,
            &mut out,
        );
        prop_assert_eq!(out, naive_select(&scores, limit, threshold, sim));
    }
}
