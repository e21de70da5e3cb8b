//! Fine-tuning the encoder for a sentence classification task: the top layers of the encoder and a
//! linear head over their mean-pooled output are trained (AdamW, weighted cross-entropy); the
//! lower layers stay as pretrained, so their output is computed once ([`Encoder::lower_states`])
//! and only the tuned part is stored: the top layers and the head, a few MB instead of the
//! encoder's 90.

use std::path::Path;

use candle_core::{DType, Tensor, Var, D};
use candle_nn::{Linear, Module, Optimizer, VarBuilder, VarMap};

use crate::bert::{additive_mask, Bert};
use crate::layer::{Layer, Ops};

use crate::{mean_pool, run_error, Encoder, EncoderError};

/// How a classifier is tuned; part of what training reproduces.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// Encoder layers tuned, counted from the top.
    pub top_layers: usize,
    pub epochs: usize,
    pub batch: usize,
    /// Step size of the encoder layers (small: they start out knowing the language).
    pub learning_rate: f64,
    /// Step size of the head, which starts at zero.
    pub head_learning_rate: f64,
    pub weight_decay: f64,
    /// Classes are weighed by their inverse frequency to this power (0: not at all, 1: balanced).
    pub class_weight_power: f64,
    /// Seed of the order in which sentences are seen.
    pub seed: u64,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            top_layers: 2,
            epochs: 4,
            batch: 16,
            learning_rate: 5e-5,
            head_learning_rate: 3e-3,
            weight_decay: 0.01,
            class_weight_power: 0.5,
            seed: 17,
        }
    }
}

/// A tuned classifier: the encoder's top layers and a head.
pub struct Classifier {
    top: Vec<Layer>,
    head: Linear,
    varmap: VarMap,
    pub top_layers: usize,
    pub classes: usize,
}

/// A small deterministic shuffle (xorshift): the order of training batches, reproducible.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.max(1);
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

/// Hidden-state rows padded to the longest: (batch, tokens, width), with their mask and the
/// attention mask the encoder layers add to their scores.
fn batch_of(states: &[&Tensor]) -> candle_core::Result<(Tensor, Tensor, Tensor)> {
    let longest = states.iter().map(|s| s.dim(0).unwrap_or(0)).max().unwrap_or(0);
    let width = states[0].dim(1)?;
    let device = states[0].device();
    let mut rows = Vec::with_capacity(states.len());
    let mut mask = Vec::with_capacity(states.len() * longest);
    for s in states {
        let n = s.dim(0)?;
        rows.push(if n < longest {
            Tensor::cat(
                &[(*s).clone(), Tensor::zeros((longest - n, width), DType::F32, device)?],
                0,
            )?
        } else {
            (*s).clone()
        });
        mask.extend((0..longest).map(|k| if k < n { 1f32 } else { 0f32 }));
    }
    let x = Tensor::stack(&rows, 0)?;
    let mask = Tensor::from_vec(mask, (states.len(), longest), device)?;
    let additive = additive_mask(&mask)?;
    Ok((x, mask, additive))
}

/// One row per sentence, computed by `rows` over batches of lower states (see [`batch_of`]).
fn rows_in_batches(
    states: &[Tensor],
    rows: impl Fn(&Tensor, &Tensor, &Tensor) -> candle_core::Result<Vec<Vec<f32>>>,
) -> Result<Vec<Vec<f32>>, EncoderError> {
    let mut out = Vec::with_capacity(states.len());
    for chunk in states.chunks(32) {
        let batch: Vec<&Tensor> = chunk.iter().collect();
        let (x, mask, additive) = batch_of(&batch).map_err(run_error)?;
        out.extend(rows(&x, &mask, &additive).map_err(run_error)?);
    }
    Ok(out)
}

impl Classifier {
    /// A classifier over the weights in `varmap`, its layers computed with `ops`: differentiable
    /// to be tuned, fused to be read (the same values to 1e-5, several times faster and without
    /// the intermediate tensors that gradients would need).
    fn build(
        encoder: &Encoder,
        top_layers: usize,
        classes: usize,
        varmap: VarMap,
        ops: Ops,
    ) -> Result<Classifier, EncoderError> {
        let config = encoder.config();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, encoder.device());
        let top = (0..top_layers)
            .map(|i| Layer::load(config, ops, vb.pp(format!("encoder.layer.{i}"))))
            .collect::<candle_core::Result<Vec<_>>>()
            .map_err(run_error)?;
        let head = candle_nn::linear(config.hidden_size, classes, vb.pp("head")).map_err(run_error)?;
        Ok(Classifier {
            top,
            head,
            varmap,
            top_layers,
            classes,
        })
    }

    /// A classifier whose top layers start as the pretrained ones and whose head starts at zero.
    pub fn pretrained(encoder: &Encoder, top_layers: usize, classes: usize) -> Result<Classifier, EncoderError> {
        let total = encoder.config().num_hidden_layers;
        let offset = total - top_layers;
        // SAFETY: the file is only read; hypecheck does not change it while it runs.
        let weights =
            unsafe { candle_core::safetensors::MmapedSafetensors::new(encoder.dir.join("model.safetensors")) }
                .map_err(run_error)?;
        let varmap = VarMap::new();
        {
            let mut vars = varmap.data().lock().expect("var map lock");
            // Only the tuned layers are read from the file.
            for (name, _) in weights.tensors() {
                let Some(rest) = name.strip_prefix("encoder.layer.") else {
                    continue;
                };
                let Some((index, tail)) = rest.split_once('.') else {
                    continue;
                };
                let Ok(index) = index.parse::<usize>() else { continue };
                if index >= offset {
                    let tensor = weights.load(&name, encoder.device()).map_err(run_error)?;
                    let var = Var::from_tensor(&tensor).map_err(run_error)?;
                    vars.insert(format!("encoder.layer.{}.{tail}", index - offset), var);
                }
            }
            let width = encoder.config().hidden_size;
            let zeros = |shape: (usize, usize)| Var::zeros(shape, DType::F32, encoder.device());
            vars.insert("head.weight".into(), zeros((classes, width)).map_err(run_error)?);
            vars.insert(
                "head.bias".into(),
                Var::zeros(classes, DType::F32, encoder.device()).map_err(run_error)?,
            );
        }
        Classifier::build(encoder, top_layers, classes, varmap, Ops::Differentiable)
    }

    fn top_states(&self, x: &Tensor, additive: &Tensor) -> candle_core::Result<Tensor> {
        let mut hidden = x.clone();
        for layer in &self.top {
            hidden = layer.forward(&hidden, additive)?;
        }
        Ok(hidden)
    }

    fn logits(&self, x: &Tensor, mask: &Tensor, additive: &Tensor) -> candle_core::Result<Tensor> {
        self.head.forward(&mean_pool(&self.top_states(x, additive)?, mask)?)
    }

    /// Tunes a classifier on the lower states of labelled sentences (labels in `0..classes`).
    /// `progress` hears of each finished epoch and its mean loss.
    pub fn train(
        encoder: &Encoder,
        states: &[Tensor],
        labels: &[usize],
        classes: usize,
        tuning: Tuning,
        mut progress: impl FnMut(usize, f64),
    ) -> Result<Classifier, EncoderError> {
        let model = Classifier::pretrained(encoder, tuning.top_layers, classes)?;
        let mut counts = vec![0usize; classes];
        for &l in labels {
            counts[l] += 1;
        }
        let n = labels.len() as f64;
        let weights: Vec<f32> = counts
            .iter()
            .map(|&c| {
                if c == 0 {
                    0.0
                } else {
                    (n / (classes as f64 * c as f64)).powf(tuning.class_weight_power) as f32
                }
            })
            .collect();
        let weights = Tensor::new(weights.as_slice(), encoder.device()).map_err(run_error)?;
        type Named = Vec<(String, Var)>;
        let (head_vars, layer_vars): (Named, Named) = model
            .varmap
            .data()
            .lock()
            .expect("var map lock")
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .partition(|(k, _)| k.starts_with("head."));
        let adamw = |vars: Vec<(String, Var)>, lr: f64| {
            candle_nn::AdamW::new(
                vars.into_iter().map(|(_, v)| v).collect(),
                candle_nn::ParamsAdamW {
                    lr,
                    weight_decay: tuning.weight_decay,
                    ..Default::default()
                },
            )
            .map_err(run_error)
        };
        let mut layer_optimizer = adamw(layer_vars, tuning.learning_rate)?;
        let mut head_optimizer = adamw(head_vars, tuning.head_learning_rate)?;
        for epoch in 0..tuning.epochs {
            let order = shuffled(states.len(), tuning.seed.wrapping_add(epoch as u64));
            let mut total = 0.0;
            for chunk in order.chunks(tuning.batch) {
                let batch: Vec<&Tensor> = chunk.iter().map(|&i| &states[i]).collect();
                let targets: Vec<u32> = chunk.iter().map(|&i| labels[i] as u32).collect();
                let mut step = || -> candle_core::Result<f64> {
                    let (x, mask, additive) = batch_of(&batch)?;
                    let targets = Tensor::new(targets.as_slice(), encoder.device())?;
                    let log_p = candle_nn::ops::log_softmax(&model.logits(&x, &mask, &additive)?, D::Minus1)?;
                    let picked = log_p.gather(&targets.unsqueeze(1)?, 1)?.squeeze(1)?;
                    let w = weights.index_select(&targets, 0)?;
                    let loss = ((picked * &w)?.sum_all()? / w.sum_all()?.to_scalar::<f32>()? as f64)?.neg()?;
                    let grads = loss.backward()?;
                    layer_optimizer.step(&grads)?;
                    head_optimizer.step(&grads)?;
                    Ok(loss.to_scalar::<f32>()? as f64)
                };
                total += step().map_err(run_error)? * chunk.len() as f64;
            }
            progress(epoch + 1, total / states.len() as f64);
        }
        Ok(model)
    }

    /// Class probabilities for each sentence's lower states.
    pub fn probabilities(&self, states: &[Tensor]) -> Result<Vec<Vec<f32>>, EncoderError> {
        rows_in_batches(states, |x, mask, additive| {
            candle_nn::ops::softmax(&self.logits(x, mask, additive)?, D::Minus1)?.to_vec2()
        })
    }

    /// The mean-pooled output of the top layers for each sentence's lower states (before the head).
    pub fn pooled(&self, states: &[Tensor]) -> Result<Vec<Vec<f32>>, EncoderError> {
        rows_in_batches(states, |x, mask, additive| {
            mean_pool(&self.top_states(x, additive)?, mask)?.to_vec2()
        })
    }

    /// Writes the tuned weights (top layers and head) as safetensors in half precision (half the
    /// size; the predictions move in the fourth decimal).
    pub fn save(&self, path: &Path) -> Result<(), EncoderError> {
        let vars = self.varmap.data().lock().expect("var map lock");
        let mut half = std::collections::HashMap::new();
        for (name, var) in vars.iter() {
            half.insert(name.clone(), var.as_tensor().to_dtype(DType::F16).map_err(run_error)?);
        }
        candle_core::safetensors::save(&half, path).map_err(run_error)
    }

    /// Reads tuned weights written by [`Classifier::save`] (the layers and classes counted from
    /// the tensors), as f32 again.
    pub fn from_bytes(encoder: &Encoder, bytes: &[u8], what: &str) -> Result<Classifier, EncoderError> {
        let problem = |problem: String| EncoderError::Tuned {
            what: what.to_string(),
            problem,
        };
        let tensors =
            candle_core::safetensors::load_buffer(bytes, encoder.device()).map_err(|e| problem(e.to_string()))?;
        let (mut top_layers, mut classes) = (0, None);
        let varmap = VarMap::new();
        {
            let mut vars = varmap.data().lock().expect("var map lock");
            for (name, tensor) in tensors {
                if let Some(rest) = name.strip_prefix("encoder.layer.") {
                    let index = rest.split('.').next().and_then(|i| i.parse::<usize>().ok());
                    let index = index.ok_or_else(|| problem(format!("tensor {name:?} names no layer")))?;
                    top_layers = top_layers.max(index + 1);
                } else if name == "head.weight" {
                    classes = Some(tensor.dim(0).map_err(run_error)?);
                }
                let tensor = tensor.to_dtype(DType::F32).map_err(run_error)?;
                vars.insert(name, Var::from_tensor(&tensor).map_err(run_error)?);
            }
        }
        let classes = classes.ok_or_else(|| problem("it has no head.weight".into()))?;
        if top_layers == 0 || top_layers > encoder.config().num_hidden_layers {
            return Err(problem(format!("it tunes {top_layers} layers")));
        }
        // A tensor of the wrong shape for this encoder fails here, naming the tensor. Tuned
        // weights read back are for reading sentences, so the layers run fused.
        Classifier::build(encoder, top_layers, classes, varmap, Ops::Fused).map_err(|e| problem(e.to_string()))
    }
}

/// A tuned classifier ready to read sentences: the encoder's fixed lower layers, loaded once, then
/// the tuned top and head.
pub struct SentenceModel {
    encoder: Encoder,
    lower: Bert,
    classifier: Classifier,
}

impl SentenceModel {
    pub fn new(encoder: Encoder, classifier: Classifier) -> Result<SentenceModel, EncoderError> {
        let lower = encoder.lower_model(classifier.top_layers)?;
        Ok(SentenceModel {
            encoder,
            lower,
            classifier,
        })
    }

    /// The class probabilities of each text. The texts run through the lower and the tuned
    /// layers together, in small batches of similar length, so that little is spent on padding
    /// and no batch holds the attention of long and short sentences at once.
    pub fn probabilities(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncoderError> {
        let mut out = vec![Vec::new(); texts.len()];
        self.encoder.in_batches(texts, &self.lower, |chunk, hidden, mask| {
            let additive = additive_mask(mask)?;
            let logits = self.classifier.logits(hidden, mask, &additive)?;
            let rows: Vec<Vec<f32>> = candle_nn::ops::softmax(&logits, D::Minus1)?.to_vec2()?;
            for (&i, row) in chunk.iter().zip(rows) {
                out[i] = row;
            }
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shuffles_are_permutations_and_reproducible() {
        let a = super::shuffled(50, 3);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_eq!(a, super::shuffled(50, 3));
        assert_ne!(a, super::shuffled(50, 4));
    }
}
