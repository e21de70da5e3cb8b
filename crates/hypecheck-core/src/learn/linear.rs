//! Multinomial logistic regression over named sparse features, trained deterministically.
//!
//! A [`ModelSet`] is one [`Vocabulary`] (feature names with their inverse document frequency) and
//! one or more [`Head`]s (a softmax classifier each), so the ten criteria share one vocabulary.
//! Training is full-batch L-BFGS in a fixed order with plain `f64` arithmetic, so the same data
//! gives the same weights, and the written model file, byte for byte.

use std::collections::HashMap;
use std::fmt::Write as _;

/// Feature names and their inverse document frequencies, sorted by name.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub names: Vec<String>,
    pub idf: Vec<f64>,
    /// Looked up for every word of every text checked: a fast hash, not a DoS-resistant one
    /// (the keys are the model's own names).
    index: rustc_hash::FxHashMap<String, u32>,
    /// Every n-gram in the vocabulary has both its (n-1)-grams in it too (true when features are
    /// chosen by document frequency alone), so an extractor may skip n-grams with an unknown part.
    closed: bool,
    /// The group of each feature, as an index into `groups`.
    group_of_feature: Vec<u32>,
    groups: Vec<String>,
    /// Each part of the names (`group:part part…`, parts split at spaces), numbered once.
    parts: rustc_hash::FxHashMap<Box<str>, u32>,
    /// The names of two to [`MAX_GRAM_PARTS`] parts by their group and parts: a caller that
    /// numbered its words once finds every n-gram of them with no string built.
    grams: rustc_hash::FxHashMap<GramKey, u32>,
    /// The names of one part, the most looked up, by `part * groups.len() + group` (`u32::MAX`
    /// where there is none).
    unigrams: Vec<u32>,
}

/// The most parts an n-gram found by [`Vocabulary::gram`] has.
pub const MAX_GRAM_PARTS: usize = 3;

/// A name's group and parts, one number each, packed (unused parts `u32::MAX`, which no part is).
type GramKey = u128;

fn gram_key(group: u32, parts: &[u32]) -> Option<GramKey> {
    if parts.len() > MAX_GRAM_PARTS {
        return None;
    }
    let part = |i: usize| u128::from(parts.get(i).copied().unwrap_or(u32::MAX));
    Some(u128::from(group) << 96 | part(0) << 64 | part(1) << 32 | part(2))
}

/// How the vocabulary is chosen from training documents.
#[derive(Debug, Clone, Copy)]
pub struct VocabularyParams {
    /// A feature must occur in at least this many documents.
    pub min_df: usize,
    /// Features in more than this fraction of documents say nothing and are dropped.
    pub max_df: f64,
    /// Per feature group (the name up to `:`), keep at most this many, the most frequent first.
    pub max_per_group: usize,
}

/// The group of a feature: its name up to the first `:` ("w:may" is in group "w").
pub fn group_of(name: &str) -> &str {
    name.split_once(':').map_or("", |(g, _)| g)
}

impl Vocabulary {
    /// Chooses the features and their idf (`ln((1 + n) / (1 + df)) + 1`) from training documents,
    /// each given as the names of its feature occurrences.
    pub fn fit<D: AsRef<[S]>, S: AsRef<str>>(docs: &[D], params: VocabularyParams) -> Vocabulary {
        let mut df: HashMap<&str, usize> = HashMap::new();
        for doc in docs {
            let mut seen: Vec<&str> = doc.as_ref().iter().map(|s| s.as_ref()).collect();
            seen.sort_unstable();
            seen.dedup();
            for name in seen {
                *df.entry(name).or_default() += 1;
            }
        }
        let n = docs.len();
        let max_df = (params.max_df * n as f64).floor() as usize;
        let mut kept: Vec<(&str, usize)> = df
            .into_iter()
            .filter(|&(_, d)| d >= params.min_df && d <= max_df.max(params.min_df))
            .collect();
        // Most frequent first within each group; ties by name, so the choice is deterministic.
        kept.sort_by(|a, b| group_of(a.0).cmp(group_of(b.0)).then(b.1.cmp(&a.1)).then(a.0.cmp(b.0)));
        let mut chosen: Vec<(&str, usize)> = Vec::new();
        let mut group_count: HashMap<&str, usize> = HashMap::new();
        for (name, d) in kept {
            let c = group_count.entry(group_of(name)).or_default();
            if *c < params.max_per_group {
                *c += 1;
                chosen.push((name, d));
            }
        }
        chosen.sort_by(|a, b| a.0.cmp(b.0));
        let names: Vec<String> = chosen.iter().map(|(s, _)| s.to_string()).collect();
        let idf = chosen
            .iter()
            .map(|&(_, d)| ((1.0 + n as f64) / (1.0 + d as f64)).ln() + 1.0)
            .collect();
        Vocabulary::from_parts(names, idf)
    }

    pub fn from_parts(names: Vec<String>, idf: Vec<f64>) -> Vocabulary {
        let index: rustc_hash::FxHashMap<String, u32> =
            names.iter().enumerate().map(|(i, s)| (s.clone(), i as u32)).collect();
        let closed = names.iter().all(|name| {
            let Some((group, body)) = name.split_once(':') else {
                return true;
            };
            match (body.rsplit_once(' '), body.split_once(' ')) {
                (Some((head, _)), Some((_, tail))) => {
                    index.contains_key(&format!("{group}:{head}")) && index.contains_key(&format!("{group}:{tail}"))
                }
                _ => true,
            }
        });
        let mut groups: Vec<String> = Vec::new();
        let mut group_of_feature = Vec::with_capacity(names.len());
        let mut parts: rustc_hash::FxHashMap<Box<str>, u32> = Default::default();
        let mut grams: rustc_hash::FxHashMap<GramKey, u32> = Default::default();
        let mut single: Vec<(u32, u32, u32)> = Vec::new();
        for (id, name) in names.iter().enumerate() {
            let (group, body) = name.split_once(':').unwrap_or(("", name));
            let g = match groups.iter().position(|known| known == group) {
                Some(g) => g as u32,
                None => {
                    groups.push(group.to_string());
                    groups.len() as u32 - 1
                }
            };
            group_of_feature.push(g);
            let ids: Vec<u32> = body
                .split(' ')
                .map(|part| {
                    let next = parts.len() as u32;
                    *parts.entry(part.into()).or_insert(next)
                })
                .collect();
            match ids[..] {
                [part] => single.push((part, g, id as u32)),
                _ => {
                    if let Some(key) = gram_key(g, &ids) {
                        grams.insert(key, id as u32);
                    }
                }
            }
        }
        let mut unigrams = vec![u32::MAX; parts.len() * groups.len()];
        for (part, g, id) in single {
            unigrams[part as usize * groups.len() + g as usize] = id;
        }
        Vocabulary {
            names,
            idf,
            index,
            closed,
            group_of_feature,
            groups,
            parts,
            grams,
            unigrams,
        }
    }

    /// The number of a part of the names (a word or label of an n-gram), if any name has it.
    pub fn part(&self, part: &str) -> Option<u32> {
        self.parts.get(part).copied()
    }

    /// The number of a group of names (`w` of `w:may`), if any name is in it.
    pub fn group(&self, group: &str) -> Option<u32> {
        self.groups.iter().position(|g| g == group).map(|g| g as u32)
    }

    /// The feature of `group` whose parts are `parts` (numbered by [`Vocabulary::part`]): the
    /// name `group:part part…`, found with no string built. None for more than
    /// [`MAX_GRAM_PARTS`] parts.
    pub fn gram(&self, group: u32, parts: &[u32]) -> Option<u32> {
        match *parts {
            [part] if (group as usize) < self.groups.len() => {
                let at = part as usize * self.groups.len() + group as usize;
                self.unigrams.get(at).copied().filter(|&id| id != u32::MAX)
            }
            [_] => None,
            _ => self.grams.get(&gram_key(group, parts)?).copied(),
        }
    }

    /// See the field `closed`.
    pub fn closed_under_parts(&self) -> bool {
        self.closed
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// The tf-idf vector of one document: sublinear term frequency (`1 + ln tf`) times idf,
    /// each feature group scaled to unit length on its own. Sorted by feature index.
    pub fn vectorize<S: AsRef<str>>(&self, doc: &[S]) -> Vec<(u32, f64)> {
        self.vectorize_ids(doc.iter().filter_map(|s| self.get(s.as_ref())).collect())
    }

    /// [`Vocabulary::vectorize`] for features already looked up.
    pub fn vectorize_ids(&self, mut ids: Vec<u32>) -> Vec<(u32, f64)> {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        {
            ids.sort_unstable();
            for id in ids {
                match counts.last_mut() {
                    Some((last, c)) if *last == id => *c += 1,
                    _ => counts.push((id, 1)),
                }
            }
        }
        self.vectorize_counts(counts)
    }

    /// The vector of features counted as `(id, count)`, ids ascending and distinct.
    pub fn vectorize_counts(&self, counts: Vec<(u32, u32)>) -> Vec<(u32, f64)> {
        let mut v: Vec<(u32, f64)> = counts
            .into_iter()
            .map(|(id, tf)| (id, (1.0 + (tf as f64).ln()) * self.idf[id as usize]))
            .collect();
        // Names are sorted, so each group is a contiguous run of indices.
        let mut start = 0;
        while start < v.len() {
            let group = self.group_of_feature[v[start].0 as usize];
            let mut end = start + 1;
            while end < v.len() && self.group_of_feature[v[end].0 as usize] == group {
                end += 1;
            }
            let norm = v[start..end].iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, x) in &mut v[start..end] {
                    *x /= norm;
                }
            }
            start = end;
        }
        v
    }
}

/// One softmax classifier over the shared vocabulary.
#[derive(Debug, Clone)]
pub struct Head {
    pub key: String,
    pub classes: Vec<String>,
    pub bias: Vec<f64>,
    /// `weights[feature * classes + class]`.
    pub weights: Vec<f64>,
}

/// Heads over one vocabulary with their weights side by side, one row per feature, so one pass
/// over a text's features scores them all (a row's classes are independent sums the processor
/// adds at once, where one head at a time waits on each add). Each head's scores equal
/// [`Head::scores`] to the bit: every class adds the same products in the same order.
#[derive(Debug, Clone, Default)]
pub struct Stack {
    keys: Vec<String>,
    classes: Vec<Vec<String>>,
    /// Where each head's classes start in a row; the row's width last.
    offsets: Vec<usize>,
    bias: Vec<f64>,
    /// `weights[feature * width + offsets[head] + class]`.
    weights: Vec<f64>,
    /// Each weight less the mean of its head's row: how far the feature pushes that class above
    /// the head's other classes on average (as [`Head::contributions`]).
    centered: Vec<f64>,
}

impl Stack {
    /// The heads side by side, in the order given; all read the same vocabulary.
    pub fn new(heads: &[&Head]) -> Stack {
        let mut offsets = vec![0];
        for head in heads {
            offsets.push(offsets[offsets.len() - 1] + head.classes.len());
        }
        let width = offsets[heads.len()];
        let features = heads.first().map_or(0, |h| h.weights.len() / h.classes.len().max(1));
        let mut weights = vec![0.0; features * width];
        let mut centered = vec![0.0; features * width];
        for (h, head) in heads.iter().enumerate() {
            let k = head.classes.len();
            assert_eq!(head.weights.len(), features * k, "stacked heads read one vocabulary");
            for j in 0..features {
                let row = &head.weights[j * k..(j + 1) * k];
                let mean = row.iter().sum::<f64>() / k as f64;
                for (c, &w) in row.iter().enumerate() {
                    weights[j * width + offsets[h] + c] = w;
                    centered[j * width + offsets[h] + c] = w - mean;
                }
            }
        }
        Stack {
            keys: heads.iter().map(|h| h.key.clone()).collect(),
            classes: heads.iter().map(|h| h.classes.clone()).collect(),
            bias: heads.iter().flat_map(|h| h.bias.iter().copied()).collect(),
            offsets,
            weights,
            centered,
        }
    }

    /// The number of heads.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Which head has this key.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }

    pub fn classes(&self, head: usize) -> &[String] {
        &self.classes[head]
    }

    /// Where head `head`'s classes are in a row of scores.
    pub fn range(&self, head: usize) -> std::ops::Range<usize> {
        self.offsets[head]..self.offsets[head + 1]
    }

    /// Every head's class scores (logits) of a vectorized document, head by head.
    pub fn scores(&self, x: &[(u32, f64)]) -> Vec<f64> {
        let width = self.bias.len();
        let mut z = self.bias.clone();
        for &(j, v) in x {
            let row = &self.weights[j as usize * width..(j as usize + 1) * width];
            for (z, w) in z.iter_mut().zip(row) {
                *z += v * w;
            }
        }
        z
    }

    /// How much each feature of `x` pushed the score of `class` of `head` above that head's
    /// classes' average.
    pub fn contributions<'x>(
        &'x self,
        x: &'x [(u32, f64)],
        head: usize,
        class: usize,
    ) -> impl Iterator<Item = (u32, f64)> + 'x {
        let width = self.bias.len();
        let at = self.offsets[head] + class;
        x.iter()
            .map(move |&(j, v)| (j, v * self.centered[j as usize * width + at]))
    }
}

/// How a head is trained.
#[derive(Debug, Clone, Copy)]
pub struct TrainParams {
    /// Inverse strength of the L2 penalty (as scikit-learn's `C`).
    pub c: f64,
    /// How far to weigh classes inversely to their frequency: 0 not at all, 1 fully ("balanced": a
    /// rare class counts as much as a common one), 0.5 by the square root of that weight.
    pub class_weight_power: f64,
    pub max_iter: usize,
    /// Classes with fewer training examples than this are never predicted.
    pub min_class_count: usize,
}

/// The bias of a class that is never predicted.
const NEVER: f64 = -1000.0;

impl Head {
    /// The class scores (logits) of a vectorized document.
    pub fn scores(&self, x: &[(u32, f64)]) -> Vec<f64> {
        let k = self.classes.len();
        let mut z = self.bias.clone();
        for &(j, v) in x {
            let row = &self.weights[j as usize * k..(j as usize + 1) * k];
            for c in 0..k {
                z[c] += v * row[c];
            }
        }
        z
    }

    /// Class probabilities of a vectorized document.
    pub fn probabilities(&self, x: &[(u32, f64)]) -> Vec<f64> {
        softmax(&self.scores(x))
    }

    /// How much each feature of `x` pushed the score of `class` above the others' average.
    pub fn contributions<'x>(&'x self, x: &'x [(u32, f64)], class: usize) -> impl Iterator<Item = (u32, f64)> + 'x {
        let k = self.classes.len();
        x.iter().map(move |&(j, v)| {
            let row = &self.weights[j as usize * k..(j as usize + 1) * k];
            let mean = row.iter().sum::<f64>() / k as f64;
            (j, v * (row[class] - mean))
        })
    }

    /// Trains a head on vectorized documents with class indices `y` into `classes`.
    pub fn train(
        key: &str,
        classes: &[&str],
        dims: usize,
        x: &[Vec<(u32, f64)>],
        y: &[usize],
        params: TrainParams,
    ) -> Head {
        let k = classes.len();
        let n = x.len();
        let mut counts = vec![0usize; k];
        for &c in y {
            counts[c] += 1;
        }
        let learnable = |c: usize| c > 0 && c >= params.min_class_count;
        let present = counts.iter().filter(|&&c| learnable(c)).count().max(1);
        let class_weight: Vec<f64> = counts
            .iter()
            .map(|&c| {
                if !learnable(c) {
                    0.0
                } else {
                    let balanced = n as f64 / (present as f64 * c as f64);
                    // Powers 1 and 0 exactly, without a rounding `powf` might add.
                    let p = params.class_weight_power;
                    if p == 1.0 {
                        balanced
                    } else if p == 0.0 {
                        1.0
                    } else {
                        balanced.powf(p)
                    }
                }
            })
            .collect();
        let objective = Objective {
            x,
            y,
            k,
            dims,
            class_weight,
            l2: 1.0 / params.c,
        };
        let theta = lbfgs(&objective, vec![0.0; (dims + 1) * k], params.max_iter);
        let mut bias = theta[dims * k..].to_vec();
        // Too few examples of a class to learn it (three "not applicable" ratings of benefits):
        // guessing it would only add errors, so it is never predicted.
        for c in 0..k {
            if counts[c] < params.min_class_count {
                bias[c] = NEVER;
            }
        }
        Head {
            key: key.to_string(),
            classes: classes.iter().map(|s| s.to_string()).collect(),
            bias,
            weights: theta[..dims * k].to_vec(),
        }
    }
}

pub fn softmax(z: &[f64]) -> Vec<f64> {
    let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
    let s: f64 = e.iter().sum();
    e.into_iter().map(|v| v / s).collect()
}

/// Weighted cross-entropy plus an L2 penalty (`l2 / 2 * |W|^2`, and a small one on the biases
/// so that a class absent from training stays finite). Parameters: weights, then biases.
struct Objective<'a> {
    x: &'a [Vec<(u32, f64)>],
    y: &'a [usize],
    k: usize,
    dims: usize,
    class_weight: Vec<f64>,
    l2: f64,
}

const BIAS_L2: f64 = 1e-3;

impl Objective<'_> {
    fn value_and_gradient(&self, theta: &[f64], grad: &mut [f64]) -> f64 {
        let (k, dims) = (self.k, self.dims);
        let (w, b) = theta.split_at(dims * k);
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut loss = 0.0;
        let mut z = vec![0.0; k];
        for (xi, &yi) in self.x.iter().zip(self.y) {
            let cw = self.class_weight[yi];
            if cw == 0.0 {
                continue;
            }
            z.copy_from_slice(b);
            for &(j, v) in xi {
                let row = &w[j as usize * k..(j as usize + 1) * k];
                for c in 0..k {
                    z[c] += v * row[c];
                }
            }
            let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let sum: f64 = z.iter().map(|v| (v - max).exp()).sum();
            let log_norm = max + sum.ln();
            loss += cw * (log_norm - z[yi]);
            // z becomes the gradient of the loss with respect to the scores.
            for (c, zc) in z.iter_mut().enumerate() {
                let p = (*zc - log_norm).exp();
                *zc = cw * (p - if c == yi { 1.0 } else { 0.0 });
            }
            for &(j, v) in xi {
                let g = &mut grad[j as usize * k..(j as usize + 1) * k];
                for c in 0..k {
                    g[c] += v * z[c];
                }
            }
            for c in 0..k {
                grad[dims * k + c] += z[c];
            }
        }
        for (i, &t) in w.iter().enumerate() {
            loss += 0.5 * self.l2 * t * t;
            grad[i] += self.l2 * t;
        }
        for (c, &t) in b.iter().enumerate() {
            loss += 0.5 * BIAS_L2 * t * t;
            grad[dims * k + c] += BIAS_L2 * t;
        }
        loss
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Limited-memory BFGS with a backtracking (Armijo) line search.
fn lbfgs(objective: &Objective, mut theta: Vec<f64>, max_iter: usize) -> Vec<f64> {
    const MEMORY: usize = 10;
    let n = theta.len();
    let mut grad = vec![0.0; n];
    let mut f = objective.value_and_gradient(&theta, &mut grad);
    let mut history: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> = std::collections::VecDeque::new();
    let mut next = vec![0.0; n];
    let mut next_grad = vec![0.0; n];
    for _ in 0..max_iter {
        let gnorm = grad.iter().map(|g| g.abs()).fold(0.0, f64::max);
        if gnorm < 1e-6 {
            break;
        }
        // Two-loop recursion: direction = -H * grad.
        let mut q = grad.clone();
        let mut alphas = Vec::with_capacity(history.len());
        for (s, y, rho) in history.iter().rev() {
            let a = rho * dot(s, &q);
            q.iter_mut().zip(y).for_each(|(qi, yi)| *qi -= a * yi);
            alphas.push(a);
        }
        let gamma = history
            .back()
            .map_or(1.0 / gnorm.max(1.0), |(s, y, _)| dot(s, y) / dot(y, y));
        q.iter_mut().for_each(|v| *v *= gamma);
        for ((s, y, rho), a) in history.iter().zip(alphas.iter().rev()) {
            let beta = rho * dot(y, &q);
            q.iter_mut().zip(s).for_each(|(qi, si)| *qi += (a - beta) * si);
        }
        let mut direction: Vec<f64> = q.iter().map(|v| -v).collect();
        let mut slope = dot(&grad, &direction);
        if slope >= 0.0 {
            // Not a descent direction: restart from steepest descent.
            history.clear();
            direction = grad.iter().map(|g| -g / gnorm.max(1.0)).collect();
            slope = dot(&grad, &direction);
        }
        let mut step = 1.0;
        let mut accepted = false;
        for _ in 0..40 {
            for i in 0..n {
                next[i] = theta[i] + step * direction[i];
            }
            let f_next = objective.value_and_gradient(&next, &mut next_grad);
            if f_next <= f + 1e-4 * step * slope {
                let s: Vec<f64> = (0..n).map(|i| next[i] - theta[i]).collect();
                let y: Vec<f64> = (0..n).map(|i| next_grad[i] - grad[i]).collect();
                let sy = dot(&s, &y);
                if sy > 1e-12 {
                    if history.len() == MEMORY {
                        history.pop_front();
                    }
                    history.push_back((s, y, 1.0 / sy));
                }
                let decrease = f - f_next;
                std::mem::swap(&mut theta, &mut next);
                std::mem::swap(&mut grad, &mut next_grad);
                f = f_next;
                accepted = decrease > 1e-10 * f.abs().max(1.0);
                break;
            }
            step *= 0.5;
        }
        if !accepted {
            break;
        }
    }
    theta
}

/// A vocabulary and the heads that read it: one model file.
#[derive(Debug, Clone, Default)]
pub struct ModelSet {
    pub vocabulary: Vocabulary,
    pub heads: Vec<Head>,
    /// The version of the features the model was trained on (see `learn::feature_version`).
    pub features: String,
    /// Free-text lines kept at the top of the file (how it was trained).
    pub comments: Vec<String>,
}

/// Decimals written for weights and idf: enough for the predictions, small enough to read.
const DECIMALS: usize = 3;

#[derive(Debug, thiserror::Error)]
#[error("model file, line {line}: {message}")]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

impl ModelSet {
    pub fn head(&self, key: &str) -> Option<&Head> {
        self.heads.iter().find(|h| h.key == key)
    }

    /// The model file: a header, the vocabulary (`name<TAB>idf`), then per head its classes,
    /// biases and one row of weights per feature that has any weight left after rounding.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        for c in &self.comments {
            let _ = writeln!(o, "# {c}");
        }
        let _ = writeln!(o, "hypecheck-model 2");
        let _ = writeln!(o, "features {}", self.features);
        let _ = writeln!(o, "vocabulary {}", self.vocabulary.len());
        for (name, idf) in self.vocabulary.names.iter().zip(&self.vocabulary.idf) {
            let _ = writeln!(o, "{name}\t{idf:.DECIMALS$}");
        }
        for head in &self.heads {
            let k = head.classes.len();
            let _ = writeln!(o, "head {} {}", head.key, head.classes.join(" "));
            let bias: Vec<String> = head.bias.iter().map(|b| format!("{b:.DECIMALS$}")).collect();
            let _ = writeln!(o, "bias\t{}", bias.join("\t"));
            for j in 0..self.vocabulary.len() {
                let row: Vec<String> = head.weights[j * k..(j + 1) * k]
                    .iter()
                    .map(|w| format!("{w:.DECIMALS$}"))
                    .collect();
                if row
                    .iter()
                    .all(|s| s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.'))
                {
                    continue;
                }
                let _ = writeln!(o, "{j}\t{}", row.join("\t"));
            }
            let _ = writeln!(o, "end");
        }
        o
    }

    pub fn parse(text: &str) -> Result<ModelSet, ModelError> {
        let err = |line: usize, message: String| ModelError {
            line: line + 1,
            message,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.is_empty());
        let mut next = |what: &str| {
            lines
                .next()
                .ok_or_else(|| err(usize::MAX - 1, format!("ends before {what}")))
        };
        let (n, header) = next("the header")?;
        match header.trim() {
            "hypecheck-model 2" => {}
            "hypecheck-model 1" => return Err(err(
                n,
                "a model of format 1 does not say which features it was trained on; retrain it with `hypecheck train`"
                    .into(),
            )),
            _ => return Err(err(n, "expected `hypecheck-model 2`".into())),
        }
        let (n, features_line) = next("the features version")?;
        let features = features_line
            .strip_prefix("features ")
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| err(n, "expected `features <version>`".into()))?;
        let (n, vocab_line) = next("the vocabulary")?;
        let size: usize = vocab_line
            .strip_prefix("vocabulary ")
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| err(n, "expected `vocabulary <count>`".into()))?;
        let mut names = Vec::with_capacity(size);
        let mut idf = Vec::with_capacity(size);
        for _ in 0..size {
            let (n, line) = next("the end of the vocabulary")?;
            let (name, value) = line
                .rsplit_once('\t')
                .ok_or_else(|| err(n, "expected `name<TAB>idf`".into()))?;
            names.push(name.to_string());
            idf.push(value.parse().map_err(|_| err(n, format!("bad idf {value:?}")))?);
        }
        let vocabulary = Vocabulary::from_parts(names, idf);
        let mut heads = Vec::new();
        while let Ok((n, line)) = next("") {
            let mut parts = line.split(' ');
            if parts.next() != Some("head") {
                return Err(err(n, "expected `head <key> <classes...>`".into()));
            }
            let key = parts
                .next()
                .ok_or_else(|| err(n, "head without key".into()))?
                .to_string();
            let classes: Vec<String> = parts.map(str::to_string).collect();
            let k = classes.len();
            if k < 2 {
                return Err(err(n, "a head needs at least two classes".into()));
            }
            let numbers = |n: usize, fields: std::str::Split<'_, char>| -> Result<Vec<f64>, ModelError> {
                let v: Vec<f64> = fields
                    .map(|f| f.parse::<f64>().map_err(|_| err(n, format!("bad number {f:?}"))))
                    .collect::<Result<_, _>>()?;
                if v.len() != k {
                    return Err(err(n, format!("expected {k} numbers, found {}", v.len())));
                }
                Ok(v)
            };
            let (n, bias_line) = next("the biases")?;
            let bias = numbers(
                n,
                bias_line
                    .strip_prefix("bias\t")
                    .ok_or_else(|| err(n, "expected `bias`".into()))?
                    .split('\t'),
            )?;
            let mut weights = vec![0.0; vocabulary.len() * k];
            loop {
                let (n, line) = next("`end`")?;
                if line == "end" {
                    break;
                }
                let (index, rest) = line
                    .split_once('\t')
                    .ok_or_else(|| err(n, "expected a weight row".into()))?;
                let j: usize = index
                    .parse()
                    .ok()
                    .filter(|&j| j < vocabulary.len())
                    .ok_or_else(|| err(n, format!("bad feature index {index:?}")))?;
                weights[j * k..(j + 1) * k].copy_from_slice(&numbers(n, rest.split('\t'))?);
            }
            heads.push(Head {
                key,
                classes,
                bias,
                weights,
            });
        }
        Ok(ModelSet {
            vocabulary,
            heads,
            features,
            comments: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> (Vec<Vec<&'static str>>, Vec<usize>) {
        let docs = vec![
            vec!["w:may", "w:reduce", "a:HEDGE"],
            vec!["w:reduces", "a:CAUSAL"],
            vec!["w:associated", "a:CORR"],
            vec!["w:may", "w:improve", "a:HEDGE"],
            vec!["w:improves", "a:CAUSAL"],
            vec!["w:linked", "a:CORR"],
        ];
        (docs, vec![1, 0, 2, 1, 0, 2])
    }

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let (docs, y) = docs();
        let vocab = Vocabulary::fit(
            &docs,
            VocabularyParams {
                min_df: 1,
                max_df: 1.0,
                max_per_group: 100,
            },
        );
        let x: Vec<_> = docs.iter().map(|d| vocab.vectorize(d)).collect();
        let params = TrainParams {
            c: 10.0,
            class_weight_power: 1.0,
            max_iter: 200,
            min_class_count: 1,
        };
        let head = Head::train("t", &["causal", "hedged", "corr"], vocab.len(), &x, &y, params);
        let predict = |h: &Head, d: &[&str]| {
            let p = h.probabilities(&vocab.vectorize(d));
            (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap()
        };
        assert_eq!(predict(&head, &["a:HEDGE"]), 1);
        assert_eq!(predict(&head, &["a:CORR"]), 2);
        assert_eq!(predict(&head, &["a:CAUSAL", "w:unknown"]), 0);
        // Same data, same weights.
        let again = Head::train("t", &["causal", "hedged", "corr"], vocab.len(), &x, &y, params);
        assert_eq!(head.weights, again.weights);
        let set = ModelSet {
            vocabulary: vocab.clone(),
            heads: vec![head],
            features: "test".into(),
            comments: vec!["test".into()],
        };
        let text = set.to_text();
        let parsed = ModelSet::parse(&text).unwrap();
        assert_eq!(predict(parsed.head("t").unwrap(), &["a:CORR"]), 2);
        assert_eq!(parsed.vocabulary.names, set.vocabulary.names);
    }

    #[test]
    fn stacked_heads_score_and_explain_as_each_head_alone() {
        let (docs, y) = docs();
        let params = VocabularyParams {
            min_df: 1,
            max_df: 1.0,
            max_per_group: 100,
        };
        let vocab = Vocabulary::fit(&docs, params);
        let x: Vec<_> = docs.iter().map(|d| vocab.vectorize(d)).collect();
        let train = |key: &str, classes: &[&str], y: &[usize]| {
            let params = TrainParams {
                c: 1.0,
                class_weight_power: 0.5,
                max_iter: 100,
                min_class_count: 1,
            };
            Head::train(key, classes, vocab.len(), &x, y, params)
        };
        let three = train("three", &["causal", "hedged", "corr"], &y);
        let two = train(
            "two",
            &["causal", "other"],
            &y.iter().map(|&c| usize::from(c != 0)).collect::<Vec<_>>(),
        );
        let stack = Stack::new(&[&three, &two]);
        assert_eq!(stack.position("two"), Some(1));
        assert_eq!(stack.classes(0), three.classes.as_slice());
        for doc in &x {
            let scores = stack.scores(doc);
            for (h, head) in [&three, &two].into_iter().enumerate() {
                // Bit for bit: the stacked model must not change a single verdict or probability.
                assert_eq!(&scores[stack.range(h)], head.scores(doc).as_slice());
                for class in 0..head.classes.len() {
                    let alone: Vec<_> = head.contributions(doc, class).collect();
                    let stacked: Vec<_> = stack.contributions(doc, h, class).collect();
                    assert_eq!(stacked, alone);
                }
            }
        }
    }

    #[test]
    fn groups_are_normalized_separately() {
        let vocab = Vocabulary::from_parts(vec!["a:x".into(), "w:y".into(), "w:z".into()], vec![1.0, 1.0, 1.0]);
        let v = vocab.vectorize(&["a:x", "w:y", "w:z", "w:unknown"]);
        assert_eq!(v.len(), 3);
        assert!((v[0].1 - 1.0).abs() < 1e-12);
        assert!((v[1].1 - 0.5f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn bad_model_files_name_the_line() {
        let e = ModelSet::parse("hypecheck-model 2\nfeatures f\nvocabulary 1\nw:x\t1.0\nhead h a b\nbias\t0\nend\n")
            .unwrap_err();
        assert_eq!(e.line, 6, "{e}");
        let old = ModelSet::parse("hypecheck-model 1\nvocabulary 0\n").unwrap_err();
        assert!(old.to_string().contains("hypecheck train"), "{old}");
        assert!(ModelSet::parse("nonsense").is_err());
    }

    #[test]
    fn n_grams_are_found_by_the_numbers_of_their_parts() {
        let names = ["a:HEDGE CAUSAL", "a:may", "w:ab", "w:ab cd", "w:cd", "w:x y z"];
        let vocab = Vocabulary::from_parts(names.iter().map(|n| n.to_string()).collect(), vec![1.0; names.len()]);
        let (w, a) = (vocab.group("w").unwrap(), vocab.group("a").unwrap());
        let part = |p: &str| vocab.part(p).unwrap();
        assert_eq!(vocab.gram(w, &[part("ab"), part("cd")]), vocab.get("w:ab cd"));
        assert_eq!(
            vocab.gram(a, &[part("HEDGE"), part("CAUSAL")]),
            vocab.get("a:HEDGE CAUSAL")
        );
        assert_eq!(vocab.gram(w, &[part("x"), part("y"), part("z")]), vocab.get("w:x y z"));
        assert!(vocab.get("w:x y z").is_some());
        // The group and the order of the parts matter.
        assert_eq!(vocab.gram(a, &[part("ab")]), None);
        assert_eq!(vocab.gram(w, &[part("cd"), part("ab")]), None);
        assert_eq!(vocab.gram(w, &[part("x"), part("y")]), None);
        assert_eq!(vocab.part("abc"), None);
        assert!(!vocab.closed_under_parts());
    }
}
