//! Cross-validated claim strength with the tuned encoder (an experiment, not the shipped path):
//! `cargo run --release -p hypecheck-encoder --example tune_claims -- DEV.csv PRESS.csv [FOLDS] [EPOCHS] [TOP]`.
//! Folds are drawn over both files together (one model for both) and scored per file.

use hypecheck_encoder::tune::{Classifier, Tuning};
use hypecheck_encoder::Encoder;

fn read(path: &str) -> Vec<(String, usize)> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].to_string(), rec[1].parse().unwrap())
        })
        .collect()
}

fn macro_f1(gold: &[usize], pred: &[usize], classes: usize) -> f64 {
    let mut sum = 0.0;
    for c in 0..classes {
        let tp = gold.iter().zip(pred).filter(|(g, p)| **g == c && **p == c).count() as f64;
        let fp = gold.iter().zip(pred).filter(|(g, p)| **g != c && **p == c).count() as f64;
        let fneg = gold.iter().zip(pred).filter(|(g, p)| **g == c && **p != c).count() as f64;
        sum += if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fneg)
        };
    }
    sum / classes as f64
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let folds: usize = args.get(3).map_or(5, |a| a.parse().unwrap());
    let epochs: usize = args.get(4).map_or(4, |a| a.parse().unwrap());
    let top: usize = args.get(5).map_or(2, |a| a.parse().unwrap());
    let mut items: Vec<(String, usize, usize)> = Vec::new();
    for (source, path) in args[1..3].iter().enumerate() {
        items.extend(read(path).into_iter().map(|(s, l)| (s, l, source)));
    }
    let encoder = Encoder::find(None).unwrap();
    let t = std::time::Instant::now();
    let texts: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
    let states = encoder.lower_states(&texts, top).unwrap();
    eprintln!("lower states of {} sentences in {:.1?}", texts.len(), t.elapsed());
    let fold_of = |i: usize| (i * 7919) % folds;
    let mut pred = vec![0usize; items.len()];
    for f in 0..folds {
        let train: Vec<usize> = (0..items.len()).filter(|&i| fold_of(i) != f).collect();
        let test: Vec<usize> = (0..items.len()).filter(|&i| fold_of(i) == f).collect();
        let s: Vec<_> = train.iter().map(|&i| states[i].clone()).collect();
        let l: Vec<usize> = train.iter().map(|&i| items[i].1).collect();
        let t = std::time::Instant::now();
        let tuning = Tuning {
            epochs,
            top_layers: top,
            ..Tuning::default()
        };
        let model = Classifier::train(&encoder, &s, &l, 4, tuning, |e, loss| {
            eprintln!("  fold {f} epoch {e}: loss {loss:.4}")
        })
        .unwrap();
        let ts: Vec<_> = test.iter().map(|&i| states[i].clone()).collect();
        for (k, p) in model.probabilities(&ts).unwrap().into_iter().enumerate() {
            pred[test[k]] = (0..4).max_by(|&a, &b| p[a].partial_cmp(&p[b]).unwrap()).unwrap();
        }
        eprintln!("fold {f} trained in {:.1?}", t.elapsed());
    }
    for source in 0..2 {
        let idx: Vec<usize> = (0..items.len()).filter(|&i| items[i].2 == source).collect();
        let g: Vec<usize> = idx.iter().map(|&i| items[i].1).collect();
        let p: Vec<usize> = idx.iter().map(|&i| pred[i]).collect();
        println!(
            "{}: macro-F1 {:.3} over {} sentences",
            args[1 + source],
            macro_f1(&g, &p, 4),
            idx.len()
        );
    }
}
