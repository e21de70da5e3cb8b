//! Prints the embedding of each line of standard input as a JSON array, one per line (for
//! experiments: `cargo run --release -p hypecheck-encoder --example embed < sentences.txt`).
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let encoder = hypecheck_encoder::Encoder::find(None)?;
    let lines: Vec<String> = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;
    let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
    for v in encoder.embed(&texts)? {
        println!("{}", serde_json::to_string(&v)?);
    }
    Ok(())
}
