//! Sentence scores from term statistics, in the layering of tantivy's
//! BM25 (statistics once per document, then a cheap score per sentence):
//!
//! - **content**: TF-IDF, with the document's sentences as the documents
//!   of IDF;
//! - **centrality**: LexRank, the stationary distribution of a random
//!   walk over the graph of TF-IDF cosine similarities between sentences
//!   (Erkan & Radev 2004), see [`crate::centrality`];
//! - **position**: `1 / (rank + 1)`;
//! - **title**: overlap with a known title;
//! - **form**: whether the sentence is fit to be a summary sentence at
//!   all (long enough, not a question).
//!
//! [`total`] combines them; every part is kept so that a score can be
//! explained.

use crate::analyze::TermId;
use crate::centrality::{Graph, MAX_NODES};
use crate::focus::FOCUS_WEIGHT;
use crate::summary::ScoreParts;
use crate::vectors::{Entry, Vectors};

/// The `form` factor of a sentence that is too short or a question: it
/// is picked only when nothing better is left.
pub(crate) const DEMOTED: f32 = 0.01;

/// Position weight of the sentence at `rank` (0-based, among the
/// document's sentences of text): `1 / (rank + 1)`.
pub(crate) fn position(rank: usize) -> f32 {
    1.0 / (rank as f32 + 1.0)
}

/// Combines the parts into a sentence's total with `position_weight`
/// `w` in `[0, 1]`:
///
/// `form * (1 + title) * (1 + 2 * focus) * mix^(1 - focus)`, with
/// `mix = centrality^(1 - w) * position^w`
///
/// a geometric mix of what the sentence says (its centrality) and where
/// it stands: `w = 0` is centrality alone, `w = 1` the lead sentences. A
/// sentence holding every focus term is judged by the focus alone, so
/// that what the user asks for comes first wherever it stands.
pub(crate) fn total(parts: ScoreParts, position_weight: f32) -> f32 {
    let w = position_weight;
    let lead = if w > 0.0 && w < 1.0 { parts.position.powf(w) } else { 0.0 };
    total_with(parts, w, lead)
}

/// [`total`], with `lead`, `parts.position^w`, computed already (see
/// [`Scorer::leads`]); only read when `0 < w < 1`.
pub(crate) fn total_with(
    parts: ScoreParts,
    position_weight: f32,
    lead: f32,
) -> f32 {
    let w = position_weight;
    let mix = if w <= 0.0 {
        parts.centrality
    } else if w >= 1.0 {
        parts.position
    } else {
        parts.centrality.powf(1.0 - w) * lead
    };
    let f = parts.focus;
    let mix = if f > 0.0 { mix.powf(1.0 - f) } else { mix };
    parts.form * (1.0 + parts.title) * (1.0 + FOCUS_WEIGHT * f) * mix
}

/// What the scorer needs to know of a sentence besides its terms.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Shape {
    /// Words in the sentence, stop words included (at most
    /// `u32::MAX`).
    pub(crate) words: u32,
    /// True when the sentence is a question.
    pub(crate) question: bool,
}

/// One document as the scorer sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Doc<'a> {
    /// Sentence `i`'s term ids, sorted, are
    /// `terms[starts[i]..starts[i + 1]]` (see [`run`]).
    pub(crate) terms: &'a [TermId],
    pub(crate) starts: &'a [u32],
    /// One per sentence.
    pub(crate) shapes: &'a [Shape],
    /// The title's distinct terms, sorted; empty without a title.
    pub(crate) title: &'a [TermId],
    /// Every term id is below this.
    pub(crate) vocab_len: usize,
}

/// The settings of the scorer, from the summariser's configuration.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) position_weight: f32,
    pub(crate) min_words: usize,
}

/// The scores of one document's sentences, with the working space of
/// their parts, reused across documents.
#[derive(Debug, Default)]
pub(crate) struct Scorer {
    /// The sentences' TF-IDF vectors.
    vectors: Vectors,
    /// The raw content score of each sentence (see [`content`]).
    content: Vec<f32>,
    /// The similarity graph for centrality.
    graph: Graph,
    /// `position(rank)^w` by rank, for the position weight `lead_weight`
    /// (see [`leads`](Self::leads)); a power costs, and every document
    /// starts at rank 0.
    leads: Vec<f32>,
    lead_weight: f32,
}

impl Scorer {
    /// Scores the sentences of `doc` into `parts` (one per sentence, in
    /// order).
    pub(crate) fn score(
        &mut self,
        doc: Doc<'_>,
        params: Params,
        parts: &mut Vec<ScoreParts>,
    ) {
        let Doc { terms, starts, shapes, title, vocab_len } = doc;
        debug_assert_eq!(starts.len(), shapes.len() + 1);
        let n = shapes.len();
        // The graph takes every sentence, and these links.
        self.vectors.build(terms, starts, vocab_len, n <= MAX_NODES);
        let v = &self.vectors;
        self.content.clear();
        self.content.extend(
            v.shares().iter().enumerate().map(|(i, &sum)| {
                content(sum, v.starts()[i + 1] - v.starts()[i])
            }),
        );
        let best = self.content.iter().fold(0.0f32, |best, &c| best.max(c));
        let sentences = shapes.iter().zip(&self.content).enumerate();
        parts.clear();
        parts.extend(sentences.map(|(rank, (shape, &content))| {
            let fit =
                shape.words as usize >= params.min_words && !shape.question;
            ScoreParts {
                content: if best > 0.0 { content / best } else { content },
                centrality: 0.0,
                position: position(rank),
                title: 0.0,
                form: if fit { 1.0 } else { DEMOTED },
                focus: 0.0,
            }
        }));
        // Without a title, every overlap is the 0 set above.
        if !title.is_empty() {
            for (i, p) in parts.iter_mut().enumerate() {
                p.title = overlap(title, v.vector(i));
            }
        }
        // A document too long for one graph keeps the best sentences by
        // a cheap score: content and position, mixed as in the total.
        let w = params.position_weight;
        let cheap = |i: usize| {
            let p: &ScoreParts = &parts[i];
            p.content.powf(1.0 - w) * p.position.powf(w)
        };
        let centrality = self.graph.centrality(v, cheap);
        for (p, &c) in parts.iter_mut().zip(centrality) {
            p.centrality = c;
        }
    }

    /// The sentences' TF-IDF vectors, as the last [`score`](Self::score)
    /// made them.
    pub(crate) fn vectors(&self) -> &Vectors {
        &self.vectors
    }

    /// `position(rank).powf(w)` for every rank below `n`, computed once
    /// per rank and weight and kept across documents.
    pub(crate) fn leads(&mut self, n: usize, w: f32) -> &[f32] {
        if self.lead_weight.to_bits() != w.to_bits() {
            self.leads.clear();
            self.lead_weight = w;
        }
        let have = self.leads.len();
        if have < n {
            self.leads.extend((have..n).map(|rank| position(rank).powf(w)));
        }
        &self.leads[..n]
    }

    /// Frees the sentence vectors when a long text made them large (see
    /// `Scratch::release_large`).
    pub(crate) fn release_large(&mut self) {
        self.vectors.release_large();
    }
}

/// The raw content score of a sentence from the sum of `tf * idf` over
/// its `distinct` terms ([`Vectors::shares`]): divided by the square root
/// of their number, so that long sentences do not win by length alone.
fn content(sum: f32, distinct: u32) -> f32 {
    if distinct == 0 { 0.0 } else { sum / (distinct as f32).sqrt() }
}

/// Overlap of a title's distinct terms with a sentence's:
/// `|T ∩ S| / sqrt(|T| * |S|)` (the cosine of their sets), in `[0, 1]`.
fn overlap(title: &[TermId], sentence: &[Entry]) -> f32 {
    if title.is_empty() || sentence.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < title.len() && j < sentence.len() {
        match title[i].cmp(&sentence[j].term) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / ((title.len() * sentence.len()) as f32).sqrt()
}

/// True when `sentence` asks a question: its last character before
/// closing quotes and brackets is a question mark.
pub(crate) fn is_question(sentence: &str) -> bool {
    let t = sentence.trim_end().trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '*' | '_')
    });
    t.ends_with(['?', '？', '؟'])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() <= 5e-4 * (1.0 + a.abs().max(b.abs()))
    }

    fn ids(v: &[u32]) -> Vec<TermId> {
        v.iter().map(|&t| TermId(t)).collect()
    }

    fn weighted(v: &[(u32, f32)]) -> Vec<Entry> {
        v.iter().map(|&(t, w)| Entry { term: TermId(t), weight: w }).collect()
    }

    #[test]
    fn position_table() {
        for (rank, want) in [(0, 1.0), (1, 0.5), (3, 0.25), (99, 0.01)] {
            assert!(close(position(rank), want), "rank {rank}");
        }
    }

    /// The total as first written: both powers computed per sentence.
    fn plain_total(parts: ScoreParts, w: f32) -> f32 {
        let mix = if w <= 0.0 {
            parts.centrality
        } else if w >= 1.0 {
            parts.position
        } else {
            parts.centrality.powf(1.0 - w) * parts.position.powf(w)
        };
        let f = parts.focus;
        let mix = if f > 0.0 { mix.powf(1.0 - f) } else { mix };
        parts.form * (1.0 + parts.title) * (1.0 + FOCUS_WEIGHT * f) * mix
    }

    #[test]
    fn totals_with_kept_leads_are_the_plain_formula_to_the_bit() {
        let mut scorer = Scorer::default();
        // Weights change between documents, and documents grow and
        // shrink, so that kept leads are reused, extended and dropped.
        let docs = [
            (0.8, 5),
            (0.8, 40),
            (0.8, 3),
            (0.3, 17),
            (0.0, 4),
            (1.0, 9),
            (0.8, 60),
            (0.5, 0),
        ];
        for (w, n) in docs {
            let leads = scorer.leads(n, w).to_vec();
            assert_eq!(leads.len(), n);
            for (rank, &lead) in leads.iter().enumerate() {
                let parts = ScoreParts {
                    content: 0.5,
                    centrality: 1.0 / (rank as f32 * 0.37 + 1.0),
                    position: position(rank),
                    title: (rank % 3) as f32 * 0.25,
                    form: if rank % 5 == 0 { DEMOTED } else { 1.0 },
                    focus: (rank % 4) as f32 * 0.25,
                };
                let want = plain_total(parts, w);
                let got = total_with(parts, w, lead);
                assert_eq!(got.to_bits(), want.to_bits(), "w {w} rank {rank}");
                assert_eq!(total(parts, w).to_bits(), want.to_bits());
            }
        }
    }

    #[test]
    fn total_table() {
        let p = |centrality, position, title, form| ScoreParts {
            content: 0.3,
            centrality,
            position,
            title,
            form,
            focus: 0.0,
        };
        // (parts, position weight, total)
        let rows = [
            (p(0.4, 0.5, 0.0, 1.0), 0.0, 0.4),
            (p(0.4, 0.5, 0.0, 1.0), 1.0, 0.5),
            (p(0.4, 0.1, 0.0, 1.0), 0.5, 0.2),
            (p(0.0, 1.0, 0.0, 1.0), 0.8, 0.0),
            (p(0.0, 1.0, 0.0, 1.0), 1.0, 1.0),
            (p(0.4, 0.5, 0.5, 1.0), 0.0, 0.6),
            (p(0.4, 0.5, 0.0, DEMOTED), 0.0, 0.004),
            (p(1.0, 1.0, 1.0, 1.0), 0.8, 2.0),
        ];
        // A focus: the mix counts less, the focus factor more.
        let mut f = p(0.25, 0.25, 0.0, 1.0);
        f.focus = 0.5;
        let rows = [rows.as_slice(), &[(f, 0.0, 0.5 * 2.0)]].concat();
        f.focus = 1.0;
        let rows = [rows.as_slice(), &[(f, 0.8, 3.0)]].concat();
        for (parts, w, want) in rows {
            let got = total(parts, w);
            assert!(close(got, want), "{parts:?} w={w}: {got} != {want}");
        }
    }

    #[test]
    fn question_table() {
        let rows = [
            ("Why?", true),
            ("\u{201c}Why did he go?\u{201d}", true),
            ("Is it (really?)", true),
            ("He asked why.", false),
            ("What? No.", false),
            ("", false),
            ("¿Qué？", true),
        ];
        for (s, want) in rows {
            assert_eq!(is_question(s), want, "{s:?}");
        }
    }

    #[test]
    fn overlap_table() {
        // (title, sentence terms, |T ∩ S| / sqrt(|T| |S|))
        let rows: [(&[u32], &[u32], f32); 5] = [
            (&[], &[1, 2], 0.0),
            (&[1, 2], &[], 0.0),
            (&[1, 2], &[1, 2], 1.0),
            (&[1, 2, 3, 4], &[2, 4], 2.0 / 8f32.sqrt()),
            (&[1], &[2, 3], 0.0),
        ];
        for (t, s, want) in rows {
            let s: Vec<(u32, f32)> = s.iter().map(|&x| (x, 1.0)).collect();
            let got = overlap(&ids(t), &weighted(&s));
            assert!(close(got, want), "{t:?} {s:?}: {got}");
        }
    }

    /// Scores sentences given as term lists (any order, repeats
    /// allowed) with a title's terms, minimum 6 words and position
    /// weight `w`.
    pub(crate) fn score_terms<S: AsRef<[u32]>>(
        sentences: &[S],
        shapes: &[Shape],
        title: &[u32],
        w: f32,
    ) -> (Vec<ScoreParts>, Scorer) {
        let mut terms = Vec::new();
        let mut starts = vec![0u32];
        for s in sentences {
            let start = terms.len();
            terms.extend(ids(s.as_ref()));
            terms[start..].sort_unstable();
            starts.push(terms.len() as u32);
        }
        let mut title = ids(title);
        title.sort_unstable();
        title.dedup();
        let vocab_len = terms.iter().map(|t| t.0 as usize + 1).max();
        let doc = Doc {
            terms: &terms,
            starts: &starts,
            shapes,
            title: &title,
            vocab_len: vocab_len.unwrap_or(0),
        };
        let mut scorer = Scorer::default();
        let mut parts = Vec::new();
        let params = Params { position_weight: w, min_words: 6 };
        scorer.score(doc, params, &mut parts);
        (parts, scorer)
    }

    fn score(
        sentences: &[&[u32]],
        shapes: &[Shape],
        title: &[u32],
        w: f32,
    ) -> (Vec<ScoreParts>, Scorer) {
        score_terms(sentences, shapes, title, w)
    }

    fn plain(n: usize) -> Vec<Shape> {
        vec![Shape { words: 10, question: false }; n]
    }

    #[test]
    fn the_sentence_that_shares_most_is_most_central() {
        // Sentence 1 shares a term with every other sentence.
        let (parts, _) = score(
            &[&[1, 2], &[1, 3, 5, 7], &[3, 4], &[5, 6], &[7, 8]],
            &plain(5),
            &[],
            0.0,
        );
        assert_eq!(parts[1].centrality, 1.0);
        for (i, p) in parts.iter().enumerate() {
            assert!(p.centrality > 0.0 && p.centrality <= 1.0, "{i}: {p:?}");
        }
    }

    #[test]
    fn a_sentence_without_terms_has_no_centrality() {
        let (parts, scorer) =
            score(&[&[1, 2], &[], &[1, 2]], &plain(3), &[], 0.8);
        assert_eq!(parts[1].centrality, 0.0);
        assert_eq!(parts[0].centrality, parts[2].centrality);
        assert!(close(scorer.vectors().similarity(0, 2), 1.0));
        assert_eq!(scorer.vectors().similarity(0, 1), 0.0);
    }

    #[test]
    fn short_sentences_and_questions_are_demoted() {
        let shapes = [
            Shape { words: 5, question: false },
            Shape { words: 6, question: false },
            Shape { words: 12, question: true },
        ];
        let (parts, _) = score(&[&[1], &[1], &[1]], &shapes, &[], 0.8);
        let forms: Vec<f32> = parts.iter().map(|p| p.form).collect();
        assert_eq!(forms, [DEMOTED, 1.0, DEMOTED]);
    }

    #[test]
    fn title_overlap_is_a_part() {
        let (parts, _) = score(&[&[1, 2], &[3, 4]], &plain(2), &[3, 4], 0.8);
        assert_eq!(parts[0].title, 0.0);
        assert!(close(parts[1].title, 1.0));
    }

    #[test]
    fn content_is_the_plain_formula_to_the_bit() {
        // Sentences with repeated terms and terms of every frequency.
        let sentences: Vec<Vec<u32>> = (0..23u32)
            .map(|i| (0..i % 9 + 1).map(|j| (i * j + j * j) % 17).collect())
            .collect();
        let (parts, _) =
            score_terms(&sentences, &plain(sentences.len()), &[], 0.5);
        let (idf, tf) = crate::vectors::tests::plain_stats(&sentences);
        let mut raw = Vec::new();
        for s in &sentences {
            let mut distinct = s.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let sum: f32 =
                distinct.iter().map(|&t| tf(t) as f32 * idf(t)).sum();
            raw.push(sum / (distinct.len() as f32).sqrt());
        }
        let best = raw.iter().copied().fold(0.0, f32::max);
        for (p, r) in parts.iter().zip(&raw) {
            assert_eq!(p.content.to_bits(), (r / best).to_bits());
        }
    }

    #[test]
    fn a_reused_scorer_scores_as_a_fresh_one() {
        // Documents of falling and rising sizes through one scorer.
        let docs: Vec<Vec<Vec<u32>>> = [9u32, 3, 30, 1, 12]
            .iter()
            .map(|&n| {
                (0..n)
                    .map(|i| {
                        (0..i % 7 + 1)
                            .map(|j| (i * 5 + j * 3) % (n + 4))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut reused = Scorer::default();
        for sentences in &docs {
            let mut terms = Vec::new();
            let mut starts = vec![0u32];
            for s in sentences {
                let start = terms.len();
                terms.extend(ids(s));
                terms[start..].sort_unstable();
                starts.push(terms.len() as u32);
            }
            let shapes = plain(sentences.len());
            let vocab_len =
                terms.iter().map(|t| t.0 as usize + 1).max().unwrap_or(0);
            let doc = Doc {
                terms: &terms,
                starts: &starts,
                shapes: &shapes,
                title: &[],
                vocab_len,
            };
            let params = Params { position_weight: 0.5, min_words: 6 };
            let mut got = Vec::new();
            reused.score(doc, params, &mut got);
            let (want, fresh) = score_terms(sentences, &shapes, &[], 0.5);
            let key = |p: &ScoreParts| {
                [p.content, p.centrality, p.title].map(f32::to_bits)
            };
            let keys =
                |v: &[ScoreParts]| v.iter().map(key).collect::<Vec<_>>();
            assert_eq!(keys(&got), keys(&want));
            for a in 0..sentences.len() {
                for b in 0..sentences.len() {
                    assert_eq!(
                        reused.vectors().similarity(a, b).to_bits(),
                        fresh.vectors().similarity(a, b).to_bits()
                    );
                }
            }
            reused.release_large();
        }
    }

    #[test]
    fn content_is_scaled_to_the_best() {
        let (parts, _) =
            score(&[&[1, 2, 3], &[1], &[4, 4, 4]], &plain(3), &[], 0.8);
        let best = parts.iter().map(|p| p.content).fold(0.0, f32::max);
        assert_eq!(best, 1.0);
    }
}
