//! The `article-lens` command: the library's `analyze()` for files and batches.
//! The only part of the project that knows about files, stdin and stdout.

use article_lens::{analyze, Analysis, Error, InputKind, Options};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Bytes of input lines in flight (read, not yet written) per job. An
/// analysis holds several times its input while it runs and its JSON is
/// larger than the input, so this keeps a batch's memory to tens of
/// megabytes per job whatever the articles' sizes.
const WINDOW_BYTES_PER_JOB: usize = 4 << 20;

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
    for a line that could not be analysed; processing goes on. Lines are
    analysed in parallel and written in input order as they are done, so
    output starts before the input ends and memory does not grow with it.
    Options: --raw, --max-bytes N, and
    --jobs N              articles analysed at once (default: the cores available)
    --first-line N        number of the first input line, for the \"line\" of
                          failures when the input is one shard of a file (default 1)
    --quiet               no progress bar or summary on standard error

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
    /// Threads for `batch`; `None` is the parallelism available to the process.
    jobs: Option<usize>,
    first_line: usize,
    quiet: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args {
        command: String::new(),
        file: None,
        options: Options::default(),
        pretty: false,
        jobs: None,
        first_line: 1,
        quiet: false,
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
            Short('q') | Long("quiet") => args.quiet = true,
            Short('j') | Long("jobs") => match parser.value()?.parse()? {
                0 => {
                    return Err(
                        "--jobs must be at least 1 (1 analyses one article at a time)".into(),
                    )
                }
                n => args.jobs = Some(n),
            },
            Long("first-line") => match parser.value()?.parse()? {
                0 => return Err("--first-line counts from 1".into()),
                n => args.first_line = n,
            },
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

/// One batch line's output, serialised with its newline, and whether it is an
/// analysis (not a failure). Serialising here, on the worker, keeps the writer's
/// thread free for writing.
fn render(raw: &[u8], line: usize, options: &Options) -> (bool, Vec<u8>) {
    let failure = |id: &serde_json::Value, kind: &str, message: &str| {
        let error = ErrorOut { kind, message };
        // A JSON value and two strings: this always serialises.
        let mut out = serde_json::to_vec(&BatchErr { id, line, error }).unwrap_or_default();
        out.push(b'\n');
        out
    };
    // A panic would be a bug; if one happens anyway, in the analysis or in
    // writing it out, it costs this line, not the batch (and the writer,
    // waiting for this line, still gets one).
    std::panic::catch_unwind(|| match batch_line(raw, options) {
        Ok((id, analysis)) => match serde_json::to_vec(&BatchOk {
            id: &id,
            analysis: &analysis,
        }) {
            Ok(mut out) => {
                out.push(b'\n');
                (true, out)
            }
            // Not expected (every field serialises), but a line is owed.
            Err(e) => (false, failure(&id, "internal", &e.to_string())),
        },
        Err((id, kind, message)) => (false, failure(&id, &kind, &message)),
    })
    .unwrap_or_else(|_| {
        (
            false,
            failure(&serde_json::Value::Null, "internal", PANICKED),
        )
    })
}

const PANICKED: &str =
    "The analysis failed unexpectedly on this line (a bug: please report it with the input).";

/// Lines read but not yet written, counted and in bytes. The reader waits while
/// either is at its limit, so memory is bounded by the window, not the input:
/// the reorder buffer holds at most the window's results, whatever is slow.
struct Window {
    max_lines: usize,
    max_bytes: usize,
    open: Mutex<(usize, usize)>,
    room: Condvar,
}

impl Window {
    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, usize)> {
        // Nothing panics while holding it; if something did, the counts are
        // still right, so a poisoned lock is used as it is.
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for room for a line of `bytes`. An empty window always has room,
    /// so one line larger than `max_bytes` goes through alone.
    fn enter(&self, bytes: usize) {
        let mut open = self.lock();
        while open.0 > 0 && (open.0 >= self.max_lines || open.1 + bytes > self.max_bytes) {
            open = self.room.wait(open).unwrap_or_else(PoisonError::into_inner);
        }
        open.0 += 1;
        open.1 += bytes;
    }

    fn leave(&self, bytes: usize) {
        let mut open = self.lock();
        open.0 -= 1;
        open.1 -= bytes;
        self.room.notify_one();
    }
}

/// What the writer (the main thread) waits for: the reader's lines, in order,
/// and the workers' results, in any order, on one channel.
enum Event {
    /// The `seq`th non-blank line, line number `line` of the input.
    Line {
        seq: usize,
        line: usize,
        bytes: Vec<u8>,
    },
    /// Line `seq` analysed: `json` is its output line, `size` its input's bytes.
    Done {
        seq: usize,
        ok: bool,
        json: Vec<u8>,
        size: usize,
    },
    /// The input ended after `lines` non-blank lines, or failed to read.
    End {
        lines: usize,
        error: Option<io::Error>,
    },
}

/// Reads stdin line by line into the window, numbering every line (blank ones
/// too, as an editor would) from `first`.
fn read_lines(events: mpsc::Sender<Event>, window: Arc<Window>, first: usize) {
    let mut input = io::stdin().lock();
    let mut seq = 0;
    let mut line = first;
    let error = loop {
        let mut bytes = Vec::new();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) => break None,
            Ok(_) => {}
            Err(e) => break Some(e),
        }
        let n = line;
        line = line.saturating_add(1);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        window.enter(bytes.len());
        if events
            .send(Event::Line {
                seq,
                line: n,
                bytes,
            })
            .is_err()
        {
            return; // the writer has stopped
        }
        seq += 1;
    };
    let _ = events.send(Event::End { lines: seq, error });
}

/// Counts for the progress bar and the summary line.
struct Progress {
    bar: ProgressBar,
    start: Instant,
    ok: usize,
    failed: usize,
    bytes: u64,
}

impl Progress {
    /// A spinner on a terminal only: a pipe, a log file or a cluster engine's
    /// stderr gets just the summary line at the end.
    fn new(quiet: bool) -> Progress {
        let bar = if quiet || !io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {elapsed} {human_pos} articles, {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Progress {
            bar,
            start: Instant::now(),
            ok: 0,
            failed: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, ok: bool, size: usize) {
        if ok {
            self.ok += 1;
        } else {
            self.failed += 1;
        }
        self.bytes += size as u64;
        if !self.bar.is_hidden() {
            let mb = self.bytes as f64 / 1e6;
            let secs = self.start.elapsed().as_secs_f64().max(1e-9);
            let articles = (self.ok + self.failed) as f64 / secs;
            let rate = mb / secs;
            self.bar.set_message(format!(
                "{articles:.1} articles/s, {mb:.1} MB, {rate:.2} MB/s"
            ));
            self.bar.inc(1);
        }
    }

    /// "N analysed, M failed" stays word for word: scripts read it.
    fn summary(&self, jobs: usize) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        let per_sec = |x: f64| if secs > 0.0 { x / secs } else { 0.0 };
        let articles = (self.ok + self.failed) as f64;
        let mb = self.bytes as f64 / 1e6;
        format!(
            "article-lens batch: {} analysed, {} failed; {mb:.2} MB in {secs:.2} s: {:.1} articles/s, {:.2} MB/s ({jobs} {})",
            self.ok,
            self.failed,
            per_sec(articles),
            per_sec(mb),
            if jobs == 1 { "job" } else { "jobs" },
        )
    }
}

fn run_batch(args: &Args) -> ExitCode {
    // rayon's own ceiling (65,535 threads) keeps a huge --jobs from sizing
    // the window past what a usize holds.
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(rayon::max_num_threads());
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("article-lens-{i}"))
        // The stack the analysis had on the main thread before batches were
        // parallel: an overflow aborts the process, which no catch_unwind stops.
        .stack_size(8 << 20)
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("article-lens batch: cannot start {jobs} threads: {e}");
            return ExitCode::from(2);
        }
    };
    // Enough lines that every worker stays busy past one slow article, and a
    // bound in bytes for inputs of large articles (one larger than the bound
    // still goes, alone).
    let window = Arc::new(Window {
        max_lines: 16 * jobs,
        max_bytes: jobs.saturating_mul(WINDOW_BYTES_PER_JOB),
        open: Mutex::new((0, 0)),
        room: Condvar::new(),
    });
    let (events, incoming) = mpsc::channel();
    {
        let (events, window) = (events.clone(), window.clone());
        let first = args.first_line;
        // Not joined: a reader blocked on stdin must not keep a failed batch
        // (stdout closed) from exiting.
        std::thread::spawn(move || read_lines(events, window, first));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut progress = Progress::new(args.quiet);
    // Set when the output fails: queued lines are then not analysed.
    let stop = AtomicBool::new(false);
    let result: Result<(), String> = pool.in_place_scope_fifo(|scope| {
        let mut pending = BTreeMap::new();
        let (mut next, mut total) = (0, None);
        let mut read_error = None;
        while total != Some(next) {
            // This thread holds a sender, so the channel cannot close.
            let Ok(event) = incoming.recv() else {
                return Err("the input reader stopped unexpectedly".to_string());
            };
            match event {
                Event::Line { seq, line, bytes } => {
                    let (events, stop) = (events.clone(), &stop);
                    let options = &args.options;
                    scope.spawn_fifo(move |_| {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let (ok, json) = render(&bytes, line, options);
                        let size = bytes.len();
                        drop(bytes);
                        let _ = events.send(Event::Done {
                            seq,
                            ok,
                            json,
                            size,
                        });
                    });
                }
                Event::Done {
                    seq,
                    ok,
                    json,
                    size,
                } => {
                    pending.insert(seq, (ok, json, size));
                    let mut wrote = false;
                    while let Some((ok, json, size)) = pending.remove(&next) {
                        if out.write_all(&json).is_err() {
                            stop.store(true, Ordering::Relaxed);
                            return Err("cannot write output".to_string());
                        }
                        window.leave(size);
                        progress.add(ok, size);
                        next += 1;
                        wrote = true;
                    }
                    // Each finished run goes out at once: a consumer reading
                    // the stream sees every article as soon as those before it.
                    if wrote && out.flush().is_err() {
                        stop.store(true, Ordering::Relaxed);
                        return Err("cannot write output".to_string());
                    }
                }
                Event::End { lines, error } => {
                    total = Some(lines);
                    read_error = error;
                }
            }
        }
        match read_error {
            // Every line read before the error has been written, as before.
            Some(e) => Err(format!("cannot read input: {e}")),
            None => Ok(()),
        }
    });
    progress.bar.finish_and_clear();
    if let Err(e) = result {
        eprintln!("article-lens batch: {e}");
        return ExitCode::from(2);
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if !args.quiet {
        eprintln!("{}", progress.summary(jobs));
    }
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
