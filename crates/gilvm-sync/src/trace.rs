//! The thread timeline: per-thread event buffers written as Chrome trace-event JSON
//! (opens in Perfetto and in chrome://tracing).
//!
//! # Mechanism
//! Each thread's [`ThreadTrace`] lives in its `stats::ThreadRecord`, behind that record's
//! own mutex (taken only by the owner while it runs, and by the writer at exit): no global
//! lock on the hot path. Events are recorded at GIL hand-overs, blocking calls, contended
//! object locks and stop-the-world, never per bytecode.
//!
//! A running span opens when the thread acquires the GIL (attaches) and closes when it
//! releases it. A release followed within [`COALESCE_NS`] by an uncontended re-acquisition
//! (a `print` flushing stdout, a short non-blocking call) does not split the running span,
//! which keeps the file small; the statistics still count every acquisition.
//!
//! # Output
//! One process, one track (`tid`) per thread named by `thread_name` metadata. Spans
//! (`ph: "X"`, microseconds): `running`, `waiting for GIL`, `waiting for object lock`,
//! `blocked: <kind>`, `stop-the-world`. Instant events (`ph: "i"`): `drop request`
//! (thread scope, on the requesting thread, `args.to` = the holder), `forced drop` (on the
//! holder), `GIL enabled`/`GIL disabled` (global scope).
use std::fmt::Write as _;

use crate::stats;

/// A release and re-acquisition closer than this (and uncontended) keeps one running span.
pub const COALESCE_NS: u64 = 20_000;
/// Waits shorter than this are not drawn.
const MIN_WAIT_NS: u64 = 1_000;
/// At most this many events are kept per thread; later ones are counted as dropped.
pub const MAX_EVENTS: usize = 1 << 20;

/// What an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Running,
    GilWait,
    ObjectLock,
    Blocked,
    StopTheWorld,
    DropRequest,
    ForcedDrop,
}

/// An event's argument.
#[derive(Clone, Copy, Debug)]
pub enum Arg {
    None,
    Str(&'static str),
    Thread(u64),
}

/// One event: a span (`dur > 0` or a span kind) or an instant.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub kind: Kind,
    pub start: u64,
    pub dur: u64,
    pub arg: Arg,
}

/// One thread's events and the spans still open. See the module docs.
#[derive(Default)]
pub struct ThreadTrace {
    events: Vec<Event>,
    dropped: u64,
    run_start: Option<u64>,
    released: Option<(u64, bool)>,
    blocked: Option<(&'static str, u64, u64)>,
}

impl ThreadTrace {
    fn push(&mut self, e: Event) {
        if self.events.len() < MAX_EVENTS {
            self.events.push(e);
        } else {
            self.dropped += 1;
        }
    }

    /// A span.
    pub fn span(&mut self, kind: Kind, t0: u64, t1: u64, arg: Arg) {
        self.push(Event {
            kind,
            start: t0,
            dur: t1.saturating_sub(t0),
            arg,
        });
    }

    /// An instant event.
    pub fn instant(&mut self, kind: Kind, t: u64, arg: Arg) {
        self.push(Event {
            kind,
            start: t,
            dur: 0,
            arg,
        });
    }

    /// The thread acquired the GIL at `t1`, having waited since `wait_start`.
    pub fn acquired(&mut self, wait_start: u64, t1: u64, waited: bool) {
        if let (Some(rs), Some((rel, forced))) = (self.run_start, self.released) {
            if !waited && !forced && t1.saturating_sub(rel) < COALESCE_NS {
                // A short detach: the running span goes on.
                self.released = None;
                self.blocked = None;
                return;
            }
            self.span(Kind::Running, rs, rel, Arg::None);
        }
        if let Some((kind, b0, b1)) = self.blocked.take() {
            self.span(Kind::Blocked, b0, b1, Arg::Str(kind));
        }
        if waited && t1.saturating_sub(wait_start) >= MIN_WAIT_NS {
            self.span(Kind::GilWait, wait_start, t1, Arg::None);
        }
        self.run_start = Some(t1);
        self.released = None;
    }

    /// The thread released the GIL at `t` (`forced`: answering a drop request).
    pub fn released(&mut self, t: u64, forced: bool) {
        if self.run_start.is_some() && self.released.is_none() {
            self.released = Some((t, forced));
        }
        if forced {
            self.instant(Kind::ForcedDrop, t, Arg::None);
        }
    }

    /// A blocking call of `kind` from `t0` to `t1`.
    pub fn blocked(&mut self, kind: &'static str, t0: u64, t1: u64) {
        if let Some((k, b0, b1)) = self.blocked.take() {
            self.span(Kind::Blocked, b0, b1, Arg::Str(k));
        }
        self.blocked = Some((kind, t0, t1));
    }

    /// The recorded events plus the spans still open, closed at their release or at `now`.
    fn closed_events(&self, now: u64) -> Vec<Event> {
        let mut v = self.events.clone();
        if let Some(rs) = self.run_start {
            let end = self.released.map_or(now, |(t, _)| t);
            v.push(Event {
                kind: Kind::Running,
                start: rs,
                dur: end.saturating_sub(rs),
                arg: Arg::None,
            });
        }
        if let Some((k, b0, b1)) = self.blocked {
            v.push(Event {
                kind: Kind::Blocked,
                start: b0,
                dur: b1.saturating_sub(b0),
                arg: Arg::Str(k),
            });
        }
        v.sort_by_key(|e| e.start);
        v
    }
}

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn us(ns: u64) -> String {
    format!("{}.{:03}", ns / 1000, ns % 1000)
}

/// The whole timeline as Chrome trace-event JSON. `process` names the process track.
pub fn to_json(process: &str) -> String {
    let now = stats::now_ns();
    let mut out = String::from("{\"traceEvents\":[\n");
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(",\n");
        }
        first = false;
    };
    sep(&mut out);
    out.push_str("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":");
    json_str(&mut out, process);
    out.push_str("}}");
    let mut dropped = 0;
    stats::for_each_trace(|tid, name, tr| {
        dropped += tr.dropped;
        sep(&mut out);
        let _ = write!(
            out,
            "{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{tid},\"args\":{{\"name\":"
        );
        json_str(&mut out, name);
        out.push_str("}}");
        sep(&mut out);
        let _ = write!(
            out,
            "{{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":{tid},\"args\":{{\"sort_index\":{tid}}}}}"
        );
        for e in tr.closed_events(now) {
            sep(&mut out);
            let (name, cat): (String, &str) = match (e.kind, e.arg) {
                (Kind::Running, _) => ("running".into(), "gil"),
                (Kind::GilWait, _) => ("waiting for GIL".into(), "gil"),
                (Kind::ObjectLock, _) => ("waiting for object lock".into(), "lock"),
                (Kind::Blocked, Arg::Str(k)) => (format!("blocked: {k}"), "blocked"),
                (Kind::Blocked, _) => ("blocked".into(), "blocked"),
                (Kind::StopTheWorld, _) => ("stop-the-world".into(), "stw"),
                (Kind::DropRequest, _) => ("drop request".into(), "gil"),
                (Kind::ForcedDrop, _) => ("forced drop".into(), "gil"),
            };
            out.push_str("{\"name\":");
            json_str(&mut out, &name);
            let _ = write!(
                out,
                ",\"cat\":\"{cat}\",\"pid\":1,\"tid\":{tid},\"ts\":{}",
                us(e.start)
            );
            match e.kind {
                Kind::DropRequest | Kind::ForcedDrop => out.push_str(",\"ph\":\"i\",\"s\":\"t\""),
                _ => {
                    let _ = write!(out, ",\"ph\":\"X\",\"dur\":{}", us(e.dur));
                }
            }
            match e.arg {
                Arg::Thread(t) => {
                    let _ = write!(out, ",\"args\":{{\"to\":{t}}}");
                }
                Arg::Str(s) if e.kind == Kind::ObjectLock => {
                    out.push_str(",\"args\":{\"type\":");
                    json_str(&mut out, s);
                    out.push('}');
                }
                _ => {}
            }
            out.push('}');
        }
    });
    for g in stats::gil_events() {
        sep(&mut out);
        out.push_str(if g.on {
            "{\"name\":\"GIL enabled\""
        } else {
            "{\"name\":\"GIL disabled\""
        });
        let _ = write!(
            out,
            ",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":{},\"ts\":{},\"args\":{{\"reason\":",
            g.thread,
            us(g.t_ns)
        );
        json_str(&mut out, &g.reason);
        if let Some(m) = &g.module {
            out.push_str(",\"module\":");
            json_str(&mut out, m);
        }
        out.push_str("}}");
    }
    let _ = write!(
        out,
        "\n],\"displayTimeUnit\":\"ms\",\"otherData\":{{\"producer\":\"gilvm\",\"dropped_events\":{dropped}}}}}\n"
    );
    out
}
