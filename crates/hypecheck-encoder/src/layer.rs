//! One BERT encoder layer. For inference it runs candle's fused layer norm and softmax; for tuning
//! it runs the same computation in differentiable operations only, because the fused layer norm
//! has no backward pass and gradients would stop at the first layer norm.

use candle_core::{Module, Result, Tensor, D};
use candle_nn::{Linear, VarBuilder};

use crate::bert::Config;

/// How a layer computes its layer norms and softmax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ops {
    /// candle's fused kernels: fast, no gradients.
    Fused,
    /// Spelled out in elementary operations, which carry gradients.
    Differentiable,
}

/// Layer normalisation over the last dimension, as BERT's.
struct Norm {
    weight: Tensor,
    bias: Tensor,
    eps: f64,
    ops: Ops,
}

impl Norm {
    fn load(width: usize, eps: f64, ops: Ops, vb: VarBuilder) -> Result<Norm> {
        Ok(Norm {
            weight: vb.get(width, "weight")?,
            bias: vb.get(width, "bias")?,
            eps,
            ops,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        if self.ops == Ops::Fused {
            return candle_nn::ops::layer_norm(&x.contiguous()?, &self.weight, &self.bias, self.eps as f32);
        }
        let mean = x.mean_keepdim(D::Minus1)?;
        let centered = x.broadcast_sub(&mean)?;
        let var = centered.sqr()?.mean_keepdim(D::Minus1)?;
        let normed = centered.broadcast_div(&(var + self.eps)?.sqrt()?)?;
        normed.broadcast_mul(&self.weight)?.broadcast_add(&self.bias)
    }
}

pub struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    intermediate: Linear,
    out: Linear,
    out_norm: Norm,
    heads: usize,
    ops: Ops,
}

impl Layer {
    /// Loads layer weights under `vb` (e.g. `encoder.layer.5`).
    pub fn load(config: &Config, ops: Ops, vb: VarBuilder) -> Result<Layer> {
        let width = config.hidden_size;
        let inner = config.intermediate_size;
        let eps = config.layer_norm_eps;
        let attention = vb.pp("attention");
        let own = attention.pp("self");
        Ok(Layer {
            query: candle_nn::linear(width, width, own.pp("query"))?,
            key: candle_nn::linear(width, width, own.pp("key"))?,
            value: candle_nn::linear(width, width, own.pp("value"))?,
            attention_out: candle_nn::linear(width, width, attention.pp("output").pp("dense"))?,
            attention_norm: Norm::load(width, eps, ops, attention.pp("output").pp("LayerNorm"))?,
            intermediate: candle_nn::linear(width, inner, vb.pp("intermediate").pp("dense"))?,
            out: candle_nn::linear(inner, width, vb.pp("output").pp("dense"))?,
            out_norm: Norm::load(width, eps, ops, vb.pp("output").pp("LayerNorm"))?,
            heads: config.num_attention_heads,
            ops,
        })
    }

    /// `x`: (batch, tokens, width); `additive`: (batch, 1, 1, tokens), added to attention scores.
    pub fn forward(&self, x: &Tensor, additive: &Tensor) -> Result<Tensor> {
        let (batch, tokens, width) = x.dims3()?;
        let head_width = width / self.heads;
        let split = |t: Tensor| -> Result<Tensor> {
            t.reshape((batch, tokens, self.heads, head_width))?
                .transpose(1, 2)?
                .contiguous()
        };
        let q = split(self.query.forward(x)?)?;
        let k = split(self.key.forward(x)?)?;
        let v = split(self.value.forward(x)?)?;
        let scores = (q.matmul(&k.t()?)? / (head_width as f64).sqrt())?.broadcast_add(additive)?;
        let weights = match self.ops {
            Ops::Fused => candle_nn::ops::softmax_last_dim(&scores)?,
            Ops::Differentiable => {
                // Stable: the row maximum is subtracted.
                let scores = scores.broadcast_sub(&scores.max_keepdim(D::Minus1)?)?.exp()?;
                scores.broadcast_div(&scores.sum_keepdim(D::Minus1)?)?
            }
        };
        let context = weights.matmul(&v)?.transpose(1, 2)?.reshape((batch, tokens, width))?;
        let attended = self
            .attention_norm
            .forward(&(self.attention_out.forward(&context)? + x)?)?;
        let inner = self.intermediate.forward(&attended)?.gelu_erf()?;
        self.out_norm.forward(&(self.out.forward(&inner)? + attended)?)
    }
}
