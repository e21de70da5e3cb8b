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
        let Some(msg) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let Some(pattern) = msg.value() else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            // Numbers go in as numbers so that plural selection works.
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(v.as_str())),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
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
}
