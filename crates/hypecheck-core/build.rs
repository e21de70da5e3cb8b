//! Embeds the lexicons (`data/lexicons/<lang>/*.toml`), message catalogs (`data/messages/*.ftl`)
//! and learned models (`data/models/*.model`).
use std::{env, fs, path::Path, path::PathBuf};

fn toml_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == ext));
    files.sort();
    files
}

fn main() {
    let data = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data");
    let lexicons = data.join("lexicons");
    let messages = data.join("messages");
    println!("cargo:rerun-if-changed={}", lexicons.display());
    println!("cargo:rerun-if-changed={}", messages.display());
    let mut out = String::from("pub static LEXICONS: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<PathBuf> = fs::read_dir(&lexicons)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    langs.sort();
    for lang_dir in &langs {
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        let lang = lang_dir.file_name().unwrap().to_string_lossy().to_string();
        for f in toml_files(lang_dir, "toml") {
            println!("cargo:rerun-if-changed={}", f.display());
            let name = f.file_name().unwrap().to_string_lossy();
            out.push_str(&format!(
                "    ({lang:?}, \"data/lexicons/{lang}/{name}\", include_str!({:?})),\n",
                f.canonicalize().unwrap().display().to_string()
            ));
        }
    }
    out.push_str("];\npub static MESSAGES: &[(&str, &str)] = &[\n");
    for f in toml_files(&messages, "ftl") {
        println!("cargo:rerun-if-changed={}", f.display());
        let lang = f.file_stem().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({lang:?}, include_str!({:?})),\n",
            f.canonicalize().unwrap().display().to_string()
        ));
    }
    // Learned models are optional: without a file the rules answer alone.
    let models = data.join("models");
    println!("cargo:rerun-if-changed={}", models.display());
    out.push_str("];\npub static MODELS: &[(&str, &str)] = &[\n");
    for f in toml_files(&models, "model") {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_stem().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.canonicalize().unwrap().display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.rs"), out).unwrap();
}
