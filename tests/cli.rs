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
    // Written from another thread: batch answers while it reads, so a large
    // input written before reading any output would fill both pipes and wait
    // forever. A command that fails before reading its input closes the pipe
    // early: that is not the test's concern.
    let mut pipe = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
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

/// What one generated batch line should give back.
enum Expect {
    Analysed(Value),
    Failed {
        id: Value,
        line: usize,
        kind: &'static str,
    },
}

/// A batch input of a few hundred lines, with blank lines, lines that are not
/// JSON, lines without a text and a date that does not exist among them, and
/// articles from one sentence to a few thousand words, so that with several
/// threads they finish out of order.
fn generated_batch(articles: usize) -> (String, Vec<Expect>) {
    let mut input = String::new();
    let mut expect = Vec::new();
    let mut line = 0;
    for i in 0..articles {
        line += 1;
        match i % 11 {
            3 => {
                input.push_str("{\"id\": this is not JSON\n");
                expect.push(Expect::Failed {
                    id: Value::Null,
                    line,
                    kind: "invalid_line",
                });
            }
            5 => {
                input.push_str(&format!(
                    "{{\"id\": {i}, \"url\": \"https://example.com/{i}\"}}\n"
                ));
                expect.push(Expect::Failed {
                    id: i.into(),
                    line,
                    kind: "invalid_line",
                });
            }
            7 => {
                input.push_str(&format!(
                    "{{\"id\": \"s{i}\", \"text\": \"Dated.\", \"date\": \"2021-02-30\"}}\n"
                ));
                expect.push(Expect::Failed {
                    id: format!("s{i}").into(),
                    line,
                    kind: "invalid_option",
                });
            }
            9 => {
                // Blank lines are skipped but counted.
                input.push_str("\n  \t\n");
                line += 2;
                input.push_str(&format!(
                    "{{\"id\": \"h{i}\", \"html\": \"<p>Story {i} in <b>HTML</b>.</p>\"}}\n"
                ));
                expect.push(Expect::Analysed(format!("h{i}").into()));
            }
            _ => {
                let paragraph = format!(
                    "Mayor Jane Porter{i} said on Monday that {i} families had left the valley. \
                     \\\"We will rebuild,\\\" she told reporters in Springfield, adding that \
                     about 3,000 homes were damaged. "
                );
                let text = paragraph.repeat(1 + (i * 37) % 60);
                input.push_str(&format!(
                    "{{\"id\": {i}, \"text\": \"Flood story {i}\\n\\n{text}\", \"date\": \"2024-03-05\"}}\n"
                ));
                expect.push(Expect::Analysed(i.into()));
            }
        }
    }
    (input, expect)
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn batch_with_four_jobs_writes_what_one_job_writes_in_input_order() {
    let (input, expect) = generated_batch(330);
    let one = run(&["batch", "--jobs", "1"], input.as_bytes());
    let four = run(&["batch", "--jobs", "4"], input.as_bytes());
    assert!(one.status.success() && four.status.success());
    assert!(
        one.stdout == four.stdout,
        "--jobs 4 and --jobs 1 differ ({} and {} bytes)",
        four.stdout.len(),
        one.stdout.len()
    );
    let lines = jsonl(&four.stdout);
    assert_eq!(lines.len(), expect.len());
    let mut failed = 0;
    for (got, want) in lines.iter().zip(&expect) {
        match want {
            Expect::Analysed(id) => {
                assert_eq!(&got["id"], id);
                assert!(got["error"].is_null(), "{}", got["error"]);
                assert_eq!(got["format"], 1);
            }
            Expect::Failed { id, line, kind } => {
                failed += 1;
                assert_eq!(&got["id"], id);
                assert_eq!(got["line"], *line, "{id}");
                assert_eq!(got["error"]["kind"], *kind);
            }
        }
    }
    // Long articles did go out in input order, not by size.
    assert!(lines[1]["stats"]["words"].as_u64() > lines[2]["stats"]["words"].as_u64());
    let stderr = String::from_utf8_lossy(&four.stderr);
    let summary = format!("{} analysed, {failed} failed", expect.len() - failed);
    assert!(stderr.contains(&summary), "{stderr}");
    assert!(
        stderr.contains("articles/s") && stderr.contains("MB/s"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn batch_writes_each_result_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;
    let mut child = bin()
        .args(["batch", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // Generous: a loaded machine is slow, but a batch that waits for the end
    // of its input never answers while stdin stays open.
    let wait = Duration::from_secs(60);
    let mut answers = Vec::new();
    for id in ["first", "second"] {
        let line = format!("{{\"id\": \"{id}\", \"text\": \"The {id} article. It is short.\"}}\n");
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.flush().unwrap();
        match rx.recv_timeout(wait) {
            Ok(answer) => answers.push(answer),
            Err(_) => {
                let _ = child.kill();
                panic!("no output for the {id} line within {wait:?} while stdin was open");
            }
        }
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let ids: Vec<Value> = answers
        .iter()
        .map(|a| serde_json::from_str::<Value>(a).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, ["first", "second"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 analysed, 0 failed"));
}

#[test]
fn batch_refuses_zero_jobs_and_quiet_silences_the_summary() {
    let line = br#"{"id": 1, "text": "One short article."}"#;
    let zero = run(&["batch", "--jobs", "0"], line);
    assert_eq!(zero.status.code(), Some(2));
    assert!(zero.stdout.is_empty());
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--jobs must be at least 1"));
    let quiet = run(&["batch", "--quiet"], line);
    assert!(quiet.status.success());
    assert_eq!(jsonl(&quiet.stdout)[0]["id"], 1);
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    // A shard of a larger file numbers its failures as the file does.
    let shard = run(&["batch", "--first-line", "41"], b"\nnot json\n");
    assert_eq!(jsonl(&shard.stdout)[0]["line"], 42);
    assert_eq!(
        run(&["batch", "--first-line", "0"], b"").status.code(),
        Some(2)
    );
}

#[cfg(unix)]
#[test]
fn cluster_example_merges_shards_into_the_single_process_output() {
    let (mut input, _) = generated_batch(60);
    // A last line without its newline is still a line.
    input.push_str(r#"{"id": "last", "text": "The end, unterminated."}"#);
    let dir = std::env::temp_dir().join(format!("article-lens-shards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (file, merged) = (dir.join("in.jsonl"), dir.join("out.jsonl"));
    std::fs::write(&file, &input).unwrap();
    let single = run(&["batch", "--jobs", "1"], input.as_bytes());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/cluster-example.sh");
    let out = Command::new("bash")
        .arg(script)
        .args([&file, &merged])
        .arg("4")
        .env("ARTICLE_LENS", env!("CARGO_BIN_EXE_article-lens"))
        .env("TMPDIR", &dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("4 shards"), "{stderr}");
    let merged = std::fs::read(&merged).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(jsonl(&merged).len(), jsonl(&single.stdout).len());
    assert!(
        merged == single.stdout,
        "the merged shards differ from one process's output"
    );
}
