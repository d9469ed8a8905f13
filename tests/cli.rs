//! The `convert` example as a command-line program: exit codes, atomic output, `--lossy`,
//! `--pairs`, script detection, byte-exact round trips of the seed documents, and streaming:
//! inputs of several megabytes (converted on all cores) and invalid UTF-8 far into an input.
//!
//! The example is built once per test run with `cargo build --example convert` (in the
//! profile of this test binary); its path comes from cargo's JSON messages, and the tests then
//! run the binary directly.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use kazakh_script::{guess_style, to_arabic, to_cyrillic, Converter, Style};
use tempfile::TempDir;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");

/// The path of the built `convert` example, building it on first use.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let mut cargo = Command::new(env!("CARGO"));
        cargo.args([
            "build",
            "--quiet",
            "--example",
            "convert",
            "--message-format=json-render-diagnostics",
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
        ]);
        // target/<profile>/deps/cli-<hash>: build the example in the same profile.
        let exe = std::env::current_exe().expect("test binary path");
        let profile = exe
            .parent()
            .and_then(Path::parent)
            .and_then(Path::file_name);
        if profile.is_some_and(|p| p == "release") {
            cargo.arg("--release");
        }
        let output = cargo
            .stderr(Stdio::inherit())
            .output()
            .expect("run cargo build");
        assert!(
            output.status.success(),
            "cargo build --example convert failed"
        );
        let stdout = String::from_utf8(output.stdout).expect("cargo messages are UTF-8");
        stdout
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "convert")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the convert executable")
    })
}

/// Runs `convert args` in `dir` with `stdin`.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start convert");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.to_vec();
    // A thread, so that a large input cannot block against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for convert");
    writer.join().expect("stdin writer");
    output
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts exit code 0 and returns stdout.
fn success(output: Output) -> String {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    stdout(&output)
}

fn seed(name: &str) -> String {
    format!("{SEEDS}/{name}")
}

/// The names of the entries of `dir`, sorted: to see that no temporary file is left.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// 'қазақ \xff тілі\n': the invalid byte is at offset 11 (five two-byte letters and a space).
const BAD: &[u8] =
    b"\xd2\x9b\xd0\xb0\xd0\xb7\xd0\xb0\xd2\x9b \xff \xd1\x82\xd1\x96\xd0\xbb\xd1\x96\n";

#[test]
fn bad_fixture_is_what_printf_writes() {
    let mut expected = "қазақ ".as_bytes().to_vec();
    expected.push(0xff);
    expected.extend_from_slice(" тілі\n".as_bytes());
    assert_eq!(BAD, expected.as_slice());
    assert_eq!(
        std::str::from_utf8(std::hint::black_box(BAD))
            .unwrap_err()
            .valid_up_to(),
        11
    );
}

#[test]
fn in_place_to_arabic_is_byte_exact_with_newlines() {
    let dir = TempDir::new().unwrap();
    let cases: [(&str, &str); 4] = [
        ("біз\n", "ءبىز\n"),
        ("біз", "ءبىز"),
        ("біз\r\n", "ءبىز\r\n"),
        ("біз\n\nбіз\n", "ءبىز\n\nءبىز\n"),
    ];
    for (i, (input, expected)) in cases.iter().enumerate() {
        let name = format!("in{i}.txt");
        fs::write(dir.path().join(&name), input).unwrap();
        let output = run_in(dir.path(), &["--in-place", "--to", "arabic", &name], b"");
        assert_eq!(success(output), "", "--in-place writes nothing to stdout");
        assert_eq!(
            fs::read(dir.path().join(&name)).unwrap(),
            expected.as_bytes(),
            "{input:?}"
        );
    }
    assert_eq!(
        entries(dir.path()),
        ["in0.txt", "in1.txt", "in2.txt", "in3.txt"]
    );
}

#[test]
fn stdin_to_arabic_is_byte_exact() {
    assert_eq!(
        success(run(&["--to", "arabic"], "біз\n".as_bytes())),
        "ءبىز\n"
    );
    assert_eq!(
        success(run(&["--to", "tote", "-"], "біз\n".as_bytes())),
        "ءبىز\n"
    );
    // `-o -` is standard output.
    assert_eq!(
        success(run(&["-o", "-", "--to", "arabic"], "біз\n".as_bytes())),
        "ءبىز\n"
    );
}

#[test]
fn invalid_utf8_exits_1_naming_the_file_and_byte_offset() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    let output = run_in(dir.path(), &["--to", "arabic", "bad.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("bad.txt: invalid UTF-8 at byte 11"),
        "stderr: {}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());

    let output = run(&["--to", "arabic"], BAD);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("<stdin>: invalid UTF-8 at byte 11"));
}

#[test]
fn invalid_utf8_offset_is_within_its_own_file() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("good.txt"), "біз бен сіз\n").unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    let output = run_in(dir.path(), &["good.txt", "bad.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("bad.txt: invalid UTF-8 at byte 11"),
        "{message}"
    );
    assert!(!message.contains("good.txt"), "{message}");
}

#[test]
fn invalid_utf8_leaves_the_output_target_untouched() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("good.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    let before = b"previous content \xd2\x9b\n\x00\xff".as_slice();
    fs::write(dir.path().join("out.txt"), before).unwrap();
    for args in [
        &["--to", "arabic", "-o", "out.txt", "bad.txt"][..],
        &["--to", "arabic", "-o", "out.txt", "good.txt", "bad.txt"][..],
        &["--output", "out.txt", "good.txt", "bad.txt"][..],
    ] {
        let output = run_in(dir.path(), args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains("bad.txt: invalid UTF-8 at byte 11"));
        assert!(output.stdout.is_empty());
        assert_eq!(fs::read(dir.path().join("out.txt")).unwrap(), before);
        assert_eq!(entries(dir.path()), ["bad.txt", "good.txt", "out.txt"]);
    }

    // A target that did not exist is not created.
    let output = run_in(dir.path(), &["-o", "new.txt", "bad.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(entries(dir.path()), ["bad.txt", "good.txt", "out.txt"]);
}

#[test]
fn invalid_utf8_leaves_in_place_files_untouched() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("good.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    for args in [
        &["--in-place", "--to", "arabic", "bad.txt"][..],
        // Every file is converted before any is replaced: good.txt stays as it was too.
        &["--in-place", "--to", "arabic", "good.txt", "bad.txt"][..],
    ] {
        let output = run_in(dir.path(), args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains("bad.txt: invalid UTF-8 at byte 11"));
        assert_eq!(fs::read(dir.path().join("bad.txt")).unwrap(), BAD);
        assert_eq!(
            fs::read(dir.path().join("good.txt")).unwrap(),
            "біз\n".as_bytes()
        );
        assert_eq!(entries(dir.path()), ["bad.txt", "good.txt"]);
    }
}

#[test]
fn lossy_replaces_invalid_bytes_and_converts() {
    let output = run(&["--lossy", "--to", "arabic"], BAD);
    assert_eq!(success(output), "قازاق \u{FFFD} ءتىلى\n");

    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("bad.txt"), BAD).unwrap();
    let output = run_in(
        dir.path(),
        &["--lossy", "--in-place", "--to", "arabic", "bad.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("bad.txt")).unwrap(),
        "قازاق \u{FFFD} ءتىلى\n"
    );
}

/// `len` pseudo-random bytes (xorshift64*), the same on every run.
fn pseudo_random_bytes(len: usize, mut state: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        bytes.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

#[test]
fn lossy_converts_two_megabytes_of_random_bytes_in_both_directions() {
    let bytes = pseudo_random_bytes(2 * 1024 * 1024, 0x9E37_79B9_7F4A_7C15);
    let text = String::from_utf8_lossy(&bytes);
    assert!(std::str::from_utf8(&bytes).is_err());

    let arabic = success(run(&["--lossy", "--to", "arabic"], &bytes));
    assert_eq!(arabic, to_arabic(&text, Style::Kazinform));

    let cyrillic = success(run(&["--lossy", "--to", "cyrillic"], &bytes));
    assert_eq!(
        cyrillic,
        Converter::new(guess_style(&text)).to_cyrillic(&text)
    );

    // Without --lossy the same input is refused.
    assert_eq!(run(&["--to", "arabic"], &bytes).status.code(), Some(1));
}

#[test]
fn empty_input_gives_empty_output() {
    for args in [
        &[][..],
        &["--to", "arabic"][..],
        &["--to", "cyrillic"][..],
        &["--pairs", "jsonl"][..],
        &["--pairs", "tsv", "--to", "cyrillic"][..],
        &["--lossy"][..],
    ] {
        let output = run(args, b"");
        assert_eq!(success(output), "", "{args:?}");
    }

    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("out.txt"), "old").unwrap();
    let output = run_in(dir.path(), &["-o", "out.txt", "empty.txt"], b"");
    assert_eq!(success(output), "");
    assert_eq!(fs::read(dir.path().join("out.txt")).unwrap(), b"");
    let output = run_in(
        dir.path(),
        &["--in-place", "--to", "arabic", "empty.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(fs::read(dir.path().join("empty.txt")).unwrap(), b"");
    assert_eq!(entries(dir.path()), ["empty.txt", "out.txt"]);
}

#[test]
fn usage_errors_exit_2_and_touch_nothing() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("in.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("out.txt"), "old\n").unwrap();
    for args in [
        &["--bogus"][..],
        &["--to", "latin", "in.txt"][..],
        &["--style", "kazinform-2025", "in.txt"][..],
        &["--pairs", "csv", "in.txt"][..],
        &["--to"][..],
        &["--in-place", "-o", "out.txt", "in.txt"][..],
        &["--in-place"][..],
        &["--in-place", "--to", "arabic", "in.txt", "-"][..],
        &["--in-place", "--pairs", "tsv", "in.txt"][..],
        &["--list-styles", "--to", "arabic"][..],
    ] {
        let output = run_in(dir.path(), args, "біз\n".as_bytes());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr(&output).contains("error"), "{args:?}");
        assert_eq!(
            fs::read_to_string(dir.path().join("in.txt")).unwrap(),
            "біз\n"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("out.txt")).unwrap(),
            "old\n"
        );
        assert_eq!(entries(dir.path()), ["in.txt", "out.txt"]);
    }
}

#[test]
fn io_errors_exit_1_naming_the_file() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("in.txt"), "біз\n").unwrap();
    let output = run_in(dir.path(), &["in.txt", "missing.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("missing.txt:"),
        "{}",
        stderr(&output)
    );

    let output = run_in(dir.path(), &["-o", "no/such/dir/out.txt", "in.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no/such/dir/out.txt:"),
        "{}",
        stderr(&output)
    );

    let output = run_in(dir.path(), &["--in-place", "missing.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("missing.txt:"));
    assert_eq!(entries(dir.path()), ["in.txt"]);
}

#[test]
fn output_file_is_replaced_on_success() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("in.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("out.txt"), "a longer previous content\n").unwrap();
    let output = run_in(
        dir.path(),
        &["--to", "arabic", "-o", "out.txt", "in.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("out.txt")).unwrap(),
        "ءبىز\n"
    );
    // -o may name one of the inputs: it is read before being replaced.
    let output = run_in(dir.path(), &["-o", "in.txt", "in.txt"], b"");
    assert_eq!(success(output), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("in.txt")).unwrap(),
        "ءبىز\n"
    );
    assert_eq!(entries(dir.path()), ["in.txt", "out.txt"]);
}

#[cfg(unix)]
#[test]
fn in_place_keeps_permissions_and_symlinks() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("text.txt");
    fs::write(&file, "біз\n").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    symlink("text.txt", dir.path().join("link.txt")).unwrap();
    let output = run_in(
        dir.path(),
        &["--in-place", "--to", "arabic", "link.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(fs::read_to_string(&file).unwrap(), "ءبىز\n");
    assert!(fs::symlink_metadata(dir.path().join("link.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(entries(dir.path()), ["link.txt", "text.txt"]);
}

/// The lines `--pairs` reads: split at `\n`, a CR before it dropped.
fn lines(text: &str) -> Vec<&str> {
    text.split_terminator('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect()
}

#[test]
fn pairs_jsonl_converts_each_line_alone() {
    let path = seed("004-news-amanat-round-table.cyrillic.txt");
    let source = fs::read_to_string(&path).unwrap();
    let jsonl = success(run(
        &["--pairs", "jsonl", "--style", "kazinform", &path],
        b"",
    ));
    let records: Vec<&str> = jsonl.split_terminator('\n').collect();
    let source_lines = lines(&source);
    assert_eq!(records.len(), source_lines.len());
    for (record, line) in records.iter().zip(&source_lines) {
        // Key order: the source script first.
        assert!(record.starts_with("{\"cyrillic\":"), "{record}");
        let value: serde_json::Value = serde_json::from_str(record).unwrap();
        let object = value.as_object().unwrap();
        assert_eq!(object.len(), 2, "{record}");
        assert_eq!(object["cyrillic"], *line);
        let alone = success(run(
            &["--to", "arabic", "--style", "kazinform"],
            line.as_bytes(),
        ));
        assert_eq!(object["arabic"], alone.as_str(), "line {line:?}");
    }
}

#[test]
fn pairs_jsonl_for_tote_input_puts_arabic_first() {
    let path = seed("000-egemen-qazaqstan.arabic.egemen.txt");
    let source = fs::read_to_string(&path).unwrap();
    let jsonl = success(run(&["--pairs", "jsonl", "--style", "egemen", &path], b""));
    let records: Vec<&str> = jsonl.split_terminator('\n').collect();
    assert_eq!(records.len(), lines(&source).len());
    let converter = Converter::new(Style::Egemen);
    for (record, line) in records.iter().zip(lines(&source)) {
        assert!(record.starts_with("{\"arabic\":"), "{record}");
        let value: serde_json::Value = serde_json::from_str(record).unwrap();
        assert_eq!(value["arabic"], line);
        assert_eq!(value["cyrillic"], converter.to_cyrillic(line).as_ref());
    }
}

/// Undoes the TSV escapes of `--pairs tsv`.
fn unescape_tsv(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                other => panic!("unexpected escape \\{other:?} in {field:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn pairs_tsv_escapes_backslash_tab_and_cr() {
    // Latin passes through unchanged, so the escapes are easy to see.
    let output = success(run(
        &["--pairs", "tsv", "--to", "arabic"],
        b"a\\b\tc\rd\r\n",
    ));
    assert_eq!(output, "a\\\\b\\tc\\rd\ta\\\\b\\tc\\rd\n");

    let input = "біз\tсіз\\ол\r\nқазақ\rтілі\r\r\n\n\\t емес\nсоңғы жол";
    let tsv = success(run(&["--pairs", "tsv", "--to", "arabic"], input.as_bytes()));
    let records: Vec<&str> = tsv.split_terminator('\n').collect();
    let source_lines = lines(input);
    assert_eq!(
        source_lines,
        ["біз\tсіз\\ол", "қазақ\rтілі\r", "", "\\t емес", "соңғы жол"]
    );
    assert_eq!(records.len(), source_lines.len());
    for (record, line) in records.iter().zip(&source_lines) {
        assert!(!record.contains('\r'), "{record:?}");
        let fields: Vec<&str> = record.split('\t').collect();
        assert_eq!(fields.len(), 2, "{record:?}");
        assert_eq!(unescape_tsv(fields[0]), *line);
        assert_eq!(unescape_tsv(fields[1]), to_arabic(line, Style::Kazinform));
    }
    assert_eq!(records[0], "біз\\tсіз\\\\ол\tءبىز\\tءسىز\\\\ول");
}

#[test]
fn without_to_each_file_converts_to_the_other_script() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("tote.txt"),
        "ءبىز قازاق تىلىندە سويلەيمىز.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("cyrillic.txt"),
        "Біз қазақ тілінде сөйлейміз.\n",
    )
    .unwrap();
    fs::write(dir.path().join("digits.txt"), "1, 2?\n").unwrap();

    let output = run_in(dir.path(), &["tote.txt"], b"");
    assert_eq!(success(output), "Біз қазақ тілінде сөйлейміз.\n");
    let output = run_in(dir.path(), &["cyrillic.txt"], b"");
    assert_eq!(success(output), "ءبىز قازاق تىلىندە سويلەيمىز.\n");
    // Detection is per file.
    let output = run_in(dir.path(), &["tote.txt", "cyrillic.txt", "digits.txt"], b"");
    assert_eq!(
        success(output),
        "Біз қазақ тілінде сөйлейміз.\nءبىز قازاق تىلىندە سويلەيمىز.\n1, 2?\n"
    );
    // With --to the letterless file is converted too (its punctuation).
    let output = run_in(dir.path(), &["--to", "arabic", "digits.txt"], b"");
    assert_eq!(success(output), "1، 2؟\n");
    // Standard input is detected the same way.
    let output = run(&[], "ءبىز\n".as_bytes());
    assert_eq!(success(output), "Біз\n");
}

#[test]
fn without_style_reading_tote_guesses_it() {
    // A Latin comma and `ەۆ` after a vowel: Egemen, which reads `توقاەۆ` as `тоқаев` where
    // kazinform (which would have written `توقايەۆ`) reads `тоқаэв`.
    let tote = "قاسىم-جومارت توقاەۆ, ءىس-تاجىريبە\n";
    assert_eq!(guess_style(tote), Style::Egemen);
    let guessed = success(run(&["--to", "cyrillic"], tote.as_bytes()));
    assert_eq!(guessed, Converter::new(Style::Egemen).to_cyrillic(tote));
    assert!(guessed.to_lowercase().contains("тоқаев"), "{guessed}");
    let kazinform = success(run(
        &["--to", "cyrillic", "--style", "kazinform"],
        tote.as_bytes(),
    ));
    assert!(kazinform.to_lowercase().contains("тоқаэв"), "{kazinform}");
    // Without --to as well.
    assert_eq!(success(run(&[], tote.as_bytes())), guessed);
}

/// `--to cyrillic` then `--to arabic`, through files, in `style` (`None`: the first step
/// guesses it).
fn round_trip(seed_name: &str, style: &str, first_style: Option<&str>) {
    let dir = TempDir::new().unwrap();
    let path = seed(seed_name);
    let mut args = vec!["--to", "cyrillic", "-o", "cyrillic.txt", &path];
    if let Some(first_style) = first_style {
        args.extend(["--style", first_style]);
    }
    assert_eq!(success(run_in(dir.path(), &args, b"")), "");
    let back = run_in(
        dir.path(),
        &["--to", "arabic", "--style", style, "cyrillic.txt"],
        b"",
    );
    assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
    let original = fs::read(&path).unwrap();
    assert!(
        back.stdout == original,
        "{seed_name} in {style} does not round-trip ({} bytes vs {})",
        back.stdout.len(),
        original.len()
    );
}

#[test]
fn seed_000_round_trips_through_the_cli_in_egemen() {
    round_trip(
        "000-egemen-qazaqstan.arabic.egemen.txt",
        "egemen",
        Some("egemen"),
    );
    round_trip("000-egemen-qazaqstan.arabic.egemen.txt", "egemen", None);
}

#[test]
fn seed_001_round_trips_through_the_cli_in_kazinform_2023() {
    let name = "001-kazinform.arabic.kazinform-2023.txt";
    round_trip(name, "kazinform-2023", Some("kazinform-2023"));
    round_trip(name, "kazinform-2023", None);
}

#[test]
fn seed_003_round_trips_through_the_cli_in_kazinform() {
    round_trip(
        "003-kazinform.arabic.kazinform.txt",
        "kazinform",
        Some("kazinform"),
    );
}

#[test]
fn seed_003_round_trips_through_the_cli_with_a_guessed_style() {
    round_trip("003-kazinform.arabic.kazinform.txt", "kazinform", None);
}

#[test]
fn in_place_round_trip_of_a_seed_is_byte_exact() {
    let dir = TempDir::new().unwrap();
    let name = "000-egemen-qazaqstan.arabic.egemen.txt";
    let original = fs::read(seed(name)).unwrap();
    fs::write(dir.path().join(name), &original).unwrap();
    for to in ["cyrillic", "arabic"] {
        let output = run_in(
            dir.path(),
            &["--in-place", "--style", "egemen", "--to", to, name],
            b"",
        );
        assert_eq!(success(output), "");
    }
    assert!(fs::read(dir.path().join(name)).unwrap() == original);
    assert_eq!(entries(dir.path()), [name]);
}

#[test]
fn several_files_concatenate_in_order() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("a.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("b.txt"), "қазақ тілі").unwrap();
    fs::write(dir.path().join("c.txt"), "\nсіз\n").unwrap();
    let output = run_in(
        dir.path(),
        &["--to", "arabic", "a.txt", "b.txt", "c.txt"],
        b"",
    );
    assert_eq!(success(output), "ءبىز\nقازاق ءتىلى\nءسىز\n");
    let output = run_in(
        dir.path(),
        &["--to", "arabic", "c.txt", "-", "a.txt"],
        "ол ".as_bytes(),
    );
    assert_eq!(success(output), "\nءسىز\nول ءبىز\n");
    let output = run_in(
        dir.path(),
        &["--to", "arabic", "-o", "out.txt", "a.txt", "b.txt", "c.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("out.txt")).unwrap(),
        "ءبىز\nقازاق ءتىلى\nءسىز\n"
    );
    // --in-place converts each file on its own.
    let output = run_in(
        dir.path(),
        &["--in-place", "--to", "arabic", "a.txt", "c.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "ءبىز\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("c.txt")).unwrap(),
        "\nءسىز\n"
    );
}

#[test]
fn list_styles_lists_every_style() {
    let listing = success(run(&["--list-styles"], b""));
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 5, "{listing}");
    for (line, style) in lines.iter().zip(Style::ALL) {
        let (name, description) = line.split_once(' ').unwrap();
        assert_eq!(name, style.name());
        assert_eq!(description.trim_start(), style.description());
    }
    let names: Vec<&str> = Style::ALL.iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        [
            "kazinform",
            "kazinform-2023",
            "egemen",
            "xinjiang",
            "mediawiki"
        ]
    );
}

#[test]
fn help_and_version() {
    let help = success(run(&["--help"], b""));
    for needle in [
        "--to",
        "--style",
        "--in-place",
        "--lossy",
        "--pairs",
        "--list-styles",
        "guess_style",
        "Examples:",
        "backslash as \\\\, TAB as \\t, CR as \\r",
        "kazinform-2023",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}");
    }
    let version = success(run(&["--version"], b""));
    assert_eq!(version, format!("convert {}\n", env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------------------------
// Streaming: the example never holds an input whole. It decides the script and style on the
// first 64 KiB (the head) and converts inputs over 4 MiB (or of unknown size and longer than
// the head) on all cores.

/// The example's sizes, from its own source: [`limits::HEAD_BYTES`] is what it reads ahead of
/// each input.
#[allow(dead_code)]
#[path = "../examples/convert/limits.rs"]
mod limits;
use limits::HEAD_BYTES;

/// The concatenation of the seeds `names`, repeated until it has at least `len` bytes.
fn repeated_seeds(names: &[&str], len: usize) -> String {
    let base: String = names
        .iter()
        .map(|name| fs::read_to_string(seed(name)).unwrap())
        .collect();
    base.repeat(len.div_ceil(base.len()))
}

/// Cyrillic seeds 002 and 004 repeated to about 5 MB.
fn large_cyrillic() -> String {
    let text = repeated_seeds(
        &[
            "002-news-turksoy-interview.cyrillic.txt",
            "004-news-amanat-round-table.cyrillic.txt",
        ],
        5_000_000,
    );
    assert!(text.len() > 4 * 1024 * 1024);
    text
}

/// Tote seeds 000, 001 and 003 repeated to about 5 MB.
fn large_tote() -> String {
    let text = repeated_seeds(
        &[
            "000-egemen-qazaqstan.arabic.egemen.txt",
            "001-kazinform.arabic.kazinform-2023.txt",
            "003-kazinform.arabic.kazinform.txt",
        ],
        5_000_000,
    );
    assert!(text.len() > 4 * 1024 * 1024);
    text
}

/// The head the example decides on: the first 64 KiB, without a character cut at its end.
fn head(text: &str) -> &str {
    let mut end = HEAD_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Asserts that `actual` is `expected`, without printing megabytes when it is not.
fn assert_same(actual: &[u8], expected: &str, what: &str) {
    if actual != expected.as_bytes() {
        let at = actual
            .iter()
            .zip(expected.as_bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(actual.len().min(expected.len()));
        panic!(
            "{what}: {} bytes, expected {}; first difference at byte {at}",
            actual.len(),
            expected.len()
        );
    }
}

#[test]
fn multi_megabyte_inputs_convert_as_the_whole_text_does() {
    let dir = TempDir::new().unwrap();
    let cyrillic = large_cyrillic();
    let tote = large_tote();
    fs::write(dir.path().join("cyrillic.txt"), &cyrillic).unwrap();
    fs::write(dir.path().join("tote.txt"), &tote).unwrap();

    let arabic = to_arabic(&cyrillic, Style::Kazinform);
    // From a file (its size known) and from a pipe (its size unknown).
    let output = run_in(dir.path(), &["--to", "arabic", "cyrillic.txt"], b"");
    assert_same(success(output).as_bytes(), &arabic, "file --to arabic");
    let output = run(&["--to", "arabic"], cyrillic.as_bytes());
    assert_same(success(output).as_bytes(), &arabic, "stdin --to arabic");

    let back = Converter::new(Style::Kazinform2023).to_cyrillic(&tote);
    let output = run_in(
        dir.path(),
        &[
            "--to",
            "cyrillic",
            "--style",
            "kazinform-2023",
            "-o",
            "out.txt",
            "tote.txt",
        ],
        b"",
    );
    assert_eq!(success(output), "");
    assert_same(&fs::read(dir.path().join("out.txt")).unwrap(), &back, "-o");
    let output = run(
        &["--to", "cyrillic", "--style", "kazinform-2023"],
        tote.as_bytes(),
    );
    assert_same(success(output).as_bytes(), &back, "stdin --to cyrillic");

    // Without --to and --style: the script and style come from the head.
    let guessed = Converter::new(guess_style(head(&tote))).to_cyrillic(&tote);
    let output = run_in(dir.path(), &["tote.txt"], b"");
    assert_same(success(output).as_bytes(), &guessed, "detected");

    // In place, a file at a time, all of them converted before any is replaced.
    let output = run_in(
        dir.path(),
        &["--in-place", "--to", "arabic", "cyrillic.txt", "tote.txt"],
        b"",
    );
    assert_eq!(success(output), "");
    assert_same(
        &fs::read(dir.path().join("cyrillic.txt")).unwrap(),
        &arabic,
        "--in-place",
    );
    assert_same(
        &fs::read(dir.path().join("tote.txt")).unwrap(),
        &to_arabic(&tote, Style::Kazinform),
        "--in-place (tote)",
    );
    assert_eq!(entries(dir.path()), ["cyrillic.txt", "out.txt", "tote.txt"]);
}

#[test]
fn pairs_stream_a_multi_megabyte_input_line_by_line() {
    let cyrillic = large_cyrillic();
    let tsv = success(run(
        &["--pairs", "tsv", "--style", "kazinform"],
        cyrillic.as_bytes(),
    ));
    let mut expected = String::new();
    for line in lines(&cyrillic) {
        // The seeds have no tab, backslash or CR to escape.
        expected.push_str(line);
        expected.push('\t');
        expected.push_str(&to_arabic(line, Style::Kazinform));
        expected.push('\n');
    }
    assert_same(tsv.as_bytes(), &expected, "--pairs tsv");
}

/// A large valid input followed by [`BAD`]: the invalid byte is far past the head.
fn large_bad() -> (Vec<u8>, u64) {
    let mut bytes = large_cyrillic().into_bytes();
    let offset = bytes.len() as u64 + 11;
    bytes.extend_from_slice(BAD);
    (bytes, offset)
}

#[test]
fn invalid_utf8_far_into_an_input_is_reported_at_its_offset_and_touches_nothing() {
    let dir = TempDir::new().unwrap();
    let (bad, offset) = large_bad();
    fs::write(dir.path().join("big.txt"), &bad).unwrap();
    fs::write(dir.path().join("out.txt"), "old\n").unwrap();
    let message = format!("big.txt: invalid UTF-8 at byte {offset}");
    for args in [
        &["--to", "arabic", "-o", "out.txt", "big.txt"][..],
        &["-o", "out.txt", "big.txt"][..],
        &["--pairs", "jsonl", "-o", "out.txt", "big.txt"][..],
        &["--in-place", "--to", "arabic", "big.txt"][..],
        &["--in-place", "big.txt"][..],
    ] {
        let output = run_in(dir.path(), args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains(&message), "{}", stderr(&output));
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(fs::read(dir.path().join("big.txt")).unwrap() == bad);
        assert_eq!(
            fs::read_to_string(dir.path().join("out.txt")).unwrap(),
            "old\n"
        );
        assert_eq!(entries(dir.path()), ["big.txt", "out.txt"]);
    }

    // Standard input, to standard output: the offset is the same.
    for args in [&["--to", "arabic"][..], &["--pairs", "tsv"][..]] {
        let output = run(args, &bad);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains(&format!("<stdin>: invalid UTF-8 at byte {offset}")),
            "{}",
            stderr(&output)
        );
    }

    // With --lossy the byte is replaced, as converting the whole text lossily does.
    let text = String::from_utf8_lossy(&bad);
    let output = run(&["--lossy", "--to", "arabic"], &bad);
    assert_same(
        success(output).as_bytes(),
        &to_arabic(&text, Style::Kazinform),
        "--lossy",
    );
}

#[test]
fn text_without_letters_is_copied_checking_its_utf8() {
    let dir = TempDir::new().unwrap();
    // No Cyrillic or Arabic letters: copied unchanged, without --to.
    let digits = "2025, KAZINFORM; 1/2?\n".repeat(10_000);
    let output = run(&[], digits.as_bytes());
    assert_same(success(output).as_bytes(), &digits, "copied");

    let mut bad = digits.clone().into_bytes();
    bad.extend_from_slice(b"12 \xff 34\n");
    let offset = digits.len() + 3;
    fs::write(dir.path().join("bad.txt"), &bad).unwrap();
    let output = run_in(dir.path(), &["bad.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("bad.txt: invalid UTF-8 at byte {offset}")),
        "{}",
        stderr(&output)
    );
    let output = run_in(dir.path(), &["--lossy", "bad.txt"], b"");
    assert_same(
        success(output).as_bytes(),
        &String::from_utf8_lossy(&bad),
        "--lossy",
    );

    // An input is judged by its first 64 KiB: letters after them are copied as well.
    let late = format!("{digits}біз\n");
    assert!(digits.len() > HEAD_BYTES);
    assert_same(
        success(run(&[], late.as_bytes())).as_bytes(),
        &late,
        "letters after the head",
    );
    assert_eq!(
        success(run(&[], "біз\n".as_bytes())),
        to_arabic("біз\n", Style::Kazinform)
    );
    assert_eq!(
        success(run(&[], "ءبىز\n".as_bytes())),
        to_cyrillic("ءبىز\n", Style::Kazinform)
    );
}

#[cfg(unix)]
#[test]
fn in_place_does_not_replace_a_file_whose_text_would_not_change() {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new().unwrap();
    let inode = |name: &str| fs::metadata(dir.path().join(name)).unwrap().ino();
    fs::write(dir.path().join("latin.txt"), "KAZINFORM 2025\n").unwrap();
    fs::write(dir.path().join("tote.txt"), "ءبىز\n").unwrap();
    fs::write(dir.path().join("cyrillic.txt"), "біз\n").unwrap();
    fs::write(dir.path().join("bad.txt"), b"12 \xff\n").unwrap();
    let before = ["latin.txt", "tote.txt", "cyrillic.txt", "bad.txt"].map(inode);
    let output = run_in(
        dir.path(),
        &[
            "--in-place",
            "--lossy",
            "--to",
            "arabic",
            "latin.txt",
            "tote.txt",
            "cyrillic.txt",
            "bad.txt",
        ],
        b"",
    );
    assert_eq!(success(output), "");
    // Unchanged: the same files.
    assert_eq!(inode("latin.txt"), before[0]);
    assert_eq!(inode("tote.txt"), before[1]);
    // Changed: replaced by new files.
    assert_ne!(inode("cyrillic.txt"), before[2]);
    assert_ne!(inode("bad.txt"), before[3]);
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("latin.txt"), "KAZINFORM 2025\n");
    assert_eq!(read("tote.txt"), "ءبىز\n");
    assert_eq!(read("cyrillic.txt"), "ءبىز\n");
    assert_eq!(read("bad.txt"), "12 \u{FFFD}\n");
    assert_eq!(
        entries(dir.path()),
        ["bad.txt", "cyrillic.txt", "latin.txt", "tote.txt"]
    );
}
