//! Replays every fuzz reproducer: each file in `fuzz/regressions/<target>/` goes through the
//! property of that fuzz target, the same function the target runs (`fuzz/properties.rs`).

use std::fs;
use std::panic;
use std::path::Path;

#[path = "../fuzz/properties.rs"]
mod properties;

/// Every reproducer of every target holds its target's property; a directory without a
/// property, or without reproducers, fails too.
#[test]
fn every_fuzz_reproducer_holds_its_targets_property() {
    let regressions = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut targets: Vec<_> = fs::read_dir(&regressions)
        .unwrap_or_else(|e| panic!("{}: {e}", regressions.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    targets.sort();
    let mut replayed = 0;
    let mut failures = Vec::new();
    for dir in targets {
        let target = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(&(_, property)) = properties::BY_TARGET
            .iter()
            .find(|(name, _)| *name == target)
        else {
            panic!(
                "{}: no fuzz target of that name has a property in fuzz/properties.rs",
                dir.display()
            );
        };
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no reproducers", dir.display());
        for file in files {
            let input = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if panic::catch_unwind(|| property(&input)).is_err() {
                failures.push(format!(
                    "{target}/{}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no reproducers in {}", regressions.display());
    assert!(
        failures.is_empty(),
        "{} of {replayed} reproducers fail (messages above): {failures:#?}",
        failures.len()
    );
}
