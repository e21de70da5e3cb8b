//! Terminal rendering of a report: layout only; every sentence comes from the report or the catalog.

use std::fmt::Write as _;

use hypecheck_core::checks::{Question, Severity};
use hypecheck_core::i18n::Catalog;
use hypecheck_core::report::{FindingOut, Report};
use hypecheck_core::Verdict;
use hypecheck_kb::{Entry, KnowledgeBase};

use crate::View;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn verdict(&self, v: Verdict, label: &str) -> String {
        let code = match v {
            Verdict::Pass => "1;32",
            Verdict::Concern => "1;33",
            Verdict::Fail => "1;31",
            Verdict::NotApplicable => "2",
        };
        self.paint(code, &format!("[{}]", label.to_uppercase()))
    }
    fn severity(&self, s: Severity, label: &str) -> String {
        let code = match s {
            Severity::Positive => "32",
            Severity::Info => "36",
            Severity::Concern => "33",
            Severity::Fail => "31",
        };
        self.paint(code, label)
    }
}

fn verdict_label(catalog: &Catalog, v: Verdict) -> String {
    catalog.format(&format!("verdict-{}", v.as_str().replace('_', "-")), &[])
}

/// How many findings per question the beginner view shows.
const BEGINNER_FINDINGS: usize = 3;

pub fn text(report: &Report, catalog: &Catalog, view: View, color: bool) -> String {
    let st = Style { color };
    let mut o = String::new();
    let g = &report.grade;
    match (g.letter, g.score) {
        (Some(letter), Some(score)) => {
            let _ = writeln!(
                o,
                "{} - {}: {} ({}, {}/100)",
                st.bold(&catalog.format("view-report-title", &[])),
                catalog.format("view-grade", &[]),
                st.bold(&letter.to_string()),
                g.label,
                score
            );
        }
        // Nothing to judge: no letter, which would read as praise.
        _ => {
            let _ = writeln!(
                o,
                "{} - {}",
                st.bold(&catalog.format("view-report-title", &[])),
                st.bold(&g.label)
            );
        }
    }
    let _ = writeln!(o, "{}", g.summary);
    if report.input.span_basis == "extracted_text" {
        let _ = writeln!(
            o,
            "{}",
            st.dim(&catalog.format(
                "view-span-basis-extracted",
                &[("format", report.input.format.as_str().to_string())]
            ))
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", st.bold(&catalog.format("view-key-points", &[])));
    for (_, q) in report.questions.iter() {
        let _ = writeln!(
            o,
            "  {} {}",
            st.verdict(q.verdict, &verdict_label(catalog, q.verdict)),
            q.title
        );
    }
    let _ = writeln!(o, "  - {}", report.compliance.summary);
    let _ = writeln!(o);

    for (question, q) in report.questions.iter() {
        let _ = writeln!(
            o,
            "{} {}",
            st.verdict(q.verdict, &verdict_label(catalog, q.verdict)),
            st.bold(&q.title)
        );
        let _ = writeln!(o, "  {}", q.summary);
        let mut mine: Vec<&FindingOut> = report.findings.iter().filter(|f| f.question == question).collect();
        // Problems first, then good practice; within a level, in text order.
        mine.sort_by_key(|f| std::cmp::Reverse(f.severity));
        let shown = if view == View::Expert {
            mine.len()
        } else {
            BEGINNER_FINDINGS.min(mine.len())
        };
        for f in &mine[..shown] {
            finding(&mut o, &st, f, view, catalog);
        }
        if shown < mine.len() {
            let _ = writeln!(
                o,
                "  {}",
                st.dim(&catalog.format("view-more-findings", &[("count", (mine.len() - shown).to_string())]))
            );
        }
        let _ = writeln!(o);
    }

    let compliance: Vec<&FindingOut> = report
        .findings
        .iter()
        .filter(|f| f.question == Question::Compliance)
        .collect();
    if !compliance.is_empty() {
        let _ = writeln!(o, "{}", st.bold(&catalog.format("view-compliance", &[])));
        let shown = if view == View::Expert {
            compliance.len()
        } else {
            BEGINNER_FINDINGS.min(compliance.len())
        };
        for f in &compliance[..shown] {
            finding(&mut o, &st, f, view, catalog);
        }
        if shown < compliance.len() {
            let _ = writeln!(
                o,
                "  {}",
                st.dim(&catalog.format(
                    "view-more-findings",
                    &[("count", (compliance.len() - shown).to_string())]
                ))
            );
        }
        let _ = writeln!(o);
    }

    if view == View::Expert {
        let _ = writeln!(o, "{}", st.bold(&catalog.format("view-criteria", &[])));
        for (key, c) in report.criteria.iter() {
            let at: Vec<String> = c.spans.iter().map(|s| format!("{}:{}", s.line, s.column)).collect();
            let _ = writeln!(
                o,
                "  {:<22} {:<17} {:.2} {:<5}  {}{}",
                key.as_str(),
                c.verdict.as_str(),
                c.confidence,
                c.method,
                c.reasons.join(" "),
                if at.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", at.join(", "))
                }
            );
        }
        let _ = writeln!(o);
    }

    if view == View::Expert && !report.claims.is_empty() {
        let _ = writeln!(o, "{}", st.bold(&catalog.format("view-claims", &[])));
        for c in &report.claims {
            let _ = writeln!(
                o,
                "  {}:{} {:?} {} hedged={} asserted={} [{}] \"{}\"",
                c.span.line,
                c.span.column,
                c.kinds,
                c.strength.as_str(),
                c.hedged,
                c.asserted,
                c.interventions.join(", "),
                c.excerpt
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(o, "{}", st.bold(&catalog.format("view-what-you-can-do", &[])));
    for id in [
        "view-do-approval",
        "view-do-evidence",
        "view-do-risks",
        "view-do-advice",
    ] {
        let _ = writeln!(o, "  - {}", catalog.format(id, &[]));
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", st.dim(&report.disclaimer));
    o
}

fn finding(o: &mut String, st: &Style, f: &FindingOut, view: View, catalog: &Catalog) {
    let _ = writeln!(
        o,
        "  {}:{} {} {} \"{}\"",
        f.span.line,
        f.span.column,
        st.severity(
            f.severity,
            &catalog.format(&format!("severity-{}", f.severity.as_str()), &[])
        ),
        st.dim(f.code),
        f.excerpt.replace('\n', " ")
    );
    let _ = writeln!(o, "      {}", f.message);
    if view == View::Expert {
        if !f.cues.is_empty() {
            let cues: Vec<String> = f.cues.iter().map(|c| format!("{}={:?}", c.kind, c.text)).collect();
            let _ = writeln!(o, "      {}: {}", catalog.format("view-cues", &[]), cues.join(", "));
        }
        if !f.context.is_empty() {
            let ctx: Vec<String> = f.context.iter().map(|m| m.as_str().to_string()).collect();
            let _ = writeln!(o, "      {}: {}", catalog.format("view-context", &[]), ctx.join(", "));
        }
        for s in &f.sources {
            let _ = writeln!(
                o,
                "      {} {} ({}, {} {})",
                st.dim(&catalog.format("view-source", &[])),
                s.id,
                s.verification.as_str(),
                catalog.format("view-as-of", &[]),
                s.as_of
            );
            let _ = writeln!(o, "        {}", s.statement);
            for c in &s.citations {
                let link = match &c.url {
                    Some(url) if c.url_checked => url.clone(),
                    Some(url) => format!("{url} ({})", catalog.format("view-link-built", &[])),
                    None => catalog.format("view-no-original", &[]),
                };
                let ids = identifiers(&c.identifiers);
                let _ = writeln!(o, "        {} ({}, {}){ids} - {link}", c.title, c.publisher, c.date);
                if let Some(copy) = &c.checked_in {
                    let _ = writeln!(
                        o,
                        "          {}: {copy}",
                        st.dim(&catalog.format("view-read-in-copy", &[]))
                    );
                }
            }
        }
    } else if let Some(s) = f.sources.first() {
        // Only an original is shown, with who published it; a fact known from copies alone has none.
        let url = s
            .citations
            .iter()
            .find_map(|c| c.url.as_ref().map(|u| format!("{}, {}: {u}", c.publisher, c.date)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "      {} {} ({} {}) {}",
            st.dim(&catalog.format("view-source", &[])),
            s.statement,
            catalog.format("view-as-of", &[]),
            s.as_of,
            url
        );
    }
}

/// A document's identifiers as a reader cites them (`, doi 10.1/x, PMID 123`), or nothing.
fn identifiers(ids: &hypecheck_kb::Identifiers) -> String {
    let mut parts = Vec::new();
    if let Some(doi) = &ids.doi {
        parts.push(format!("doi {doi}"));
    }
    if let Some(pmid) = &ids.pmid {
        parts.push(format!("PMID {pmid}"));
    }
    if let Some(nct) = &ids.nct {
        parts.push(nct.clone());
    }
    if let Some(letter) = &ids.letter {
        parts.push(letter.clone());
    }
    if let Some(citation) = &ids.citation {
        parts.push(citation.clone());
    }
    parts.iter().map(|p| format!(", {p}")).collect()
}

/// `hypecheck kb show`: an entry with all its facts and sources.
pub fn kb_entry(kb: &KnowledgeBase, e: &Entry) -> String {
    let mut o = String::new();
    let cite = |o: &mut String, p: &hypecheck_kb::Provenance| {
        let _ = writeln!(o, "      as of {}, {}", p.as_of, p.verification.as_str());
        for id in &p.sources {
            match kb.source(id) {
                Some(s) => {
                    let link = s.url.as_deref().unwrap_or("original not found");
                    let ids = identifiers(&s.identifiers);
                    let _ = writeln!(
                        o,
                        "      [{}] {} ({}, {}){ids} {link}",
                        s.id, s.title, s.publisher, s.date
                    );
                    if let Some(copy) = &s.checked_in {
                        let _ = writeln!(o, "        read in a copy: {copy}");
                    }
                }
                None => {
                    let _ = writeln!(o, "      [{id}]");
                }
            }
        }
    };
    let _ = writeln!(o, "{} ({:?}, {})", e.id, e.class, e.kind);
    let _ = writeln!(o, "  names (en): {}", e.names_en.join(", "));
    let _ = writeln!(o, "  names (de): {}", e.names_de.join(", "));
    if !e.parents.is_empty() {
        let _ = writeln!(o, "  parents: {}", e.parents.join(", "));
    }
    if !e.summary.en.is_empty() {
        let _ = writeln!(o, "  {}", e.summary.en);
    }
    let _ = writeln!(o, "  defined at {}:{}", e.file, e.line);
    for s in &e.status {
        let _ = writeln!(o, "  status {}: {}  {}", s.jurisdiction, s.status.as_str(), s.note.en);
        cite(&mut o, &s.provenance);
    }
    for u in &e.approved_uses {
        let _ = writeln!(
            o,
            "  approved use ({}, {}): {} - {}",
            u.jurisdiction, u.date, u.condition, u.indication.en
        );
        cite(&mut o, &u.provenance);
    }
    for p in &e.promoted_for {
        let _ = writeln!(
            o,
            "  promoted for {}: evidence {}  {}",
            p.condition,
            p.evidence.as_str(),
            p.note.en
        );
        cite(&mut o, &p.provenance);
    }
    for h in &e.harms {
        let _ = writeln!(o, "  harm {}: {}", h.id, h.description.en);
        cite(&mut o, &h.provenance);
    }
    for t in &e.trials {
        let _ = writeln!(o, "  trial {} ({}): {}", t.nct, t.phase, t.description.en);
        cite(&mut o, &t.provenance);
    }
    o
}
