//! The configuration file: settings a team or a user wants on every run, so that flags need not
//! repeat them. Looked for at `--config FILE`, else `HYPECHECK_CONFIG`, else, walking up from the
//! checked file's directory (the working directory for other commands) as ruff and Vale do, the
//! first of `.hypecheck.toml`, `hypecheck.toml` or a `pyproject.toml` with a `[tool.hypecheck]`
//! table, else those files in the working directory, else `$XDG_CONFIG_HOME/hypecheck/config.toml` (`~/.config/hypecheck/config.toml`).
//! Flags win over the file. Paths in the file are relative to the file's directory. Unknown keys
//! and bad values are errors that name the file, the line and the key.
//!
//! ```toml
//! model = "deep"                 # rules, fast (the default) or deep
//! encoder = "/opt/minilm/model"  # the encoder's model directory (default: the installed package)
//! deep_model = "tuned.safetensors" # tuned weights instead of the embedded ones
//! select = ["evidence", "HC4"]   # only these checks: codes, code prefixes or questions
//! ignore = ["HC405"]             # never these
//! fail-on = "concern"            # exit 1 from this verdict on (concern or fail)
//! editorial-rule = true          # the publisher's rule: no dosing, usage or sourcing information
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use hypecheck_core::checks::{Code, REGISTRY};
use hypecheck_core::learn::deep::Tier;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub model: Option<Tier>,
    pub encoder: Option<PathBuf>,
    #[serde(alias = "deep-model")]
    pub deep_model: Option<PathBuf>,
    /// Only these checks run: codes (`HC401`), code prefixes (`HC4`) or questions (`language`).
    pub select: Option<Vec<String>>,
    /// These checks never run (same forms as `select`).
    pub ignore: Option<Vec<String>>,
    #[serde(alias = "fail-on")]
    pub fail_on: Option<FailOnSetting>,
    #[serde(alias = "editorial-rule")]
    pub editorial_rule: Option<bool>,
    /// The file the settings came from (none: the defaults).
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnSetting {
    Concern,
    Fail,
}

/// The checks an entry of `select` or `ignore` names: a code, a code prefix or a question.
pub fn checks_named(entry: &str) -> Option<Vec<Code>> {
    let e = entry.trim();
    let by_question: Vec<Code> = REGISTRY
        .iter()
        .filter(|c| c.question().as_str().eq_ignore_ascii_case(e))
        .map(|c| c.code())
        .collect();
    if !by_question.is_empty() {
        return Some(by_question);
    }
    let upper = e.to_ascii_uppercase();
    let by_code: Vec<Code> = REGISTRY
        .iter()
        .map(|c| c.code())
        .filter(|c| upper.len() >= 3 && c.as_str().starts_with(&upper))
        .collect();
    (!by_code.is_empty()).then_some(by_code)
}

/// The checks to turn off: all but the selected ones (when `select` is given), and the ignored.
pub fn disabled_checks(select: Option<&[String]>, ignore: &[String]) -> Result<Vec<Code>> {
    let resolve = |entries: &[String], key: &str| -> Result<Vec<Code>> {
        let mut out = Vec::new();
        for e in entries {
            let Some(codes) = checks_named(e) else {
                anyhow::bail!(
                    "{key}: {e:?} names no check (give a code such as HC401, a prefix such as HC4, or a question: \
                     evidence, approval, risks, language, compliance; see `hypecheck rules`)"
                );
            };
            out.extend(codes);
        }
        Ok(out)
    };
    let mut disabled: Vec<Code> = match select {
        Some(entries) => {
            let selected = resolve(entries, "select")?;
            REGISTRY
                .iter()
                .map(|c| c.code())
                .filter(|c| !selected.contains(c))
                .collect()
        }
        None => Vec::new(),
    };
    for c in resolve(ignore, "ignore")? {
        if !disabled.contains(&c) {
            disabled.push(c);
        }
    }
    disabled.sort();
    Ok(disabled)
}

/// The configuration in effect for a file `near` (or the working directory): the file named, or
/// the first one found; none found is the default (a file named but missing is an error).
pub fn load(explicit: Option<&Path>, near: Option<&Path>) -> Result<Config> {
    let named = explicit.map(Path::to_path_buf).or_else(|| {
        std::env::var_os("HYPECHECK_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let path = match named {
        Some(path) => path,
        None => match candidates(near).into_iter().find(|p| is_config(p)) {
            Some(path) => path,
            None => return Ok(Config::default()),
        },
    };
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("cannot read the configuration {}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let parsed = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
        tool_table(&text).and_then(|c| finish(c, base))
    } else {
        parse(&text, base)
    };
    let mut config = parsed.with_context(|| format!("invalid configuration {}", path.display()))?;
    config.origin = Some(path);
    Ok(config)
}

/// Whether a candidate holds hypecheck's settings (a pyproject.toml only with `[tool.hypecheck]`).
fn is_config(path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    if path.file_name().is_some_and(|n| n == "pyproject.toml") {
        return std::fs::read_to_string(path).is_ok_and(|t| t.contains("[tool.hypecheck]"));
    }
    true
}

/// The `[tool.hypecheck]` table of a pyproject.toml.
fn tool_table(text: &str) -> Result<Config> {
    let value: toml::Table = toml::from_str(text)?;
    let table = value
        .get("tool")
        .and_then(|t| t.get("hypecheck"))
        .cloned()
        .unwrap_or(toml::Value::Table(Default::default()));
    table.try_into().context("[tool.hypecheck]")
}

/// A configuration's text, its relative paths taken from `base` (the file's directory).
pub fn parse(text: &str, base: &Path) -> Result<Config> {
    finish(toml::from_str(text)?, base)
}

/// Checks the names in `select` and `ignore` and takes relative paths from `base`.
fn finish(mut config: Config, base: &Path) -> Result<Config> {
    if let Some(select) = &config.select {
        disabled_checks(Some(select), &[])?;
    }
    if let Some(ignore) = &config.ignore {
        disabled_checks(None, ignore)?;
    }
    for p in [&mut config.encoder, &mut config.deep_model].into_iter().flatten() {
        if p.is_relative() {
            *p = base.join(&*p);
        }
    }
    Ok(config)
}

/// Where a configuration is looked for when none is named: up from `near`'s directory (or the
/// working directory), then the user's configuration directory.
fn candidates(near: Option<&Path>) -> Vec<PathBuf> {
    let start = match near {
        Some(p) if p.is_dir() => p.to_path_buf(),
        Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
        None => PathBuf::new(),
    };
    let start = if start.as_os_str().is_empty() {
        std::env::current_dir().unwrap_or_default()
    } else {
        std::fs::canonicalize(&start).unwrap_or(start)
    };
    let mut out = Vec::new();
    for dir in start.ancestors() {
        for name in [".hypecheck.toml", "hypecheck.toml", "pyproject.toml"] {
            out.push(dir.join(name));
        }
    }
    // A file outside the working directory's tree still gets the working directory's settings.
    for name in [".hypecheck.toml", "hypecheck.toml"] {
        out.push(PathBuf::from(name));
    }
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(dir) = config_home {
        out.push(dir.join("hypecheck").join("config.toml"));
    }
    out
}

/// The settings in force, one per line, each with where it came from (`hypecheck config`).
pub fn describe(config: &Config) -> Result<String> {
    let from = |set: bool| match (&config.origin, set) {
        (Some(path), true) => format!("from {}", path.display()),
        _ => "default".to_string(),
    };
    let list = |v: &Option<Vec<String>>| v.as_ref().map_or("[]".to_string(), |v| format!("{v:?}"));
    let mut out = match &config.origin {
        Some(path) => format!("configuration: {}\n", path.display()),
        None => "configuration: none found (defaults)\n".to_string(),
    };
    let tier = config.model.map_or("fast", |t| t.as_str());
    out += &format!("model = {tier:<22} # {}\n", from(config.model.is_some()));
    out += &format!(
        "select = {:<21} # {}\n",
        list(&config.select),
        from(config.select.is_some())
    );
    out += &format!(
        "ignore = {:<21} # {}\n",
        list(&config.ignore),
        from(config.ignore.is_some())
    );
    let fail_on = match config.fail_on {
        Some(FailOnSetting::Concern) => "concern",
        Some(FailOnSetting::Fail) => "fail",
        None => "never",
    };
    out += &format!("fail-on = {fail_on:<20} # {}\n", from(config.fail_on.is_some()));
    out += &format!(
        "editorial-rule = {:<13} # {}\n",
        config.editorial_rule.unwrap_or(false),
        from(config.editorial_rule.is_some())
    );
    for (key, value) in [("encoder", &config.encoder), ("deep-model", &config.deep_model)] {
        if let Some(path) = value {
            out += &format!("{key} = {} # {}\n", path.display(), from(true));
        }
    }
    let off = disabled_checks(config.select.as_deref(), config.ignore.as_deref().unwrap_or(&[]))?;
    let off: Vec<&str> = off.iter().map(|c| c.as_str()).collect();
    out += &format!(
        "checks turned off: {}\n",
        if off.is_empty() {
            "none".to_string()
        } else {
            off.join(", ")
        }
    );
    Ok(out)
}
