//! Message catalogs: every user-visible sentence comes from `data/messages/<lang>.ftl` (Fluent).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The messages of one report language.
pub struct Catalog {
    pub lang: String,
    bundle: FluentBundle<FluentResource>,
    /// Messages that take no arguments, formatted once: reports repeat them for every text.
    fixed: rustc_hash::FxHashMap<String, String>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("message catalog {lang}: {message}")]
pub struct CatalogError {
    pub lang: String,
    pub message: String,
}

impl Catalog {
    pub fn from_source(lang: &str, source: &str) -> Result<Catalog, CatalogError> {
        let err = |message: String| CatalogError {
            lang: lang.to_string(),
            message,
        };
        let resource = FluentResource::try_new(source.to_string())
            .map_err(|(_, errors)| err(format!("{} syntax errors, first: {:?}", errors.len(), errors.first())))?;
        let langid: LanguageIdentifier = lang.parse().map_err(|e| err(format!("bad language id: {e}")))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks around arguments would end up in terminal and JSON output.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| err(format!("duplicate messages: {errors:?}")))?;
        let mut catalog = Catalog {
            lang: lang.to_string(),
            bundle,
            fixed: Default::default(),
        };
        for id in Catalog::ids(source) {
            if let Some(text) = catalog.format_without_arguments(&id) {
                catalog.fixed.insert(id, text);
            }
        }
        Ok(catalog)
    }

    /// The catalog compiled into the binary for `lang`.
    pub fn embedded(lang: &str) -> Result<Catalog, CatalogError> {
        let source = crate::embedded::MESSAGES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| *s)
            .ok_or_else(|| CatalogError {
                lang: lang.to_string(),
                message: "no such catalog".into(),
            })?;
        Catalog::from_source(lang, source)
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats message `id` with `args`; a missing message yields its id so nothing is lost.
    pub fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        if args.is_empty() {
            if let Some(text) = self.fixed.get(id) {
                return text.clone();
            }
        }
        self.format_with_errors(id, args)
            .map_or_else(|| id.to_string(), |(text, _)| text)
    }

    /// Message `id` formatted with `args`, and Fluent's errors (a missing argument and the like);
    /// `None` for a message the catalog lacks.
    fn format_with_errors(
        &self,
        id: &str,
        args: &[(&str, String)],
    ) -> Option<(String, Vec<fluent_bundle::FluentError>)> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            // Numbers go in as numbers so that plural selection works.
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(v.as_str())),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned();
        Some((text, errors))
    }

    /// A message that formats without error when given no arguments.
    fn format_without_arguments(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, None, &mut errors).into_owned();
        errors.is_empty().then_some(text)
    }

    /// Message ids defined in a catalog source, for the parity test between languages.
    pub fn ids(source: &str) -> Vec<String> {
        source
            .lines()
            .filter_map(|l| {
                let (id, _) = l.split_once(" =")?;
                let id = id.trim_end();
                (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')).then(|| id.to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message must exist in every language, or a German report would show raw ids.
    #[test]
    fn every_catalog_has_the_same_message_ids() {
        let catalogs = crate::embedded::MESSAGES;
        assert!(catalogs.len() >= 2, "expected English and German catalogs");
        let (first_lang, first) = catalogs[0];
        let mut expected = Catalog::ids(first);
        expected.sort();
        for (lang, source) in &catalogs[1..] {
            let mut ids = Catalog::ids(source);
            ids.sort();
            let missing: Vec<_> = expected.iter().filter(|i| !ids.contains(i)).collect();
            let extra: Vec<_> = ids.iter().filter(|i| !expected.contains(i)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang} differs from {first_lang}: missing {missing:?}, extra {extra:?}"
            );
            Catalog::from_source(lang, source).unwrap();
        }
    }

    /// Arguments that carry a count, and so must choose a plural form.
    const COUNTS: &[&str] = &[
        "count",
        "claims",
        "problems",
        "invisible",
        "lookalike",
        "dropped",
        "kept",
        "cues",
        "read",
        "shown",
        "judged",
        "depth",
    ];

    /// Counts that need no plural form: a number that no noun follows ("nests elements 12 deep",
    /// "the first 64 of a tag"), or a German noun whose singular and plural are the same
    /// ("1 Steuerzeichen", "2 Steuerzeichen").
    const INVARIANT: &[(&str, &str, &str)] = &[
        ("en", "warning-html-too-deep", "depth"),
        ("de", "warning-html-too-deep", "depth"),
        ("en", "warning-html-attributes", "kept"),
        ("de", "warning-html-attributes", "kept"),
        ("en", "warning-claims-omitted", "shown"),
        ("de", "warning-claims-omitted", "shown"),
        ("de", "warning-control-characters", "count"),
        ("de", "warning-html-syntax", "problems"),
        ("de", "warning-hidden-characters", "invisible"),
        ("de", "warning-hidden-characters", "lookalike"),
        ("en", "warning-too-many-cues", "cues"),
        ("de", "warning-too-many-cues", "cues"),
    ];

    /// The source lines of message `id`.
    fn message_source(source: &str, id: &str) -> String {
        let mut lines = source.lines().skip_while(|l| !l.starts_with(&format!("{id} =")));
        let mut out = lines.next().unwrap_or("").to_string();
        for line in lines {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && line.contains(" =");
            if line.trim().is_empty() || line.starts_with('#') || starts_message {
                break;
            }
            out.push('\n');
            out.push_str(line);
        }
        out
    }

    /// "0 positive, 1 concerns": every message that shows a count is rendered with 0, 1 and 2;
    /// it must format without error, and its text for 1 must differ from its text for 2 beyond
    /// the digit (a plural form chosen by Fluent's plural rules), unless listed as invariant.
    #[test]
    fn every_message_with_a_count_reads_right_for_0_1_and_2() {
        let mut checked = 0;
        for (lang, source) in crate::embedded::MESSAGES {
            let catalog = Catalog::from_source(lang, source).unwrap();
            for id in Catalog::ids(source) {
                let text = message_source(source, &id);
                let variables: Vec<&str> = text
                    .split('$')
                    .skip(1)
                    .map(|rest| {
                        rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .next()
                            .unwrap()
                    })
                    .collect();
                for count in variables.iter().filter(|v| COUNTS.contains(v)) {
                    let render = |n: i64| {
                        let args: Vec<(&str, String)> = variables
                            .iter()
                            .map(|v| {
                                let value = if v == count {
                                    n.to_string()
                                } else if COUNTS.contains(v) {
                                    "7".to_string()
                                } else {
                                    "X".to_string()
                                };
                                (*v, value)
                            })
                            .collect();
                        let (out, errors) = catalog.format_with_errors(&id, &args).unwrap();
                        assert!(errors.is_empty(), "{lang} {id} with {count} = {n}: {errors:?}");
                        out
                    };
                    let (zero, one, two) = (render(0), render(1), render(2));
                    assert!(zero.contains('0') && two.contains('2'), "{lang} {id}: {zero} / {two}");
                    checked += 1;
                    if INVARIANT.contains(&(lang, id.as_str(), count)) {
                        continue;
                    }
                    assert_ne!(
                        one.replace('1', "#"),
                        two.replace('2', "#"),
                        "{lang} {id}: \"{one}\" and \"{two}\" differ only in the number; give ${count} plural forms"
                    );
                }
            }
        }
        assert!(checked >= 20, "only {checked} counts checked");
    }
}
