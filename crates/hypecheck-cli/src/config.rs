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
//! text-lang = "en"               # the texts' language (auto, en, de); default: detected
//! lang = "de"                    # the reports' language (en, de); default: the text's
//! exclude = ["drafts/**", "vendor"] # never checked when walking folders (paths from this file's folder)
//! vocabulary = "styles/hypecheck" # the team's lexicon files (en/*.toml, de/*.toml), added to hypecheck's
//! hype-terms = ["best-in-class"] # more words to flag as hype
//! accepted-terms = ["Miracle Mile Clinic"] # names never read as cues
//! kb = "kb"                      # the team's knowledge-base entries, beside the embedded ones
//!
//! [severity]                     # a check's shortcomings at another severity: fail, concern or info
//! HC405 = "info"
//!
//! [[overrides]]                  # settings for some paths only (the first matching block wins)
//! files = ["press/**"]
//! ignore = ["HC502"]
//! severity = { HC401 = "fail" }
//! ```
//!
//! Globs are matched against paths relative to the configuration file's folder: `*` stays within
//! a folder, `**` crosses folders, and a pattern without `/` also matches a file or folder name
//! anywhere below. The tier, vocabulary and knowledge base come from the first file's
//! configuration when many files are checked at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use hypecheck_core::checks::{Code, Severity, REGISTRY};
use hypecheck_core::learn::deep::Tier;
use hypecheck_core::Language;
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
    /// The texts' language (`auto` detects it).
    #[serde(alias = "text-lang")]
    pub text_lang: Option<TextLangSetting>,
    /// The reports' language.
    pub lang: Option<Language>,
    /// Paths never checked when walking folders or matching globs.
    pub exclude: Option<Vec<String>>,
    /// A check's shortcomings at another severity (keys: codes, prefixes or questions).
    pub severity: Option<BTreeMap<String, SeveritySetting>>,
    /// Settings for some paths only.
    pub overrides: Option<Vec<Override>>,
    /// A folder of the team's lexicon files (`en/*.toml`, `de/*.toml`; `*.toml` alone: English).
    pub vocabulary: Option<PathBuf>,
    /// More hype terms, in both languages.
    #[serde(alias = "hype-terms")]
    pub hype_terms: Option<Vec<String>>,
    /// Names never read as cues (a product or clinic whose name holds a hype word).
    #[serde(alias = "accepted-terms")]
    pub accepted_terms: Option<Vec<String>>,
    /// A folder of the team's knowledge-base entries, validated with the embedded ones.
    pub kb: Option<PathBuf>,
    /// The file the settings came from (none: the defaults).
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

/// The settings an `[[overrides]]` block may change for the paths its `files` globs match.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub files: Vec<String>,
    pub select: Option<Vec<String>>,
    /// Added to the file's `ignore`.
    pub ignore: Option<Vec<String>>,
    /// Merged over the file's `[severity]`.
    pub severity: Option<BTreeMap<String, SeveritySetting>>,
    #[serde(alias = "fail-on")]
    pub fail_on: Option<FailOnSetting>,
    #[serde(alias = "editorial-rule")]
    pub editorial_rule: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeveritySetting {
    Fail,
    Concern,
    Info,
}

impl SeveritySetting {
    fn severity(self) -> Severity {
        match self {
            SeveritySetting::Fail => Severity::Fail,
            SeveritySetting::Concern => Severity::Concern,
            SeveritySetting::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextLangSetting {
    Auto,
    En,
    De,
}

impl TextLangSetting {
    /// The language it forces; `None` for `auto` (detected).
    pub fn language(self) -> Option<Language> {
        match self {
            TextLangSetting::Auto => None,
            TextLangSetting::En => Some(Language::En),
            TextLangSetting::De => Some(Language::De),
        }
    }
}

/// What the configuration asks for one file, after its overrides (flags not yet applied).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ForFile {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub severity: Vec<(Code, Severity)>,
    pub fail_on: Option<FailOnSetting>,
    pub editorial_rule: bool,
}

impl Config {
    /// The folder globs are relative to.
    fn base(&self) -> PathBuf {
        let dir = self
            .origin
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        std::fs::canonicalize(&dir).unwrap_or(dir)
    }

    /// Whether `path` is excluded (`exclude`).
    pub fn excludes(&self, path: &Path) -> bool {
        let Some(patterns) = &self.exclude else { return false };
        matches_any(patterns, &self.base(), path)
    }

    /// The settings for `path`: the file's, then the first `[[overrides]]` block whose `files`
    /// match it.
    pub fn for_file(&self, path: Option<&Path>) -> Result<ForFile> {
        let mut select = self.select.clone();
        let mut ignore = self.ignore.clone().unwrap_or_default();
        let mut severity = self.severity.clone().unwrap_or_default();
        let mut fail_on = self.fail_on;
        let mut editorial_rule = self.editorial_rule.unwrap_or(false);
        let base = self.base();
        if let (Some(path), Some(overrides)) = (path, &self.overrides) {
            if let Some(o) = overrides.iter().find(|o| matches_any(&o.files, &base, path)) {
                select = o.select.clone().or(select);
                ignore.extend(o.ignore.iter().flatten().cloned());
                severity.extend(o.severity.iter().flatten().map(|(k, v)| (k.clone(), *v)));
                fail_on = o.fail_on.or(fail_on);
                editorial_rule = o.editorial_rule.unwrap_or(editorial_rule);
            }
        }
        Ok(ForFile {
            select,
            ignore,
            severity: severities(&severity)?,
            fail_on,
            editorial_rule,
        })
    }
}

/// The `[severity]` table as (check, severity) pairs; a key naming no check is an error.
fn severities(table: &BTreeMap<String, SeveritySetting>) -> Result<Vec<(Code, Severity)>> {
    let mut out: Vec<(Code, Severity)> = Vec::new();
    for (key, value) in table {
        let Some(codes) = checks_named(key) else {
            return Err(NoSuchCheck {
                key: "severity".into(),
                entry: key.clone(),
            }
            .into());
        };
        for code in codes {
            out.retain(|(c, _)| *c != code);
            out.push((code, value.severity()));
        }
    }
    Ok(out)
}

/// Whether any of the globs matches `path` (relative to `base`; a pattern without `/` also
/// matches any of the path's names, so `vendor` excludes every file below a `vendor` folder).
fn matches_any(patterns: &[String], base: &Path, path: &Path) -> bool {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let Ok(relative) = absolute.strip_prefix(base) else {
        return false;
    };
    patterns.iter().any(|p| {
        let Ok(glob) = globset::GlobBuilder::new(p.trim_end_matches('/'))
            .literal_separator(true)
            .build()
        else {
            return false;
        };
        let glob = glob.compile_matcher();
        if glob.is_match(relative) {
            return true;
        }
        // Below a matched folder.
        if relative
            .ancestors()
            .skip(1)
            .any(|a| !a.as_os_str().is_empty() && glob.is_match(a))
        {
            return true;
        }
        !p.contains('/') && relative.iter().any(|name| glob.is_match(Path::new(name)))
    })
}

/// Lexicon files per language: (file name, text).
pub type LexiconFiles = Vec<(Language, Vec<(String, String)>)>;

/// The team's vocabulary as lexicon files per language: the `vocabulary` folder's, then the
/// `hype-terms` and `accepted-terms` as entries of kinds `hype` and `neutral`.
pub fn vocabulary(config: &Config) -> Result<LexiconFiles> {
    let mut out: LexiconFiles = Language::ALL.iter().map(|&l| (l, Vec::new())).collect();
    if let Some(dir) = &config.vocabulary {
        for (lang, files) in lexicon_files(dir)? {
            if let Some(slot) = out.iter_mut().find(|(l, _)| *l == lang) {
                slot.1.extend(files);
            }
        }
    }
    let entry = |kind: &str, terms: &Option<Vec<String>>| -> Option<String> {
        let terms = terms.as_ref().filter(|t| !t.is_empty())?;
        // A JSON string is a TOML basic string.
        let list: Vec<String> = terms
            .iter()
            .map(|t| serde_json::to_string(t).unwrap_or_default())
            .collect();
        Some(format!(
            "[[cue]]\nkind = \"{kind}\"\npatterns = [{}]\n",
            list.join(", ")
        ))
    };
    let origin = config
        .origin
        .as_deref()
        .map_or("configuration".to_string(), |p| p.display().to_string());
    for (key, kind, terms) in [
        ("hype-terms", "hype", &config.hype_terms),
        ("accepted-terms", "neutral", &config.accepted_terms),
    ] {
        if let Some(text) = entry(kind, terms) {
            for (_, files) in out.iter_mut() {
                files.push((format!("{origin} ({key})"), text.clone()));
            }
        }
    }
    Ok(out)
}

/// The lexicon files of a folder laid out like data/lexicons (`en/`, `de/`), or `*.toml` alone
/// taken as English.
pub fn lexicon_files(dir: &Path) -> Result<LexiconFiles> {
    let toml_files = |d: &Path| -> Result<Vec<(String, String)>> {
        let mut paths: Vec<_> = std::fs::read_dir(d)
            .with_context(|| format!("cannot read lexicon directory {}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
                Ok((p.display().to_string(), text))
            })
            .collect()
    };
    let mut out = Vec::new();
    for lang in Language::ALL {
        let sub = dir.join(lang.as_str());
        if sub.is_dir() {
            out.push((lang, toml_files(&sub)?));
        }
    }
    if out.is_empty() {
        let files = toml_files(dir)?;
        if files.is_empty() {
            anyhow::bail!("no lexicon files (*.toml) in {}", dir.display());
        }
        out.push((Language::En, files));
    }
    Ok(out)
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

/// A `select`, `ignore` or `[severity]` entry that names no check.
#[derive(Debug)]
pub struct NoSuchCheck {
    pub key: String,
    pub entry: String,
}

impl std::fmt::Display for NoSuchCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {:?} names no check (give a code such as HC401, a prefix such as HC4, or a question: \
             evidence, approval, risks, language, compliance; see `hypecheck rules`)",
            self.key, self.entry
        )
    }
}

impl std::error::Error for NoSuchCheck {}

/// The 1-based line of a configuration's text where an entry that names no check is written (as
/// a quoted string, or as a `[severity]` key).
fn line_of_entry(text: &str, entry: &str) -> Option<usize> {
    let quoted = format!("\"{entry}\"");
    text.lines()
        .position(|l| {
            l.contains(&quoted)
                || l.trim_start().starts_with(&format!("{entry} "))
                || l.trim_start().starts_with(&format!("{entry}="))
        })
        .map(|i| i + 1)
}

/// The checks to turn off: all but the selected ones (when `select` is given), and the ignored.
pub fn disabled_checks(select: Option<&[String]>, ignore: &[String]) -> Result<Vec<Code>> {
    let resolve = |entries: &[String], key: &str| -> Result<Vec<Code>> {
        let mut out = Vec::new();
        for e in entries {
            let Some(codes) = checks_named(e) else {
                return Err(NoSuchCheck {
                    key: key.to_string(),
                    entry: e.clone(),
                }
                .into());
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
    // Our own checks of the names come after parsing, without serde's positions: find the line.
    let line = parsed.as_ref().err().and_then(|e| {
        let entry = &e.chain().find_map(|c| c.downcast_ref::<NoSuchCheck>())?.entry;
        line_of_entry(&text, entry)
    });
    let mut config = parsed.with_context(|| match line {
        Some(n) => format!("invalid configuration {}, line {n}", path.display()),
        None => format!("invalid configuration {}", path.display()),
    })?;
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
    if let Some(table) = &config.severity {
        severities(table)?;
    }
    for (i, o) in config.overrides.iter().flatten().enumerate() {
        if o.files.is_empty() {
            anyhow::bail!("overrides[{i}]: files is empty (give globs such as \"press/**\")");
        }
        disabled_checks(o.select.as_deref(), o.ignore.as_deref().unwrap_or(&[]))
            .with_context(|| format!("overrides[{i}]"))?;
        severities(o.severity.as_ref().unwrap_or(&BTreeMap::new())).with_context(|| format!("overrides[{i}]"))?;
    }
    for patterns in config
        .exclude
        .iter()
        .chain(config.overrides.iter().flatten().map(|o| &o.files))
    {
        for p in patterns {
            globset::Glob::new(p).with_context(|| format!("bad glob {p:?}"))?;
        }
    }
    for p in [
        &mut config.encoder,
        &mut config.deep_model,
        &mut config.vocabulary,
        &mut config.kb,
    ]
    .into_iter()
    .flatten()
    {
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

/// Where `hypecheck config` lines up the comments of its main settings: key, " = ", value.
const SETTING_COLUMN: usize = 27;

/// The settings in force for `path` (its overrides applied), one per line, each with where it
/// came from (`hypecheck config`).
pub fn describe(config: &Config, path: Option<&Path>) -> Result<String> {
    let from = |set: bool| match (&config.origin, set) {
        (Some(path), true) => format!("from {}", path.display()),
        _ => "default".to_string(),
    };
    let settings = config.for_file(path)?;
    let overridden = path.is_some_and(|p| {
        config
            .overrides
            .iter()
            .flatten()
            .any(|o| matches_any(&o.files, &config.base(), p))
    });
    let from_file = |set: bool| {
        if overridden && set {
            format!("{} (with its [[overrides]] for this path)", from(true))
        } else {
            from(set)
        }
    };
    let list = |v: &Option<Vec<String>>| v.as_ref().map_or("[]".to_string(), |v| format!("{v:?}"));
    let mut out = match &config.origin {
        Some(path) => format!("configuration: {}\n", path.display()),
        None => "configuration: none found (defaults)\n".to_string(),
    };
    // "key = value", the comments lined up in one column.
    let mut setting = |key: &str, value: &str, source: String| {
        out += &format!(
            "{key} = {value:<width$} # {source}\n",
            width = SETTING_COLUMN.saturating_sub(key.len())
        );
    };
    setting(
        "model",
        config.model.map_or("fast", |t| t.as_str()),
        from(config.model.is_some()),
    );
    setting("select", &list(&settings.select), from_file(settings.select.is_some()));
    setting(
        "ignore",
        &format!("{:?}", settings.ignore),
        from_file(!settings.ignore.is_empty()),
    );
    let fail_on = match settings.fail_on {
        Some(FailOnSetting::Concern) => "concern",
        Some(FailOnSetting::Fail) => "fail",
        None => "never",
    };
    setting("fail-on", fail_on, from_file(settings.fail_on.is_some()));
    setting(
        "editorial-rule",
        &settings.editorial_rule.to_string(),
        from_file(settings.editorial_rule),
    );
    let text_lang = config
        .text_lang
        .and_then(TextLangSetting::language)
        .map_or("auto", Language::as_str);
    setting("text-lang", text_lang, from(config.text_lang.is_some()));
    setting(
        "lang",
        config.lang.map_or("the text's", |l| l.as_str()),
        from(config.lang.is_some()),
    );
    setting("exclude", &list(&config.exclude), from(config.exclude.is_some()));
    for (code, severity) in &settings.severity {
        out += &format!("severity.{code} = {:<10} # {}\n", severity.as_str(), from_file(true));
    }
    for (key, value) in [
        ("hype-terms", &config.hype_terms),
        ("accepted-terms", &config.accepted_terms),
    ] {
        if value.is_some() {
            out += &format!("{key} = {} # {}\n", list(value), from(true));
        }
    }
    for (key, value) in [
        ("encoder", &config.encoder),
        ("deep-model", &config.deep_model),
        ("vocabulary", &config.vocabulary),
        ("kb", &config.kb),
    ] {
        if let Some(path) = value {
            out += &format!("{key} = {} # {}\n", path.display(), from(true));
        }
    }
    if let Some(p) = path {
        if config.excludes(p) {
            out += "excluded: yes (left out when folders are walked; checked when named)\n";
        }
    }
    let off = disabled_checks(settings.select.as_deref(), &settings.ignore)?;
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
