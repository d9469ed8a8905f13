//! Conversion throughput in bytes of input per second, reported in decimal units (MB/s, the
//! unit of the speed targets in `README.md`: 500 MB/s Cyrillic -> tote and 200 MB/s
//! tote -> Cyrillic, in memory on one core).
//!
//! * group `to_arabic`: the Cyrillic seeds (002, 004) and a ~1.5 MB Cyrillic text made of the
//!   corpus sample (`fixtures/corpus-sample/`, CC BY-SA 4.0) repeated five times, in the
//!   default style (kazinform);
//! * group `to_cyrillic`: the tote seeds in their own style (000 egemen, 001 kazinform-2023,
//!   003 kazinform) and the kazinform tote image of the large Cyrillic text.
//!
//! * group `large`: both directions on more than 10 MB, in memory and through the streaming
//!   API (one thread, and all cores): the Cyrillic text is `../shared/corpus/dev-cyrillic.txt`
//!   (or, where `../shared` is absent, the corpus sample) with the Cyrillic seeds, repeated to
//!   10 MB; the tote text is its kazinform image with seed 003, repeated to 10 MB. The
//!   streaming runs read from memory and write to `io::sink()`.
//!
//! ```text
//! cargo bench --bench throughput
//! cargo bench --bench throughput -- large     # only the 10 MB group
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use kazakh_script::{Converter, Script, StreamConverter, Style};

const SEED_000: &str = include_str!("../fixtures/seeds/000-egemen-qazaqstan.arabic.egemen.txt");
const SEED_001: &str = include_str!("../fixtures/seeds/001-kazinform.arabic.kazinform-2023.txt");
const SEED_002: &str = include_str!("../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt");
const SEED_003: &str = include_str!("../fixtures/seeds/003-kazinform.arabic.kazinform.txt");
const SEED_004: &str = include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt");

/// How many copies of the corpus sample (308 KB) make the large text.
const CORPUS_COPIES: usize = 5;

/// The corpus sample repeated [`CORPUS_COPIES`] times: about 1.5 MB of Cyrillic.
fn large_cyrillic() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/corpus-sample/dev-cyrillic-sample.txt");
    let sample = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    sample.repeat(CORPUS_COPIES)
}

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

fn bench_to_arabic(c: &mut Criterion) {
    let large = large_cyrillic();
    let converter = Converter::new(Style::default());
    let mut group = c.benchmark_group("to_arabic");
    configure(&mut group);
    for (name, text) in [
        ("002-cyrillic", SEED_002),
        ("004-cyrillic", SEED_004),
        ("corpus-sample-x5", large.as_str()),
    ] {
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| converter.to_arabic(black_box(text))));
    }
    group.finish();
}

fn bench_to_cyrillic(c: &mut Criterion) {
    let large = Converter::new(Style::Kazinform)
        .to_arabic(&large_cyrillic())
        .into_owned();
    let mut group = c.benchmark_group("to_cyrillic");
    configure(&mut group);
    for (name, text, style) in [
        ("000-egemen", SEED_000, Style::Egemen),
        ("001-kazinform-2023", SEED_001, Style::Kazinform2023),
        ("003-kazinform", SEED_003, Style::Kazinform),
        (
            "corpus-sample-x5-kazinform",
            large.as_str(),
            Style::Kazinform,
        ),
    ] {
        let converter = Converter::new(style);
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| converter.to_cyrillic(black_box(text))));
    }
    group.finish();
}

/// Size the `large` texts are repeated to.
const LARGE_BYTES: usize = 10 * 1024 * 1024;

/// `text` repeated until it is at least [`LARGE_BYTES`] long.
fn repeat_to_large(text: &str) -> String {
    text.repeat(LARGE_BYTES.div_ceil(text.len()))
}

/// The shared development corpus, or the corpus sample where `../shared` is absent.
fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("../shared/corpus/dev-cyrillic.txt"))
        .unwrap_or_else(|_| large_cyrillic())
}

fn bench_large(c: &mut Criterion) {
    let cyrillic = repeat_to_large(&[corpus().as_str(), SEED_002, SEED_004].concat());
    let kazinform = Converter::new(Style::Kazinform);
    let tote_base = [
        kazinform.to_arabic(&[corpus().as_str(), SEED_002, SEED_004].concat()),
        SEED_003.into(),
    ]
    .concat();
    let tote = repeat_to_large(&tote_base);
    let mut group = c.benchmark_group("large");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for (direction, text, target) in [
        ("to_arabic", cyrillic.as_str(), Script::Arabic),
        ("to_cyrillic", tote.as_str(), Script::Cyrillic),
    ] {
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function(format!("{direction}/in_memory"), |b| {
            b.iter(|| kazinform.convert(black_box(text), target).len())
        });
        let stream = StreamConverter::new(kazinform);
        group.bench_function(format!("{direction}/stream"), |b| {
            b.iter(|| {
                stream
                    .convert_stream(black_box(text.as_bytes()), std::io::sink(), target)
                    .expect("valid input")
            })
        });
        let parallel = stream.chunk_size(1 << 20);
        group.bench_function(format!("{direction}/stream_all_cores"), |b| {
            b.iter(|| {
                parallel
                    .convert_parallel(black_box(text.as_bytes()), std::io::sink(), target, 0)
                    .expect("valid input")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_to_arabic, bench_to_cyrillic, bench_large);
criterion_main!(benches);
