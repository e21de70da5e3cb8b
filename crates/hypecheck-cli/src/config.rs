//! The configuration file: settings a user wants on every run, so that flags need not repeat them.
//! Looked for at `--config FILE`, else `HYPECHECK_CONFIG`, else `./hypecheck.toml`, else
//! `$XDG_CONFIG_HOME/hypecheck/config.toml` (`~/.config/hypecheck/config.toml`). Flags win over
//! the file. Paths in the file are relative to the file's directory.
//!
//! ```toml
//! model = "deep"                 # rules, fast (the default) or deep
//! encoder = "/opt/minilm/model"  # the encoder's model directory (default: the installed package)
//! deep_model = "tuned.safetensors" # tuned weights instead of the embedded ones
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use hypecheck_core::learn::deep::Tier;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub model: Option<Tier>,
    pub encoder: Option<PathBuf>,
    pub deep_model: Option<PathBuf>,
}

/// The configuration in effect: the file named, or the first one found; none found is the
/// default (a file named but missing is an error).
pub fn load(explicit: Option<&Path>) -> Result<Config> {
    let named = explicit.map(Path::to_path_buf).or_else(|| {
        std::env::var_os("HYPECHECK_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let path = match named {
        Some(path) => path,
        None => match candidates().into_iter().find(|p| p.is_file()) {
            Some(path) => path,
            None => return Ok(Config::default()),
        },
    };
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("cannot read the configuration {}", path.display()))?;
    parse(&text, path.parent().unwrap_or(Path::new(".")))
        .with_context(|| format!("invalid configuration {}", path.display()))
}

/// A configuration's text, its relative paths taken from `base` (the file's directory).
pub fn parse(text: &str, base: &Path) -> Result<Config> {
    let mut config: Config = toml::from_str(text)?;
    for p in [&mut config.encoder, &mut config.deep_model].into_iter().flatten() {
        if p.is_relative() {
            *p = base.join(&*p);
        }
    }
    Ok(config)
}

/// Where a configuration is looked for when none is named.
fn candidates() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("hypecheck.toml")];
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(dir) = config_home {
        out.push(dir.join("hypecheck").join("config.toml"));
    }
    out
}
