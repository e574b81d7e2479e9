// Types for article-lens.js: the analysis (format 1), its options, analyze(),
// the <article-lens> element and its events.
//
// The analysis types follow src/output.rs field for field, as the wasm module
// serialises them (serde-wasm-bindgen with absent values as null): every field
// is always present, and the ones Rust holds as Option<T> are `T | null`.
// Offsets (start, end, at) are UTF-16 code units into Analysis.text, so
// `analysis.text.slice(start, end)` is exactly the span. docs/FORMAT.md
// describes each field; tests/e2e/embed.test.mjs checks these declarations
// against real analyses.

/** The whole analysis of one article. */
export interface Analysis {
  /** Always 1 (bumped when a name or a meaning changes, not when a field is added). */
  format: number;
  generator: Generator;
  input: InputInfo;
  notices: Notice[];
  /** The analysed text; every offset points into it. */
  text: string;
  meta: Meta;
  removed: Removed[];
  paragraphs: Paragraph[];
  /** The article's images (HTML input): addresses only, never loaded. */
  images: Image[];
  sentences: Sentence[];
  stats: Stats;
  /** Most mentioned first. */
  entities: Entity[];
  quotes: Quote[];
  /** Who the quotes come from, the most quoted first. */
  sources: QuoteSource[];
  times: TimeExpr[];
  /** The times the calendar can place, earliest first. */
  timeline: TimelineEntry[];
  quantities: Quantity[];
  /** Best first, at most 10. */
  keyphrases: Keyphrase[];
  /** Indexes into `sentences`, in text order. */
  summary: number[];
  warnings: Warning[];
}

/** Which program wrote the analysis. */
export interface Generator {
  name: string;
  version: string;
}

/** How the input was read. */
export interface InputInfo {
  /** What the input was taken for, after auto-detection. */
  kind: 'text' | 'html';
  /** The text was analysed exactly as given. */
  raw: boolean;
  /** Size of the input in UTF-8 bytes. */
  bytes: number;
  /** YYYY-MM-DD: the caller's date, else the published date, else null. */
  reference_date: string | null;
}

export type NoticeKind =
  | 'lines_joined'
  | 'control_characters'
  | 'mojibake_repaired'
  | 'markup_skipped'
  | 'all_removed'
  | 'no_main_content'
  | 'lossy_decoding'
  | 'encoding'
  | 'encoding_mismatch';

/** Something about the input the reader should know: what was repaired or skipped. */
export interface Notice {
  kind: NoticeKind;
  message: string;
}

/** What the article says about itself; any field may be null. */
export interface Meta {
  title: string | null;
  byline: string | null;
  authors: string[];
  /** As found (ISO 8601 where the source gives it). */
  published: string | null;
  modified: string | null;
  site: string | null;
  lang: string | null;
  url: string | null;
  image: string | null;
  description: string | null;
}

/** An image of the article: its address as the page gives it and its text alternative. */
export interface Image {
  src: string;
  alt: string | null;
}

export type RemovedReason =
  | 'cookie-notice'
  | 'read-more'
  | 'advertisement'
  | 'share-prompt'
  | 'subscribe-prompt'
  | 'related-links'
  | 'copyright'
  | 'breadcrumb'
  | 'navigation'
  | 'image-credit'
  | 'comments'
  | 'byline'
  | 'author-bio'
  | 'page-header'
  | 'page-footer'
  | 'sidebar'
  | 'tags'
  | 'hidden'
  | 'popup'
  | 'gallery'
  | 'feedback'
  | 'clutter'
  | 'outside-article';

/** A block taken out of the analysed text. */
export interface Removed {
  text: string;
  reason: RemovedReason;
  /** The reason in words, for people. */
  label: string;
  /** Pass it in `keep` to put the block back. */
  block: number;
  /** Where in `text` the block stood. */
  at: number;
}

export type ParagraphKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'code' | 'caption' | 'table-row';

export interface Paragraph {
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index into `paragraphs`. */
  paragraph: number;
}

/** A span of the text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** The sentence with the most words. */
export interface LongestSentence {
  /** Index into `sentences`. */
  index: number;
  words: number;
}

/** Counts and readability scores; scores are null when the text has no words. */
export interface Stats {
  words: number;
  sentences: number;
  paragraphs: number;
  characters: number;
  characters_no_spaces: number;
  syllables: number;
  complex_words: number;
  reading_time_seconds: number;
  reading_time_minutes: number;
  flesch_reading_ease: number | null;
  flesch_kincaid_grade: number | null;
  gunning_fog: number | null;
  avg_sentence_words: number | null;
  longest_sentence: LongestSentence | null;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'GROUP';

/** A person, organisation, place or group, with every mention. */
export interface Entity {
  /** Its index in `entities`; quotes refer to it. */
  id: number;
  type: EntityType;
  /** The fullest name the text gives it. */
  name: string;
  /** Its first mention (also `mentions[0]`). */
  first: Span;
  count: number;
  /** Every mention in text order: the name only. */
  mentions: Span[];
  aliases: string[];
  roles: string[];
}

/** The speaker of a quote, as written in its clause. */
export interface Speaker {
  start: number;
  end: number;
  text: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'scare';

/** A quotation or a report of speech. */
export interface Quote {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** The words quoted. */
  content: Span;
  /** The attribution's words ("said", "according to"). */
  cue: Span | null;
  speaker: Speaker | null;
  /** The speaker's entity id. */
  entity: number | null;
  source: 'named' | 'anonymous' | 'unknown';
  /** Index into `sources`. */
  source_id: number | null;
}

/** Someone the article quotes or reports: an entity, or an unnamed source. */
export interface QuoteSource {
  /** Its index in `sources`. */
  id: number;
  name: string;
  kind: 'named' | 'anonymous';
  entity: number | null;
  role: string | null;
  /** Attributions of every kind but scare quotes. */
  quotes: number;
  /** Direct and partial quotes. */
  direct: number;
  /** Words inside its direct and partial quotes. */
  words: number;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression with its TIMEX3 value. */
export interface TimeExpr {
  start: number;
  end: number;
  text: string;
  type: TimeType;
  value: string;
}

/** A dated time expression placed on the calendar, with its sentence. */
export interface TimelineEntry {
  /** Index into `times`. */
  time: number;
  /** Index into `sentences`. */
  sentence: number;
  value: string;
  /** The first and last day the value covers, YYYY-MM-DD. */
  from: string;
  to: string;
}

export type QuantityKind = 'number' | 'money' | 'percent' | 'measure' | 'ordinal' | 'fraction' | 'age';

/** A number and what it counts. */
export interface Quantity {
  start: number;
  end: number;
  text: string;
  kind: QuantityKind;
  /** Scaled ("1.5 million" is 1500000); null for a range or a vague plural. */
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string | null;
  counted: string | null;
}

export interface Keyphrase {
  text: string;
  /** 1 for the best, less for the others. */
  score: number;
}

export type WarningKind =
  | 'repeated-word'
  | 'orphan-fragment'
  | 'unbalanced-quote'
  | 'unbalanced-bracket'
  | 'mojibake'
  | 'markup'
  | 'boilerplate'
  | 'long-sentence'
  | 'all-caps'
  | 'unattributed-quote';

/** What a careful editor would look at again. */
export interface Warning {
  start: number;
  end: number;
  kind: WarningKind;
  message: string;
}

/** The library's options (the same names as in docs/FORMAT.md). */
export interface AnalyzeOptions {
  /** Reference date YYYY-MM-DD for relative dates ("on Monday"). */
  date?: string;
  /** Analyse exactly as given: no cleanup, nothing removed. */
  raw?: boolean;
  kind?: 'auto' | 'text' | 'html';
  /** `removed[].block` numbers to put back. */
  keep?: number[];
  max_input_bytes?: number;
  maxInputBytes?: number;
  /** Sentences in the summary, 0 to 10; by the article's length when absent. */
  summary_sentences?: number | null;
  summarySentences?: number | null;
}

/** Why an analysis failed: the library's kinds, then the worker's. */
export type ErrorKind = 'empty' | 'too_large' | 'binary' | 'invalid_option' | 'load' | 'internal' | 'aborted';

/** The error analyze() rejects with. */
export declare class AnalyzerError extends Error {
  constructor(kind: ErrorKind, message: string);
  kind: ErrorKind;
}

/**
 * Analyses an article (text or HTML) in a background worker shared by the
 * whole page. Rejects with an AnalyzerError, or a TypeError when `input` is
 * not a string.
 */
export declare function analyze(input: string, options?: AnalyzeOptions): Promise<Analysis>;

/** The layers the element can mark: the values of its `layers` attribute. */
export type Layer = 'entities' | 'quotes' | 'times' | 'quantities' | 'warnings' | 'summary';
export declare const LAYERS: readonly Layer[];

/** `detail` of the element's `analysis` event. */
export interface AnalysisEventDetail {
  analysis: Analysis;
  /** Milliseconds the analysis took in the worker. */
  ms: number;
}

/** `detail` of the element's `analysis-error` event. */
export interface AnalysisErrorEventDetail {
  kind: ErrorKind;
  message: string;
}

export interface ArticleLensEventMap extends HTMLElementEventMap {
  analysis: CustomEvent<AnalysisEventDetail>;
  'analysis-error': CustomEvent<AnalysisErrorEventDetail>;
}

/**
 * <article-lens>: an article with the chosen layers marked, in its own shadow
 * DOM. Attributes: `text` (plain text) or `html` (HTML), else the element's own
 * text; `date` (YYYY-MM-DD); `layers` (space-separated Layer names, all by
 * default); `summary-sentences`. Setting any of them analyses again (`layers`
 * only redraws).
 */
export declare class ArticleLens extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The analysis shown, or null (none yet, or the last one failed). */
  readonly analysis: Analysis | null;
  /** The layers the `layers` attribute chooses. */
  readonly layers: Set<Layer>;
  addEventListener<K extends keyof ArticleLensEventMap>(type: K, listener: (this: ArticleLens, ev: ArticleLensEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ArticleLensEventMap>(type: K, listener: (this: ArticleLens, ev: ArticleLensEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-lens': ArticleLens;
  }
  // The events bubble and are composed, so any element above one hears them.
  interface HTMLElementEventMap {
    analysis: CustomEvent<AnalysisEventDetail>;
    'analysis-error': CustomEvent<AnalysisErrorEventDetail>;
  }
}
