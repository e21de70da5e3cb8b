//! The page in headless Chromium, driven over WebDriver (chromedriver + fantoccini): paste the origin
//! article and a clinic page, check the verdict cards against the API's report, hover and focus a
//! highlight and read its explanation, switch view and language, prove that hostile text stays text,
//! and save screenshots (desktop and phone width) under `target/browser-test/`.
//!
//! Needs `chromium` and `chromedriver` (Debian: `chromium`, `chromium-driver`; `.ci/run` installs
//! them). Without them the test fails when `CI` is set and is skipped otherwise.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{read_root, root, TestServer};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROME_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1600",
];

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROME_BIN") {
        return Some(PathBuf::from(p));
    }
    let default = PathBuf::from("/usr/bin/chromium");
    if default.is_file() {
        return Some(default);
    }
    find_in_path("chromium")
}

/// chromedriver as a child process; killed (by its own pid) when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(binary: &Path, log: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let driver = Driver { child, port };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(30), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn out_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
        .join("browser-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn page_shows_verdicts_and_explained_highlights() {
    let (driver_bin, chrome) = match (find_in_path("chromedriver"), chromium()) {
        (Some(d), Some(c)) => (d, c),
        (d, c) => {
            let missing = format!(
                "the browser test needs chromedriver on PATH ({}) and Chromium at /usr/bin/chromium or $CHROME_BIN ({}); \
                 install the Debian packages chromium and chromium-driver",
                if d.is_some() { "found" } else { "missing" },
                if c.is_some() { "found" } else { "missing" },
            );
            if std::env::var_os("CI").is_some() {
                panic!("{missing}");
            }
            // Straight to stderr: the test harness hides eprintln! of a passing test, and a skip
            // must be seen.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED page_shows_verdicts_and_explained_highlights: {missing}"
            );
            return;
        }
    };
    let server = std::sync::Arc::new(TestServer::start());
    let out = out_dir();
    let driver = Driver::start(&driver_bin, &out.join("chromedriver.log"));
    let profile = std::env::temp_dir().join(format!("hypecheck-chromium-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let result = rt.block_on(async {
        let mut args: Vec<String> = CHROME_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chrome.display().to_string(), "args": args }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("WebDriver session with headless Chromium");
        // The scenario runs as a task so that a failed assertion in it still lets us end the
        // browser session (and so Chromium) before reporting it.
        let (c, srv, dir) = (client.clone(), server.clone(), out.clone());
        let outcome = tokio::spawn(async move { scenario(&c, &srv, &dir).await.map_err(|e| e.to_string()) }).await;
        let _ = client.close().await;
        outcome
    });
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("browser scenario failed: {e}"),
        Err(join) => match join.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("browser scenario did not finish: {e}"),
        },
    }
}

type R<T> = Result<T, Box<dyn std::error::Error>>;

async fn js(c: &Client, script: &str) -> R<Value> {
    Ok(c.execute(script, vec![]).await?)
}

/// Polls a script until it returns true.
async fn wait_until(c: &Client, what: &str, script: &str) -> R<()> {
    let start = Instant::now();
    loop {
        if js(c, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(30) {
            let status = js(c, "return document.getElementById('status').textContent").await?;
            return Err(format!("timed out waiting for {what} (status: {status})").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Puts `text` into the text box as a paste would, and runs the check.
async fn paste_and_check(c: &Client, text: &str) -> R<()> {
    js(c, "document.getElementById('status').textContent = ''; return true").await?;
    let area = c.find(Locator::Id("text")).await?;
    area.clear().await?;
    c.execute(
        "const a = document.getElementById('text'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input', {bubbles: true})); return true",
        vec![json!(text)],
    )
    .await?;
    c.find(Locator::Id("check")).await?.click().await?;
    wait_until(
        c,
        "the report",
        "const s = document.getElementById('status'); return !document.getElementById('result').hidden \
         && !document.getElementById('check').disabled && s.textContent.length > 0 && !s.classList.contains('error')",
    )
    .await
}

async fn save_screenshot(c: &Client, out: &Path, name: &str) -> R<PathBuf> {
    let png = c.screenshot().await?;
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    let path = out.join(name);
    std::fs::write(&path, png)?;
    eprintln!("screenshot: {}", path.display());
    Ok(path)
}

fn report_for(server: &TestServer, text: &str, lang: &str) -> Value {
    let r = server.post_json("/api/v1/check", &json!({ "text": text, "lang": lang }));
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

/// The cards show the API's verdicts, summaries and grade.
async fn assert_cards(c: &Client, report: &Value) -> R<()> {
    let cards = c.find_all(Locator::Css("#cards .card")).await?;
    assert_eq!(cards.len(), 4, "four question cards");
    for (card, q) in cards.iter().zip(["evidence", "approval", "risks", "language"]) {
        let verdict = report["questions"][q]["verdict"].as_str().unwrap();
        let class = card.attr("class").await?.unwrap_or_default();
        assert!(class.contains(&format!("card-{verdict}")), "{q}: {class} vs {verdict}");
        let text = card.text().await?;
        let summary = report["questions"][q]["summary"].as_str().unwrap();
        assert!(text.contains(summary), "{q} card lacks its summary: {text}");
    }
    let grade = c.find(Locator::Css("#grade .letter")).await?.text().await?;
    assert_eq!(grade, report["grade"]["letter"].as_str().unwrap());
    Ok(())
}

async fn scenario(c: &Client, server: &TestServer, out: &Path) -> R<()> {
    c.goto(&server.url("/")).await?;
    wait_until(
        c,
        "the page to start",
        "return document.body.classList.contains('ready')",
    )
    .await?;
    // Start in English and the beginner view, whatever the browser's language.
    c.find(Locator::Id("lang-en")).await?.click().await?;
    c.find(Locator::Id("view-beginner")).await?.click().await?;
    assert_eq!(c.find(Locator::Id("input-heading")).await?.text().await?, "Your text");

    // 1. The origin article: a careful text.
    let article = read_root("examples/exosomes-article.txt");
    paste_and_check(c, &article).await?;
    let report = report_for(server, &article, "en");
    assert_cards(c, &report).await?;
    let marks = c.find_all(Locator::Css("#doc mark.hl")).await?;
    assert!(!marks.is_empty(), "no highlight in the article");
    // The text is shown in full (plain text: the input itself).
    let shown = js(c, "return document.getElementById('doc').textContent").await?;
    assert_eq!(shown.as_str().unwrap(), article.trim_start_matches('\u{feff}'));
    // The answer is brought into view and focused, so that reader and screen reader land on it.
    let landed = js(
        c,
        "const h = document.getElementById('result-heading'); const top = h.getBoundingClientRect().top; \
         return [document.activeElement === h, top > -5 && top < 120]",
    )
    .await?;
    assert_eq!(
        landed,
        json!([true, true]),
        "after a check the result is not focused and in view"
    );
    save_screenshot(c, out, "article-desktop.png").await?;

    // 2. A clinic page, pasted as HTML source: highlights refer to the extracted text.
    let clinic = read_root("tests/fixtures/clinic-exosome-facial.html");
    paste_and_check(c, &clinic).await?;
    let report = report_for(server, &clinic, "en");
    assert_eq!(report["questions"]["approval"]["verdict"], "fail");
    assert_cards(c, &report).await?;
    let basis = c.find(Locator::Id("span-basis")).await?.text().await?;
    assert!(basis.contains("HTML"), "{basis}");
    // Hover the "FDA-registered lab" highlight: the tooltip explains it and names the sources.
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "HC203")
        .expect("HC203 finding in the clinic page");
    let mark = c
        .find(Locator::Css(&format!(
            "#doc mark.hl[data-findings~=\"{}\"]",
            finding["id"].as_str().unwrap()
        )))
        .await?;
    assert_eq!(mark.text().await?, finding["excerpt"].as_str().unwrap());
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'}); return true",
        vec![serde_json::to_value(&mark)?],
    )
    .await?;
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: mark.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    c.perform_actions(hover).await?;
    let tip = c.find(Locator::Id("tip")).await?;
    wait_until(c, "the tooltip", "return !document.getElementById('tip').hidden").await?;
    let tip_text = tip.text().await?;
    assert!(
        tip_text.contains(finding["message"].as_str().unwrap()),
        "tooltip lacks the message: {tip_text}"
    );
    assert_eq!(mark.attr("aria-describedby").await?.as_deref(), Some("tip"));
    save_screenshot(c, out, "clinic-desktop-tooltip.png").await?;

    // Keyboard: Escape hides it, focusing a highlight (as Tab does) shows it again; Enter jumps
    // to the finding in the list.
    c.execute(
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})); return true",
        vec![],
    )
    .await?;
    c.perform_actions(MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x: 1.0,
        y: 1.0,
    }))
    .await?;
    wait_until(c, "the tooltip to hide", "return document.getElementById('tip').hidden").await?;
    let fail_mark = c.find(Locator::Css("#doc mark.hl.sev-fail")).await?;
    c.execute(
        "arguments[0].focus(); return true",
        vec![serde_json::to_value(&fail_mark)?],
    )
    .await?;
    wait_until(
        c,
        "the tooltip on focus",
        "return !document.getElementById('tip').hidden",
    )
    .await?;
    assert_eq!(
        js(c, "return document.activeElement.tagName").await?,
        json!("MARK"),
        "the highlight takes focus"
    );
    fail_mark.send_keys("\u{E007}").await?; // Enter
    wait_until(
        c,
        "focus on the finding",
        "return document.activeElement.id.startsWith('finding-')",
    )
    .await?;
    // Every source link in the findings points to http(s) and opens safely.
    for a in c.find_all(Locator::Css("#findings a")).await? {
        let href = a.attr("href").await?.unwrap_or_default();
        assert!(href.starts_with("https://") || href.starts_with("http://"), "{href}");
        assert_eq!(a.attr("rel").await?.as_deref(), Some("noopener noreferrer"));
    }

    // 3. Expert view: codes, cues and claims appear; beginner view hides them again.
    c.find(Locator::Id("view-expert")).await?.click().await?;
    let codes = c.find_all(Locator::Css("#findings .code")).await?;
    assert_eq!(codes.len(), report["findings"].as_array().unwrap().len());
    assert!(!c.find_all(Locator::Css("#claims li")).await?.is_empty());
    // The ten expert criteria, one row each (plus the header row).
    assert_eq!(c.find_all(Locator::Css("#criteria tr")).await?.len(), 11);
    // Long sections fold, so that the expert page stays short enough to scan; they open on demand.
    let height = js(c, "return document.documentElement.scrollHeight")
        .await?
        .as_f64()
        .unwrap();
    let parts = js(
        c,
        "return ['input', 'grade', 'cards', 'compliance', 'doc', 'findings', 'criteria', 'claims', 'advice'].map(id => { \
         const e = document.getElementById(id) || document.querySelector('#' + id); \
         return id + ' ' + (e ? Math.round(e.getBoundingClientRect().height) : '-'); }).join(', ')",
    )
    .await?;
    assert!(
        height < EXPERT_PAGE_MAX_PX,
        "the expert page is {height} px tall: {parts}"
    );
    js(c, "document.getElementById('criteria-fold').open = true; return true").await?;
    let shown = js(
        c,
        "return document.querySelector('#criteria td').getBoundingClientRect().height > 0",
    )
    .await?;
    assert_eq!(shown, json!(true), "an opened fold shows its rows");
    // Every verdict badge reads at WCAG AA contrast (4.5:1) against its own background.
    let contrasts = js(c, CONTRAST_OF_BADGES).await?;
    for pair in contrasts.as_array().unwrap() {
        let (class, ratio) = (pair[0].as_str().unwrap(), pair[1].as_f64().unwrap());
        assert!(ratio >= 4.5, "badge {class} has contrast {ratio:.2}:1");
    }
    assert!(contrasts.as_array().unwrap().len() >= 4, "{contrasts}");
    assert_eq!(
        c.find(Locator::Id("view-expert"))
            .await?
            .attr("aria-pressed")
            .await?
            .as_deref(),
        Some("true")
    );
    save_screenshot(c, out, "clinic-desktop-expert.png").await?;
    c.find(Locator::Id("view-beginner")).await?.click().await?;
    assert!(c.find_all(Locator::Css("#findings .code")).await?.is_empty());

    // 4. German: the page's strings switch and the report is fetched again in German.
    c.find(Locator::Id("lang-de")).await?.click().await?;
    wait_until(
        c,
        "the German page",
        "return document.documentElement.lang === 'de' && document.getElementById('input-heading').textContent === 'Ihr Text' \
         && !document.getElementById('check').disabled",
    )
    .await?;
    let report_de = report_for(server, &clinic, "de");
    assert_cards(c, &report_de).await?;
    let verdict = c.find(Locator::Css("#cards .card-fail .verdict")).await?.text().await?;
    assert!(verdict.to_lowercase().contains("durchgefallen"), "{verdict}");
    // The German expert page names claim kinds and products in German, not by English ids.
    c.find(Locator::Id("view-expert")).await?.click().await?;
    let meta = js(
        c,
        "return Array.from(document.querySelectorAll('#claims .meta')).map(e => e.textContent).join(' | ')",
    )
    .await?;
    let meta = meta.as_str().unwrap();
    assert!(meta.contains("Wirksamkeit"), "{meta}");
    assert!(!meta.contains("efficacy") && !meta.contains("safety"), "{meta}");
    c.find(Locator::Id("view-beginner")).await?.click().await?;
    save_screenshot(c, out, "clinic-desktop-de.png").await?;
    c.find(Locator::Id("lang-en")).await?.click().await?;
    wait_until(
        c,
        "the English page",
        "return document.documentElement.lang === 'en' && !document.getElementById('check').disabled",
    )
    .await?;

    // 5. Phone width: the cards stack, nothing overflows sideways.
    c.set_window_size(390, 1600).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let overflow = js(
        c,
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1",
    )
    .await?;
    assert_eq!(overflow, json!(true), "the page scrolls sideways on a phone");
    let card_rects = js(
        c,
        "return Array.from(document.querySelectorAll('#cards .card')).map(e => e.getBoundingClientRect().left)",
    )
    .await?;
    let lefts: Vec<f64> = card_rects
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        lefts.windows(2).all(|w| (w[0] - w[1]).abs() < 1.0),
        "cards not stacked: {lefts:?}"
    );
    // The expert criteria on a phone: each reason gets the screen's width, not a one-word column.
    c.find(Locator::Id("view-expert")).await?.click().await?;
    js(c, "document.getElementById('criteria-fold').open = true; return true").await?;
    let widths = js(
        c,
        "return Array.from(document.querySelectorAll('#criteria td')).map(e => e.getBoundingClientRect().width)",
    )
    .await?;
    for w in widths.as_array().unwrap() {
        assert!(
            w.as_f64().unwrap() > 250.0,
            "a criteria cell is squeezed to {w} px on a phone"
        );
    }
    save_screenshot(c, out, "clinic-phone-criteria.png").await?;
    c.find(Locator::Id("view-beginner")).await?.click().await?;
    js(c, "window.scrollTo(0, 0); return true").await?;
    save_screenshot(c, out, "clinic-phone-top.png").await?;
    js(c, "document.getElementById('result').scrollIntoView(); return true").await?;
    save_screenshot(c, out, "clinic-phone.png").await?;
    // A tap on a highlight (focus) shows its explanation within the narrow screen.
    let mark = c.find(Locator::Css("#doc mark.hl.sev-fail")).await?;
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus(); return true",
        vec![serde_json::to_value(&mark)?],
    )
    .await?;
    wait_until(
        c,
        "the tooltip on a phone",
        "return !document.getElementById('tip').hidden",
    )
    .await?;
    let fits = js(
        c,
        "const r = document.getElementById('tip').getBoundingClientRect(); \
         return r.left >= 0 && r.right <= document.documentElement.clientWidth + 1",
    )
    .await?;
    assert_eq!(fits, json!(true), "the tooltip sticks out of a phone screen");
    save_screenshot(c, out, "clinic-phone-tooltip.png").await?;
    c.set_window_size(1280, 1600).await?;

    // 6. Hostile text stays text: no element, no script run, shown verbatim.
    let hostile = "Our miracle exosome cure is FDA-approved with no side effects. \
        <script>window.__pwned = 1</script> \"><img src=x onerror=\"window.__pwned = 2\"> \
        <svg onload=\"window.__pwned = 3\"></svg> </textarea><b>bold</b>";
    c.find(Locator::Id("format")).await?.select_by_value("text").await?;
    paste_and_check(c, hostile).await?;
    let injected = js(
        c,
        "return document.querySelectorAll('#result script, #result img, #result svg, #result b, #tip img').length",
    )
    .await?;
    assert_eq!(injected, json!(0), "markup from the text became elements");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(js(c, "return window.__pwned === undefined").await?, json!(true));
    let shown = js(c, "return document.getElementById('doc').textContent").await?;
    assert_eq!(shown.as_str().unwrap(), hostile);
    let marks = c.find_all(Locator::Css("#doc mark.hl")).await?;
    assert!(!marks.is_empty());
    for m in &marks {
        let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: m.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        c.perform_actions(hover).await?;
    }
    let injected = js(
        c,
        "return document.querySelectorAll('#tip img, #tip script, #tip svg').length",
    )
    .await?;
    assert_eq!(injected, json!(0));
    assert_eq!(js(c, "return window.__pwned === undefined").await?, json!(true));
    save_screenshot(c, out, "hostile-desktop.png").await?;

    // 7. Files: chosen with the file input (Markdown) and dropped on the page (plain text).
    c.find(Locator::Id("format")).await?.select_by_value("").await?;
    let md_path = root().join("tests/fixtures/cosmetic-exosome-serum-ad.md");
    let md_path = md_path.canonicalize()?;
    c.find(Locator::Id("file"))
        .await?
        .send_keys(md_path.to_str().unwrap())
        .await?;
    wait_until(
        c,
        "the Markdown file to load",
        "return document.getElementById('status').textContent.includes('cosmetic-exosome-serum-ad.md')",
    )
    .await?;
    let md = read_root("tests/fixtures/cosmetic-exosome-serum-ad.md");
    assert_eq!(
        js(c, "return document.getElementById('format').value").await?,
        json!("markdown")
    );
    c.find(Locator::Id("check")).await?.click().await?;
    wait_until(
        c,
        "the Markdown report",
        "return document.getElementById('status').textContent.includes('grade') && !document.getElementById('check').disabled",
    )
    .await?;
    let md_report = {
        let r = server.post_json(
            "/api/v1/check",
            &json!({ "text": md, "input_format": "markdown", "lang": "en" }),
        );
        r.json()
    };
    assert_cards(c, &md_report).await?;
    assert!(!c.find_all(Locator::Css("#doc mark.hl")).await?.is_empty());
    let forum = read_root("tests/fixtures/forum-post-exosomes.txt");
    c.execute(
        "const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], 'forum.txt', {type: 'text/plain'})); \
         document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true})); return true",
        vec![json!(forum)],
    )
    .await?;
    wait_until(
        c,
        "the dropped file to load",
        "return document.getElementById('status').textContent.includes('forum.txt')",
    )
    .await?;
    assert_eq!(
        js(c, "return document.getElementById('text').value").await?,
        json!(forum.replace("\r\n", "\n"))
    );
    assert_eq!(
        js(c, "return document.getElementById('format').value").await?,
        json!("text")
    );

    // 8. API errors reach the reader as a message, not a broken page, and never under an older
    // text's result, which would read as the answer to this one.
    assert_eq!(
        js(c, "return document.getElementById('result').hidden").await?,
        json!(false)
    );
    paste_and_check_error(c, "   ").await?;
    assert_eq!(
        js(c, "return document.getElementById('result').hidden").await?,
        json!(true),
        "a stale result after an empty submit"
    );
    paste_and_check(c, &article).await?;
    let too_big = "Exosomes cure arthritis. ".repeat(90_000);
    paste_and_check_error(c, &too_big).await?;
    assert_eq!(
        js(c, "return document.getElementById('result').hidden").await?,
        json!(true),
        "a stale result after a 413"
    );
    let status = c.find(Locator::Id("status")).await?.text().await?;
    let hint = c.find(Locator::Id("text-hint")).await?.text().await?;
    // The error and the hint speak of the same unit.
    assert!(status.contains("2 MiB") && hint.contains("2 MiB"), "{status} / {hint}");
    Ok(())
}

/// Taller than this, the expert page of the clinic fixture is too long to scan (~16,000 px before
/// the findings, their sources, the criteria and the claims folded; 3,814 px after).
const EXPERT_PAGE_MAX_PX: f64 = 6000.0;

/// `[class, contrast]` of the verdict badges, by WCAG 2's relative luminance.
const CONTRAST_OF_BADGES: &str = "
    const lum = (css) => {
      const [r, g, b] = css.match(/[0-9.]+/g).slice(0, 3).map(Number).map(v => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // One badge of each verdict, styled as the page styles them, whatever this report holds.
    return ['pass', 'concern', 'fail', 'not_applicable'].map(v => {
      const e = document.createElement('span');
      e.className = 'verdict verdict-' + v;
      e.textContent = v;
      document.getElementById('cards').append(e);
      const s = getComputedStyle(e);
      const [hi, lo] = [lum(s.color), lum(s.backgroundColor)].sort((a, b) => b - a);
      e.remove();
      return [e.className, (hi + 0.05) / (lo + 0.05)];
    });";

async fn paste_and_check_error(c: &Client, text: &str) -> R<()> {
    c.execute(
        "document.getElementById('text').value = arguments[0]; return true",
        vec![json!(text)],
    )
    .await?;
    c.find(Locator::Id("check")).await?.click().await?;
    wait_until(
        c,
        "an error message",
        "return document.getElementById('status').classList.contains('error')",
    )
    .await?;
    Ok(())
}
