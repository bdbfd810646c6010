//! Running the engine: one match or search at a position, and the loop of successive
//! searches (`findall`, `finditer`, `sub`, `split`) with CPython's rule for empty matches
//! (after an empty match the next one must not be empty at the same place:
//! `must_advance`).
//!
//! The engine is the `rustpython-sre_engine` crate. It trusts its code: a pattern code that
//! `re._compiler` did not produce could make it index out of bounds. A run is therefore
//! wrapped in `catch_unwind`, and a panic becomes `RuntimeError("invalid SRE code")`
//! (CPython validates the code in `_sre.compile` and raises the same).
use rustpython_sre_engine::{Request, State, StrDrive};

/// The spans of one match, in characters: `marks[2*i]`/`marks[2*i+1]` are group `i+1`'s
/// start and end (-1 when it did not take part).
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<isize>,
    pub lastindex: isize,
}

impl Found {
    /// The span of group `g` (0 is the whole match); (-1, -1) if it did not take part.
    pub fn span(&self, g: usize) -> (isize, isize) {
        if g == 0 {
            return (self.start as isize, self.end as isize);
        }
        let i = 2 * (g - 1);
        match (self.marks.get(i), self.marks.get(i + 1)) {
            (Some(&a), Some(&b)) if a >= 0 && b >= 0 => (a, b),
            _ => (-1, -1),
        }
    }
}

fn found(state: &State, groups: usize) -> Found {
    let raw = state.marks.raw();
    let mut marks = vec![-1isize; 2 * groups];
    for (i, m) in marks.iter_mut().enumerate() {
        if let Some(v) = raw.get(i) {
            if v.is_some() {
                *m = v.unwrap() as isize;
            }
        }
    }
    // A group whose end precedes its start did not really match (CPython's check).
    for g in 0..groups {
        if marks[2 * g] > marks[2 * g + 1] || marks[2 * g] < 0 || marks[2 * g + 1] < 0 {
            marks[2 * g] = -1;
            marks[2 * g + 1] = -1;
        }
    }
    Found {
        start: state.start,
        end: state.cursor.position,
        marks,
        lastindex: state.marks.last_index(),
    }
}

/// How a single run anchors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Why a run did not produce an answer.
pub(crate) struct InvalidCode;

fn guarded<R>(f: impl FnOnce() -> R) -> Result<R, InvalidCode> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| InvalidCode)
}

fn request<'a, S: StrDrive>(
    s: S,
    len: usize,
    code: &'a [u32],
    start: usize,
    end: usize,
    match_all: bool,
) -> Request<'a, S> {
    let end = end.min(len);
    Request {
        string: s,
        start: start.min(end),
        end,
        pattern_codes: code,
        match_all,
        must_advance: false,
    }
}

/// One match or search of `s` (`len` characters) between `pos` and `endpos`.
pub(crate) fn run_once<S: StrDrive>(
    s: S,
    len: usize,
    code: &[u32],
    groups: usize,
    pos: usize,
    endpos: usize,
    mode: Mode,
) -> Result<Option<Found>, InvalidCode> {
    if pos > endpos.min(len) {
        return Ok(None);
    }
    guarded(|| {
        let req = request(s, len, code, pos, endpos, mode == Mode::FullMatch);
        let mut state = State::default();
        let ok = match mode {
            Mode::Search => state.search(req),
            _ => state.py_match(&req),
        };
        ok.then(|| found(&state, groups))
    })
}

/// The state of a run of successive searches (a scanner, or the loop of `findall`).
#[derive(Clone, Copy)]
pub(crate) struct Cursor {
    pub start: usize,
    pub end: usize,
    pub must_advance: bool,
}

/// The next match of a run of successive searches (or of matches, `anchored`), advancing
/// `cur`; `None` at the end.
pub(crate) fn run_next<S: StrDrive>(
    s: S,
    len: usize,
    code: &[u32],
    groups: usize,
    cur: &mut Cursor,
    anchored: bool,
) -> Result<Option<Found>, InvalidCode> {
    let end = cur.end.min(len);
    if cur.start > end {
        return Ok(None);
    }
    let r = guarded(|| {
        let mut req = request(s, len, code, cur.start, end, false);
        req.must_advance = cur.must_advance;
        let mut state = State::default();
        state.reset(&req, req.start);
        let ok = if anchored {
            state.py_match(&req)
        } else {
            state.search(req)
        };
        ok.then(|| found(&state, groups))
    })?;
    match &r {
        Some(f) => {
            cur.must_advance = f.end == f.start;
            cur.start = f.end;
        }
        None => cur.start = end + 1,
    }
    Ok(r)
}
