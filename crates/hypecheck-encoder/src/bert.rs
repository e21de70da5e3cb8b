//! BERT's encoder as all-MiniLM-L6-v2 uses it: token, position and token-type embeddings, then
//! [`Layer`]s. Written here on candle's tensors and layers rather than taken from
//! candle-transformers, whose hundreds of models cost every build 90 s of compiling for one.

use candle_core::{Module, Result, Tensor};
use candle_nn::{Embedding, LayerNorm, VarBuilder};

use crate::layer::{Layer, Ops};

/// The fields of the model's `config.json` the encoder reads (Hugging Face's `BertConfig`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Config {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub hidden_act: String,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    #[serde(default = "absolute")]
    pub position_embedding_type: String,
}

fn absolute() -> String {
    "absolute".into()
}

impl Config {
    /// Why this encoder cannot run a model of this configuration, if it cannot: it implements
    /// exact GELU and absolute positions only, as all-MiniLM-L6-v2 has them.
    pub fn unsupported(&self) -> Option<String> {
        if self.hidden_act != "gelu" {
            return Some(format!("hidden_act {:?} (only \"gelu\" is supported)", self.hidden_act));
        }
        if self.position_embedding_type != "absolute" {
            return Some(format!(
                "position_embedding_type {:?} (only \"absolute\" is supported)",
                self.position_embedding_type
            ));
        }
        if self.num_attention_heads == 0 || !self.hidden_size.is_multiple_of(self.num_attention_heads) {
            return Some(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                self.hidden_size, self.num_attention_heads
            ));
        }
        None
    }
}

/// The sum of a token's word, position and token-type embeddings, normalised.
struct Embeddings {
    words: Embedding,
    positions: Embedding,
    token_types: Embedding,
    norm: LayerNorm,
}

impl Embeddings {
    fn load(config: &Config, vb: VarBuilder) -> Result<Embeddings> {
        let width = config.hidden_size;
        Ok(Embeddings {
            words: candle_nn::embedding(config.vocab_size, width, vb.pp("word_embeddings"))?,
            positions: candle_nn::embedding(config.max_position_embeddings, width, vb.pp("position_embeddings"))?,
            token_types: candle_nn::embedding(config.type_vocab_size, width, vb.pp("token_type_embeddings"))?,
            norm: candle_nn::layer_norm(width, config.layer_norm_eps, vb.pp("LayerNorm"))?,
        })
    }

    /// `ids`: (batch, tokens); every token is of type 0 (one sentence per row).
    fn forward(&self, ids: &Tensor) -> Result<Tensor> {
        let (_, tokens) = ids.dims2()?;
        let positions = Tensor::arange(0u32, tokens as u32, ids.device())?;
        let summed = (self.words.forward(ids)? + self.token_types.forward(&ids.zeros_like()?)?)?
            .broadcast_add(&self.positions.forward(&positions)?)?;
        self.norm.forward(&summed)
    }
}

/// The embeddings and the lowest `layers` layers of the encoder, for inference.
pub struct Bert {
    embeddings: Embeddings,
    layers: Vec<Layer>,
}

impl Bert {
    /// Loads the embeddings and layers `0..layers` from the pretrained weights.
    pub fn load(config: &Config, layers: usize, vb: VarBuilder) -> Result<Bert> {
        Ok(Bert {
            embeddings: Embeddings::load(config, vb.pp("embeddings"))?,
            layers: (0..layers)
                .map(|i| Layer::load(config, Ops::Fused, vb.pp(format!("encoder.layer.{i}"))))
                .collect::<Result<_>>()?,
        })
    }

    /// The hidden states (batch, tokens, width) of token rows `ids` (batch, tokens) whose `mask`
    /// (batch, tokens) is 1 for a real token and 0 for padding.
    pub fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let additive = additive_mask(mask)?;
        let mut hidden = self.embeddings.forward(ids)?;
        for layer in &self.layers {
            hidden = layer.forward(&hidden, &additive)?;
        }
        Ok(hidden)
    }
}

/// The mask the layers add to their attention scores, (batch, 1, 1, tokens): as BERT does, padding
/// gets the lowest score, so attention ignores it.
pub fn additive_mask(mask: &Tensor) -> Result<Tensor> {
    ((mask.ones_like()? - mask)? * f64::from(f32::MIN))?
        .unsqueeze(1)?
        .unsqueeze(1)
}
