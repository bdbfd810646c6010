//! `gilvm trace-summary FILE.json [--from MS] [--to MS] [--width N]` (and `-X trace-ascii`):
//! a `-X trace` timeline drawn as text, one row per thread:
//! `=` running, `-` waiting (for the GIL or an object lock), `.` blocked (sleep, join, lock,
//! queue, I/O), `#` stop-the-world, blank: not attached (not started, or exited).
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A parsed JSON value (only what a trace file needs).
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(#[allow(dead_code)] bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, k: &str) -> Option<&Json> {
        match self {
            Json::Obj(v) => v.iter().find(|(n, _)| n == k).map(|(_, v)| v),
            _ => None,
        }
    }
    fn num(&self, k: &str) -> Option<f64> {
        match self.get(k) {
            Some(Json::Num(n)) => Some(*n),
            _ => None,
        }
    }
    fn str(&self, k: &str) -> Option<&str> {
        match self.get(k) {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("invalid JSON at byte {}: {what}", self.i))
    }
    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            self.err(&format!("expected '{}'", c as char))
        }
    }
    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(v));
                }
                loop {
                    self.ws();
                    let k = match self.value()? {
                        Json::Str(k) => k,
                        _ => return self.err("expected a key"),
                    };
                    self.eat(b':')?;
                    let val = self.value()?;
                    v.push((k, val));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(v));
                        }
                        _ => return self.err("expected ',' or '}'"),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(v));
                }
                loop {
                    v.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(v));
                        }
                        _ => return self.err("expected ',' or ']'"),
                    }
                }
            }
            Some(b'"') => {
                self.i += 1;
                let mut out = Vec::new();
                loop {
                    match self.s.get(self.i) {
                        None => return self.err("unterminated string"),
                        Some(b'"') => {
                            self.i += 1;
                            break;
                        }
                        Some(b'\\') => {
                            let e = self.s.get(self.i + 1).copied();
                            self.i += 2;
                            match e {
                                Some(b'n') => out.push(b'\n'),
                                Some(b't') => out.push(b'\t'),
                                Some(b'r') => out.push(b'\r'),
                                Some(b'b') => out.push(8),
                                Some(b'f') => out.push(12),
                                Some(b'u') => {
                                    let hex = self
                                        .s
                                        .get(self.i..self.i + 4)
                                        .and_then(|h| std::str::from_utf8(h).ok())
                                        .and_then(|h| u32::from_str_radix(h, 16).ok());
                                    let Some(cp) = hex else {
                                        return self.err("bad \\u escape");
                                    };
                                    self.i += 4;
                                    let ch = char::from_u32(cp).unwrap_or('\u{fffd}');
                                    let mut buf = [0u8; 4];
                                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                                }
                                Some(c) => out.push(c),
                                None => return self.err("unterminated string"),
                            }
                        }
                        Some(&c) => {
                            out.push(c);
                            self.i += 1;
                        }
                    }
                }
                Ok(Json::Str(String::from_utf8_lossy(&out).into_owned()))
            }
            Some(b't') if self.s[self.i..].starts_with(b"true") => {
                self.i += 4;
                Ok(Json::Bool(true))
            }
            Some(b'f') if self.s[self.i..].starts_with(b"false") => {
                self.i += 5;
                Ok(Json::Bool(false))
            }
            Some(b'n') if self.s[self.i..].starts_with(b"null") => {
                self.i += 4;
                Ok(Json::Null)
            }
            Some(_) => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(
                        self.s[self.i],
                        b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                    )
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[start..self.i])
                    .ok()
                    .and_then(|t| t.parse::<f64>().ok())
                    .map(Json::Num)
                    .map_or_else(|| self.err("bad value"), Ok)
            }
        }
    }
}

fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i != p.s.len() {
        return p.err("trailing characters");
    }
    Ok(v)
}

/// What a column shows, in priority order for ties.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum State {
    StopTheWorld = 0,
    Waiting = 1,
    Running = 2,
    Blocked = 3,
}

const CHARS: [char; 4] = ['#', '-', '=', '.'];

struct Track {
    name: String,
    /// (state, start ms, end ms, nested in a running span: an object-lock wait)
    spans: Vec<(State, f64, f64, bool)>,
}

/// Renders the timeline in `text` (Chrome trace JSON) for the window `[from_ms, to_ms]`
/// (defaults: the whole trace) at `width` columns.
pub fn render(
    text: &str,
    from_ms: Option<f64>,
    to_ms: Option<f64>,
    width: usize,
) -> Result<String, String> {
    let doc = parse(text)?;
    let events = match doc.get("traceEvents") {
        Some(Json::Arr(v)) => v,
        _ => match &doc {
            Json::Arr(_) => return render_events(&[], from_ms, to_ms, width),
            _ => return Err("not a trace file: no \"traceEvents\" array".into()),
        },
    };
    render_events(events, from_ms, to_ms, width)
}

fn render_events(
    events: &[Json],
    from_ms: Option<f64>,
    to_ms: Option<f64>,
    width: usize,
) -> Result<String, String> {
    let width = width.clamp(10, 1000);
    let mut tracks: BTreeMap<i64, Track> = BTreeMap::new();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for e in events {
        let tid = e.num("tid").unwrap_or(0.0) as i64;
        let ph = e.str("ph").unwrap_or("");
        let name = e.str("name").unwrap_or("");
        if ph == "M" && name == "thread_name" {
            let n = e
                .get("args")
                .and_then(|a| a.str("name"))
                .unwrap_or("?")
                .to_string();
            tracks
                .entry(tid)
                .or_insert_with(|| Track {
                    name: String::new(),
                    spans: Vec::new(),
                })
                .name = n;
            continue;
        }
        if ph != "X" {
            continue;
        }
        let (Some(ts), Some(dur)) = (e.num("ts"), e.num("dur")) else {
            continue;
        };
        let state = if name == "running" {
            State::Running
        } else if name.starts_with("waiting") {
            State::Waiting
        } else if name.starts_with("blocked") {
            State::Blocked
        } else if name == "stop-the-world" {
            State::StopTheWorld
        } else {
            continue;
        };
        let (a, b) = (ts / 1000.0, (ts + dur) / 1000.0);
        lo = lo.min(a);
        hi = hi.max(b);
        tracks
            .entry(tid)
            .or_insert_with(|| Track {
                name: format!("tid {tid}"),
                spans: Vec::new(),
            })
            .spans
            .push((state, a, b, name == "waiting for object lock"));
    }
    if !lo.is_finite() {
        return Ok("(the trace has no spans)\n".into());
    }
    let from = from_ms.unwrap_or(lo);
    let to = to_ms.unwrap_or(hi);
    if to <= from {
        return Err(format!("empty window: {from} ms .. {to} ms"));
    }
    let col = (to - from) / width as f64;
    let label_w = tracks
        .values()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:label_w$}  {:.3} ms .. {:.3} ms, {width} columns of {:.3} ms",
        "", from, to, col,
    );
    for t in tracks.values() {
        if t.spans.is_empty() {
            continue;
        }
        // Time per state per column; an object-lock wait nested in a running span counts
        // as waiting, not running.
        let mut acc = vec![[0.0f64; 4]; width];
        let mut totals = [0.0f64; 4];
        for &(st, a, b, nested) in &t.spans {
            let (a, b) = (a.max(from), b.min(to));
            if b <= a {
                continue;
            }
            totals[st as usize] += b - a;
            if nested {
                totals[State::Running as usize] -= b - a;
            }
            let first = (((a - from) / col) as usize).min(width - 1);
            let last = (((b - from) / col) as usize).min(width - 1);
            for (i, cell) in acc.iter_mut().enumerate().take(last + 1).skip(first) {
                let c0 = from + i as f64 * col;
                let overlap = b.min(c0 + col) - a.max(c0);
                if overlap > 0.0 {
                    cell[st as usize] += overlap;
                    if nested {
                        cell[State::Running as usize] -= overlap;
                    }
                }
            }
        }
        let bar: String = acc
            .iter()
            .map(|cell| {
                let mut best = None;
                let mut best_v = col * 0.05;
                for (i, &v) in cell.iter().enumerate() {
                    if v > best_v {
                        best_v = v;
                        best = Some(i);
                    }
                }
                best.map_or(' ', |i| CHARS[i])
            })
            .collect();
        let name: String = t.name.chars().take(label_w).collect();
        let span = to - from;
        let _ = writeln!(
            out,
            "{name:label_w$} |{bar}| run {:>3.0}% wait {:>3.0}% blocked {:>3.0}%",
            100.0 * totals[State::Running as usize] / span,
            100.0 * totals[State::Waiting as usize] / span,
            100.0 * totals[State::Blocked as usize] / span,
        );
    }
    let _ = writeln!(
        out,
        "{:label_w$}  = running  - waiting (GIL / object lock)  . blocked  # stop-the-world",
        ""
    );
    Ok(out)
}

/// Parses `FROM:TO` (milliseconds, either side may be empty).
pub fn parse_window(s: &str) -> Result<(Option<f64>, Option<f64>), String> {
    if s.is_empty() {
        return Ok((None, None));
    }
    let (a, b) = s
        .split_once(':')
        .ok_or_else(|| format!("trace-ascii window must be FROM_MS:TO_MS, not '{s}'"))?;
    let p = |x: &str| -> Result<Option<f64>, String> {
        if x.is_empty() {
            Ok(None)
        } else {
            x.parse()
                .map(Some)
                .map_err(|_| format!("not a number of milliseconds: '{x}'"))
        }
    };
    Ok((p(a)?, p(b)?))
}

const USAGE: &str = "usage: gilvm trace-summary FILE.json [--from MS] [--to MS] [--width N]";

/// `gilvm trace-summary …`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut file = None;
    let (mut from, mut to, mut width) = (None, None, 100usize);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let val = |i: usize| args.get(i + 1).map(String::as_str);
        match a {
            "-h" | "--help" => {
                println!("{USAGE}");
                println!("Draws a -X trace=FILE.json timeline as text: one row per thread,");
                println!("'=' running, '-' waiting (GIL / object lock), '.' blocked, '#' stop-the-world.");
                return 0;
            }
            "--from" | "--to" | "--width" => {
                let Some(v) = val(i) else {
                    eprintln!("gilvm trace-summary: {a} needs a value\n{USAGE}");
                    return 2;
                };
                let ok = match a {
                    "--from" => v.parse().map(|x| from = Some(x)).is_ok(),
                    "--to" => v.parse().map(|x| to = Some(x)).is_ok(),
                    _ => v.parse().map(|x| width = x).is_ok(),
                };
                if !ok {
                    eprintln!("gilvm trace-summary: bad value for {a}: '{v}'\n{USAGE}");
                    return 2;
                }
                i += 2;
                continue;
            }
            _ if file.is_none() && !a.starts_with("--") => file = Some(a.to_string()),
            _ => {
                eprintln!("gilvm trace-summary: unexpected argument '{a}'\n{USAGE}");
                return 2;
            }
        }
        i += 1;
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return 2;
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gilvm trace-summary: cannot read '{file}': {e}");
            return 1;
        }
    };
    match render(&text, from, to, width) {
        Ok(s) => {
            print!("{s}");
            0
        }
        Err(e) => {
            eprintln!("gilvm trace-summary: {file}: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACE: &str = r#"{"traceEvents":[
{"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"A \"one\""}},
{"name":"thread_name","ph":"M","pid":1,"tid":2,"args":{"name":"B"}},
{"name":"running","ph":"X","pid":1,"tid":1,"ts":0,"dur":5000},
{"name":"waiting for GIL","ph":"X","pid":1,"tid":1,"ts":5000,"dur":5000},
{"name":"waiting for GIL","ph":"X","pid":1,"tid":2,"ts":0,"dur":5000},
{"name":"running","ph":"X","pid":1,"tid":2,"ts":5000,"dur":5000},
{"name":"drop request","ph":"i","s":"t","pid":1,"tid":2,"ts":4000.5,"args":{"to":1}}
],"otherData":{"dropped_events":0}}"#;

    #[test]
    fn alternating_bars() {
        let out = render(TRACE, None, None, 10).unwrap();
        let rows: Vec<&str> = out.lines().filter(|l| l.contains('|')).collect();
        assert_eq!(rows.len(), 2, "{out}");
        assert!(rows[0].starts_with("A \"one\" |=====-----|"), "{out}");
        assert!(rows[1].starts_with("B       |-----=====|"), "{out}");
        let out = render(TRACE, Some(5.0), Some(10.0), 10).unwrap();
        assert!(out.contains("|----------| run   0% wait 100%"), "{out}");
    }

    #[test]
    fn bad_input() {
        assert!(render("{\"traceEvents\": [", None, None, 10).is_err());
        assert!(render("{}", None, None, 10).is_err());
        assert!(render(TRACE, Some(3.0), Some(2.0), 10).is_err());
        assert_eq!(parse_window("1.5:").unwrap(), (Some(1.5), None));
        assert!(parse_window("x").is_err());
    }
}
