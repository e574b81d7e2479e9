//! The `article-lens` binary: files, stdin, options, exit codes, batches.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-lens"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails before reading its input closes the pipe early:
    // that is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-like/input.txt"
);

#[test]
fn analyze_a_file_and_stdin_alike() {
    let from_file = run(&["analyze", FIXTURE], b"");
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    let a = json(&from_file);
    assert_eq!(a["format"], 1);
    assert_eq!(a["stats"]["words"], 587);
    assert_eq!(a["removed"][0]["reason"], "cookie-notice");
    let from_stdin = run(&["analyze", "-"], &std::fs::read(FIXTURE).unwrap());
    assert_eq!(json(&from_stdin), a);
}

#[test]
fn pretty_output_is_the_same_json() {
    let plain = json(&run(&["analyze", FIXTURE], b""));
    let pretty = run(&["analyze", "--pretty", FIXTURE], b"");
    assert!(String::from_utf8_lossy(&pretty.stdout).contains("\n  \"format\": 1"));
    assert_eq!(json(&pretty), plain);
}

#[test]
fn raw_keeps_the_input_exactly() {
    let input = "  Title  here\r\n\r\nBody\ttext.  Advertisement\r\n\r\nAdvertisement\r\n";
    let a = json(&run(&["analyze", "--raw", "-"], input.as_bytes()));
    assert_eq!(a["text"], input);
    assert_eq!(a["removed"].as_array().unwrap().len(), 0);
    assert_eq!(a["input"]["raw"], true);
}

#[test]
fn options_reach_the_analysis() {
    let a = json(&run(
        &["analyze", "--date", "2022-01-04", "--text", "-"],
        b"<p>Not HTML</p> here.",
    ));
    assert_eq!(a["input"]["reference_date"], "2022-01-04");
    assert_eq!(a["input"]["kind"], "text");
    assert!(a["text"].as_str().unwrap().contains("<p>"));
    let h = json(&run(
        &["analyze", "--html", "-"],
        b"Just <b>bold</b> words.",
    ));
    assert_eq!(h["text"], "Just bold words.");
    let kept = json(&run(&["analyze", "--keep", "20", FIXTURE], b""));
    assert!(kept["text"]
        .as_str()
        .unwrap()
        .ends_with("Accept Cookie settings"));
    assert_eq!(kept["removed"].as_array().unwrap().len(), 0);
}

#[test]
fn usage_errors_exit_2_and_refused_input_exits_1() {
    let bad_date = run(&["analyze", "--date", "2022-02-30", "-"], b"text");
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("does not exist"));
    assert_eq!(run(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(run(&["analyze"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "/no/such/file"], b"").status.code(),
        Some(2)
    );
    let empty = run(&["analyze", "-"], b"  \n ");
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("nothing to analyse"));
    let big = run(
        &["analyze", "--max-bytes", "10", "-"],
        b"more than ten bytes",
    );
    assert_eq!(big.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&big.stderr).contains("limit"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let out = run(&["analyze", "-"], b"Caf\xe9 owners cheered. The end.");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    let a = json(&out);
    assert_eq!(a["text"], "Caf\u{FFFD} owners cheered. The end.");
    assert!(a["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "lossy_decoding"));
}

#[test]
fn batch_keeps_ids_and_goes_on_after_bad_lines() {
    let input = concat!(
        r#"{"id": 1, "text": "First article. It is short."}"#,
        "\n",
        "this is not json\n",
        r#"{"id": "b", "html": "<p>Second <b>one</b>.</p>", "url": "https://example.com/b"}"#,
        "\n",
        "\n",
        r#"{"id": 3, "text": "   "}"#,
        "\n",
        r#"{"id": 4, "text": "x", "html": "<p>y</p>"}"#,
        "\n",
        r#"{"id": 5, "text": "Dated. Fine.", "date": "2021-13-01"}"#,
        "\n",
        r#"{"id": {"k": [1]}, "text": "Last one.", "date": "2021-12-30"}"#,
        "\n",
    );
    let out = run(&["batch"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7, "{lines:#?}");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["stats"]["sentences"], 2);
    assert_eq!(lines[1]["error"]["kind"], "invalid_line");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], "b");
    assert_eq!(lines[2]["text"], "Second one.");
    assert_eq!(lines[2]["meta"]["url"], "https://example.com/b");
    assert_eq!(lines[3]["id"], 3);
    assert_eq!(lines[3]["error"]["kind"], "empty");
    assert_eq!(lines[4]["error"]["kind"], "invalid_line");
    assert_eq!(lines[5]["error"]["kind"], "invalid_option");
    assert_eq!(lines[6]["id"]["k"][0], 1);
    assert_eq!(lines[6]["input"]["reference_date"], "2021-12-30");
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 analysed, 4 failed"));
}

#[test]
fn batch_raw_keeps_texts_exactly() {
    let out = run(
        &["batch", "--raw"],
        br#"{"id": 1, "text": "  a  b\r\nc  "}"#,
    );
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["text"], "  a  b\r\nc  ");
}

#[test]
fn files_are_decoded_by_their_declared_encoding() {
    let dir = std::env::temp_dir().join(format!("article-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Latin-1 bytes, declared in the page: é is 0xE9, “ ” are 0x93 0x94 in windows-1252.
    let page = dir.join("latin1.html");
    std::fs::write(
        &page,
        b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>The caf\xe9 owners said \x93we will reopen\x94 after the flood, and the mayor agreed, saying the town needs them back.</p></article></body></html>",
    )
    .unwrap();
    let out = run(&["analyze", page.to_str().unwrap()], b"");
    assert!(out.status.success());
    let a = json(&out);
    let text = a["text"].as_str().unwrap();
    assert!(text.contains("café owners said “we will reopen”"), "{text}");
    assert!(a["notices"].as_array().unwrap().iter().any(
        |n| n["kind"] == "encoding" && n["message"].as_str().unwrap().contains("windows-1252")
    ));
    // A page that declares Latin-1 but is UTF-8 is read as UTF-8, with a warning.
    let lying = dir.join("lying.html");
    std::fs::write(
        &lying,
        "<meta charset=iso-8859-1><p>Zürich's café owners cheered when the bridge reopened on Monday morning.</p>",
    )
    .unwrap();
    let out = run(&["analyze", lying.to_str().unwrap()], b"");
    let a = json(&out);
    assert!(a["text"].as_str().unwrap().contains("Zürich's café"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("valid UTF-8"));
    std::fs::remove_dir_all(&dir).ok();
}
