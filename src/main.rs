//! The `article-lens` command: the library's `analyze()` for files and batches.
//! The only part of the project that knows about files, stdin and stdout.

use article_lens::{analyze, Analysis, Error, InputKind, Options};
use serde::Serialize;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
article-lens: analyse news articles (clean text, boilerplate, metadata, statistics)

USAGE:
    article-lens analyze [OPTIONS] FILE|-     one article (text or HTML) to JSON
    article-lens batch [OPTIONS]              JSONL on stdin to JSONL on stdout

ANALYZE OPTIONS:
    --html | --text       read the input as HTML / as plain text (default: detect)
    --date YYYY-MM-DD     reference date for relative time expressions
    --summary N           sentences in the summary (0 to 10; default: by length)
    --raw                 analyse the text exactly as given (no cleanup, nothing removed)
    --keep N[,N...]       put removed blocks N back (numbers from `removed[].block`)
    --max-bytes N         refuse inputs larger than N bytes (default 52428800, 50 MiB)
    --pretty              indent the JSON

BATCH:
    Each input line is {\"id\": ..., \"text\": \"...\"} or {\"id\": ..., \"html\": \"...\"},
    optionally with \"date\" (YYYY-MM-DD) and \"url\". Each output line is the
    analysis with the same \"id\", or {\"id\", \"error\": {\"kind\", \"message\"}}
    for a line that could not be analysed; processing goes on.
    Options: --raw, --max-bytes N.

Files are decoded by their byte order mark, else as UTF-8 when they are valid
UTF-8, else by the encoding an HTML page declares (<meta charset>); what is
still invalid becomes replacement characters, with a warning. Batch lines are
JSON, always UTF-8.
Exit status: 0 done, 1 input refused, 2 usage or I/O error.
";

/// What the command line asked for.
struct Args {
    command: String,
    file: Option<String>,
    options: Options,
    pretty: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args {
        command: String::new(),
        file: None,
        options: Options::default(),
        pretty: false,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => {
                print!("{HELP}");
                std::process::exit(0);
            }
            Short('V') | Long("version") => {
                println!("article-lens {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            Long("html") => args.options.kind = InputKind::Html,
            Long("text") => args.options.kind = InputKind::Text,
            Long("raw") => args.options.raw = true,
            Long("pretty") => args.pretty = true,
            Long("date") => {
                let v: String = parser.value()?.string()?;
                args.options.date = Some(
                    v.parse()
                        .map_err(|e: Error| lexopt::Error::from(e.message))?,
                );
            }
            Long("max-bytes") => args.options.max_input_bytes = parser.value()?.parse()?,
            Long("summary") => args.options.summary_sentences = Some(parser.value()?.parse()?),
            Long("keep") => {
                let v: String = parser.value()?.string()?;
                for n in v.split(',').filter(|s| !s.is_empty()) {
                    let n = n.trim().parse().map_err(|_| {
                        lexopt::Error::from(format!("--keep takes block numbers, not \"{n}\""))
                    })?;
                    args.options.keep.push(n);
                }
            }
            Value(v) if args.command.is_empty() => args.command = v.string()?,
            Value(v) if args.file.is_none() => args.file = Some(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(args)
}

/// Decodes a batch line as UTF-8 (JSON is UTF-8 by definition; without a byte
/// order mark); invalid sequences become U+FFFD and the caller is told.
fn decode(bytes: Vec<u8>) -> (String, bool) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

const LOSSY: &str = "The input is not valid UTF-8; invalid bytes were replaced with \u{FFFD}.";

fn lossy_notice(a: &mut Analysis) {
    a.notices
        .push(article_lens::output::Notice::new("lossy_decoding", LOSSY));
}

fn read_input(file: &str) -> io::Result<Vec<u8>> {
    if file == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(file)
    }
}

fn run_analyze(args: &Args) -> ExitCode {
    let Some(file) = &args.file else {
        eprintln!("article-lens analyze: name a FILE, or - for standard input (see --help)");
        return ExitCode::from(2);
    };
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("article-lens: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    // A file is bytes: its encoding comes from a byte order mark, the bytes
    // themselves or the page's own declaration.
    let decoded = article_lens::encoding::decode(&bytes, None);
    drop(bytes);
    if let Some(w) = &decoded.warning {
        eprintln!("article-lens: warning: {w}");
    }
    match analyze(&decoded.text, &args.options) {
        Ok(mut a) => {
            use article_lens::output::Notice;
            if let Some(w) = &decoded.warning {
                let kind = if decoded.lossy {
                    "lossy_decoding"
                } else {
                    "encoding_mismatch"
                };
                a.notices.push(Notice::new(kind, w.clone()));
            } else if decoded.encoding != "UTF-8" {
                a.notices.push(Notice::new(
                    "encoding",
                    format!(
                        "The file was read as {}, the encoding it declares.",
                        decoded.encoding
                    ),
                ));
            }
            let out = io::stdout();
            let mut w = BufWriter::new(out.lock());
            let written = if args.pretty {
                serde_json::to_writer_pretty(&mut w, &a)
            } else {
                serde_json::to_writer(&mut w, &a)
            };
            if written.is_err() || writeln!(w).is_err() || w.flush().is_err() {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("article-lens: {} ({})", e.message, e.kind.as_str());
            ExitCode::from(1)
        }
    }
}

/// One batch input line.
#[derive(serde::Deserialize)]
struct BatchLine {
    #[serde(default)]
    id: serde_json::Value,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

#[derive(Serialize)]
struct BatchOk<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct BatchErr<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: ErrorOut<'a>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    kind: &'a str,
    message: &'a str,
}

/// Analyses one batch line; `Err` is (id, kind, message).
fn batch_line(
    raw: &[u8],
    base: &Options,
) -> Result<(serde_json::Value, Analysis), (serde_json::Value, String, String)> {
    let (line, lossy) = decode(raw.to_vec());
    let parsed: BatchLine = serde_json::from_str(&line).map_err(|e| {
        (
            serde_json::Value::Null,
            "invalid_line".to_string(),
            format!("This line is not a JSON object with \"id\" and \"text\" or \"html\": {e}."),
        )
    })?;
    let id = parsed.id;
    let mut options = base.clone();
    let input = match (parsed.text, parsed.html) {
        (Some(t), None) => {
            if options.kind == InputKind::Auto {
                options.kind = InputKind::Text;
            }
            t
        }
        (None, Some(h)) => {
            options.kind = InputKind::Html;
            h
        }
        _ => {
            return Err((
                id,
                "invalid_line".into(),
                "The line needs exactly one of \"text\" and \"html\".".into(),
            ))
        }
    };
    if let Some(d) = parsed.date {
        match d.parse() {
            Ok(date) => options.date = Some(date),
            Err(e) => return Err((id, "invalid_option".into(), Error::to_string(&e))),
        }
    }
    let mut analysis = match analyze(&input, &options) {
        Ok(a) => a,
        Err(e) => return Err((id, e.kind.as_str().into(), e.message)),
    };
    if lossy {
        lossy_notice(&mut analysis);
    }
    if analysis.meta.url.is_none() {
        analysis.meta.url = parsed.url;
    }
    Ok((id, analysis))
}

fn run_batch(args: &Args) -> ExitCode {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let mut n = 0usize;
    let (mut ok, mut failed) = (0usize, 0usize);
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("article-lens batch: cannot read input: {e}");
                return ExitCode::from(2);
            }
        }
        n += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // A panic would be a bug; if one happens anyway, it costs this line,
        // not the batch.
        let result = std::panic::catch_unwind(|| batch_line(&buf, &args.options)).unwrap_or_else(|_| {
            Err((
                serde_json::Value::Null,
                "internal".into(),
                "The analysis failed unexpectedly on this line (a bug: please report it with the input).".into(),
            ))
        });
        let written = match &result {
            Ok((id, analysis)) => {
                ok += 1;
                serde_json::to_writer(&mut out, &BatchOk { id, analysis })
            }
            Err((id, kind, message)) => {
                failed += 1;
                serde_json::to_writer(
                    &mut out,
                    &BatchErr {
                        id,
                        line: n,
                        error: ErrorOut { kind, message },
                    },
                )
            }
        };
        if written.is_err() || writeln!(out).is_err() {
            eprintln!("article-lens batch: cannot write output");
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    eprintln!("article-lens batch: {ok} analysed, {failed} failed");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("article-lens: {e} (see --help)");
            return ExitCode::from(2);
        }
    };
    match args.command.as_str() {
        "analyze" | "analyse" => run_analyze(&args),
        "batch" => run_batch(&args),
        "" => {
            eprint!("{HELP}");
            ExitCode::from(2)
        }
        other => {
            eprintln!(
                "article-lens: unknown command \"{other}\" (use analyze or batch; see --help)"
            );
            ExitCode::from(2)
        }
    }
}
