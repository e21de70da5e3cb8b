//! The deep tier in the command line: the pretrained encoder (found where `pip` installed it) with
//! the tuned top layers and head that `hypecheck train --deep` wrote into data/models (embedded at
//! build time; `--deep-model FILE` reads another), handed to the core as its claim-strength
//! classifier.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use hypecheck_core::learn::deep::SentenceClassifier;
use hypecheck_encoder::tune::{Classifier, SentenceModel, Tuning};
use hypecheck_encoder::Encoder;

use crate::eval::ClaimData;

/// The tuned weights' file name in data/models.
pub const DEEP_FILE: &str = "claim-strength-deep.safetensors";

/// The tuned weights as trained on shared/data (top layers and head, half precision).
static EMBEDDED: &[u8] = include_bytes!("../../../data/models/claim-strength-deep.safetensors");

/// How the shipped deep model is tuned: the encoder's defaults with three passes and all six
/// layers tuned (5-fold CV over both sentence files: macro-F1 0.849 / 0.837 against 0.833 / 0.831
/// with the top four and 0.805 / 0.798 with two; README, "The deep tier").
pub fn shipped_tuning() -> Tuning {
    Tuning {
        epochs: 3,
        top_layers: 6,
        ..Tuning::default()
    }
}

/// The deep tier's claim-strength reader.
pub struct DeepClaimStrength(SentenceModel);

impl SentenceClassifier for DeepClaimStrength {
    fn probabilities(&self, sentences: &[&str]) -> Result<Vec<[f64; 4]>, String> {
        let rows = self.0.probabilities(sentences).map_err(|e| e.to_string())?;
        rows.into_iter()
            .map(|row| {
                <[f32; 4]>::try_from(row.as_slice())
                    .map(|p| p.map(f64::from))
                    .map_err(|_| format!("the deep model gave {} classes, not 4", row.len()))
            })
            .collect()
    }
}

/// The deep classifier: the encoder from `encoder_dir` (or where it is installed) with the tuned
/// weights of `tuned` (or the embedded ones).
pub fn load(encoder_dir: Option<&Path>, tuned: Option<&Path>) -> Result<Arc<dyn SentenceClassifier>> {
    let encoder = Encoder::find(encoder_dir)?;
    let (bytes, what) = match tuned {
        Some(path) => (
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?,
            path.display().to_string(),
        ),
        None => (EMBEDDED.to_vec(), format!("the embedded {DEEP_FILE}")),
    };
    let classifier = Classifier::from_bytes(&encoder, &bytes, &what)?;
    if classifier.classes != 4 {
        bail!("{what} has {} classes; claim strength has 4", classifier.classes);
    }
    Ok(Arc::new(DeepClaimStrength(SentenceModel::new(encoder, classifier)?)))
}

/// Tunes the deep classifier on the labelled sentences and writes it to `out/DEEP_FILE`.
pub fn train(claims: &ClaimData, out: &Path, encoder_dir: Option<&Path>, tuning: Tuning) -> Result<()> {
    let encoder = Encoder::find(encoder_dir)?;
    let sentences: Vec<&str> = claims.sentences.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    let states = encoder.lower_states(&sentences, tuning.top_layers)?;
    eprintln!(
        "hypecheck: encoded {} sentences through the fixed layers in {:.0?}",
        sentences.len(),
        started.elapsed()
    );
    let model = Classifier::train(&encoder, &states, &claims.labels, 4, tuning, |epoch, loss| {
        eprintln!(
            "hypecheck: epoch {epoch}/{}: training loss {loss:.3} ({:.0?})",
            tuning.epochs,
            started.elapsed()
        )
    })?;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let path = out.join(DEEP_FILE);
    model.save(&path)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    writeln!(
        std::io::stdout().lock(),
        "wrote {} ({} tuned layers and a head over {} sentences, {bytes} bytes)",
        path.display(),
        tuning.top_layers,
        sentences.len()
    )?;
    Ok(())
}
