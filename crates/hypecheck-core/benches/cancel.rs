//! How soon an analysis stops once its caller cancels it (issue 12: a server whose request timed
//! out or whose client went away must have the CPU back within 100 ms). For each hostile input
//! shape of the given size, the analysis is cancelled at 10 %, 30 %, 50 %, 70 % and 90 % of its
//! full run time; the table shows the full time and the longest wait from the cancel to the
//! analysis' return. Run: `cargo bench -p hypecheck-core --bench cancel [-- MB]` (default 16).

use std::time::{Duration, Instant};

use hypecheck_core::{Cancel, Checker, Options};

fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let repeat = |unit: &str| unit.repeat(bytes / unit.len());
    vec![
        (
            "attributes.html",
            format!(
                "<html><body><p {}>Exosomes cure arthritis.</p></body></html>",
                (0..bytes / 13)
                    .map(|i| format!("a{i}=\"x\""))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
        ("cure-lines.txt", repeat("cure\n")),
        ("cure-words.txt", repeat("cure ")),
        (
            "hype-sentences.txt",
            repeat("Our miracle exosomes cure arthritis, guaranteed and risk-free!\n"),
        ),
        (
            "nesting.html",
            format!(
                "{}Exosomes cure arthritis.{}",
                "<div>".repeat(bytes / 10),
                "</div>".repeat(bytes / 10)
            ),
        ),
        ("entities.html", format!("<p>{}</p>", repeat("&amp;&lt;&#x41;&nbsp;"))),
        ("long-token.txt", format!("{} cure.", "a".repeat(bytes))),
        (
            "table.html",
            format!("<table>{}</table>", repeat("<tr><td>cure</td><td>miracle</td></tr>")),
        ),
        (
            "zero-width.txt",
            repeat("mir\u{200d}acle cu\u{ad}re FD\u{410}-approved. "),
        ),
        (
            "mixed-languages.txt",
            repeat("Exosomes cure arthritis. Exosomen heilen Arthrose und sind sicher. "),
        ),
    ]
}

fn main() {
    let mb: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(16);
    let checker = Checker::new(hypecheck_kb::embedded()).unwrap();
    println!("{:<22} {:>10} {:>22}", "input", "full run", "longest wait on cancel");
    let mut worst = Duration::ZERO;
    for (name, text) in shapes(mb * 1024 * 1024) {
        let options = Options {
            max_bytes: text.len() + 1,
            ..Options::default()
        };
        let started = Instant::now();
        let _ = checker.check_text(&text, &options);
        let full = started.elapsed();
        let mut longest = Duration::ZERO;
        for percent in [10u32, 30, 50, 70, 90] {
            let cancel = Cancel::new();
            let options = Options {
                cancel: Some(cancel.clone()),
                ..options.clone()
            };
            let waited = std::thread::scope(|scope| {
                let run = scope.spawn(|| checker.check_text(&text, &options).map(drop));
                std::thread::sleep(full * percent / 100);
                let cancelled_at = Instant::now();
                cancel.cancel();
                let _ = run.join();
                cancelled_at.elapsed()
            });
            longest = longest.max(waited);
        }
        worst = worst.max(longest);
        println!(
            "{name:<22} {:>8.0} ms {:>19.0} ms",
            full.as_secs_f64() * 1e3,
            longest.as_secs_f64() * 1e3
        );
    }
    println!("worst wait on cancel: {:.0} ms", worst.as_secs_f64() * 1e3);
}
