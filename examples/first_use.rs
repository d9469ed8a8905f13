//! Prints what the first tote -> Cyrillic conversion costs: loading the lexicon (its big
//! tables are read in place; only the small sections are parsed), then the first word the
//! lexicon does not know (the letter model's counts are embedded too, nothing is trained).
//!
//! ```text
//! cargo run --release --example first_use
//! ```

use std::time::Instant;

use kazakh_script::{Converter, Style};

fn main() {
    let converter = Converter::new(Style::Kazinform);
    let start = Instant::now();
    let known = converter.to_cyrillic("قازاق");
    let lexicon = start.elapsed();
    let start = Instant::now();
    let unseen = converter.to_cyrillic("شىرعانكەۋلىكتەرى");
    let model = start.elapsed();
    println!("first use, lexicon:         {lexicon:?} ({known})");
    println!("first unseen word, model:   {model:?} ({unseen})");
    println!("total first-use cost:       {:?}", lexicon + model);
}
