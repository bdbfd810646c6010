//! The `_stat` module: the file-mode constants and tests (`S_ISDIR`, …, `S_IMODE`,
//! `S_IFMT`, `filemode`) that the Lib's `stat.py` imports over its pure-Python
//! fallbacks (`from _stat import *`), with the platform's values on Linux and the BSD/
//! macOS flag constants CPython defines everywhere.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::builtins::numbers::index_int;
use gilvm_vm::{Args, Interp, PyResult};

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;

/// `_PyLong_AsMode_t`: a non-negative int that fits a mode_t.
fn mode_arg(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<u32> {
    let a = args.exact(interp, &format!("_stat.{name}"), 1, 1)?;
    if matches!(a[0].base_value(), Value::Float(_)) {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index_int(interp, &a[0])?;
    let Some(b) = i.to_bigint() else {
        return Err(interp.type_error("an integer is required"));
    };
    if b.sign() == num_bigint::Sign::Minus {
        return Err(interp.overflow_error("can't convert negative value to unsigned int"));
    }
    let Ok(u) = u64::try_from(&b) else {
        return Err(interp.overflow_error("Python int too large to convert to C unsigned long"));
    };
    u32::try_from(u).map_err(|_| interp.overflow_error("mode out of range"))
}

macro_rules! is_fmt {
    ($f:ident, $name:literal, $bits:expr) => {
        fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let m = mode_arg(interp, &args, $name)?;
            let bits: u32 = $bits;
            Ok(Value::Bool(bits != 0 && m & S_IFMT == bits))
        }
    };
}

is_fmt!(s_isdir, "S_ISDIR", S_IFDIR);
is_fmt!(s_ischr, "S_ISCHR", S_IFCHR);
is_fmt!(s_isblk, "S_ISBLK", S_IFBLK);
is_fmt!(s_isreg, "S_ISREG", S_IFREG);
is_fmt!(s_isfifo, "S_ISFIFO", S_IFIFO);
is_fmt!(s_islnk, "S_ISLNK", S_IFLNK);
is_fmt!(s_issock, "S_ISSOCK", S_IFSOCK);
// Solaris doors, event ports and BSD whiteouts do not exist on Linux.
is_fmt!(s_isdoor, "S_ISDOOR", 0);
is_fmt!(s_isport, "S_ISPORT", 0);
is_fmt!(s_iswht, "S_ISWHT", 0);

fn s_imode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = mode_arg(interp, &args, "S_IMODE")?;
    Ok(Value::Int((m & 0o7777) as i64))
}

fn s_ifmt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = mode_arg(interp, &args, "S_IFMT")?;
    Ok(Value::Int((m & S_IFMT) as i64))
}

/// `filemode(mode)`: "-rwxr-xr-x" as `ls -l` shows it.
fn filemode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = mode_arg(interp, &args, "filemode")?;
    let mut s = String::with_capacity(10);
    s.push(match m & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    });
    // (read, write, execute bits, special bit, letters for special with/without x)
    let triads = [
        (0o400, 0o200, 0o100, 0o4000, 's', 'S'),
        (0o040, 0o020, 0o010, 0o2000, 's', 'S'),
        (0o004, 0o002, 0o001, 0o1000, 't', 'T'),
    ];
    for (r, w, x, special, with_x, without_x) in triads {
        s.push(if m & r != 0 { 'r' } else { '-' });
        s.push(if m & w != 0 { 'w' } else { '-' });
        s.push(match (m & x != 0, m & special != 0) {
            (true, true) => with_x,
            (false, true) => without_x,
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    Ok(interp.new_str(s))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "S_ISDIR", s_isdir);
    interp.add_function(m, "S_ISCHR", s_ischr);
    interp.add_function(m, "S_ISBLK", s_isblk);
    interp.add_function(m, "S_ISREG", s_isreg);
    interp.add_function(m, "S_ISFIFO", s_isfifo);
    interp.add_function(m, "S_ISLNK", s_islnk);
    interp.add_function(m, "S_ISSOCK", s_issock);
    interp.add_function(m, "S_ISDOOR", s_isdoor);
    interp.add_function(m, "S_ISPORT", s_isport);
    interp.add_function(m, "S_ISWHT", s_iswht);
    interp.add_function(m, "S_IMODE", s_imode);
    interp.add_function(m, "S_IFMT", s_ifmt);
    interp.add_function(m, "filemode", filemode);
    let consts: &[(&str, i64)] = &[
        ("S_IFDIR", S_IFDIR as i64),
        ("S_IFCHR", S_IFCHR as i64),
        ("S_IFBLK", S_IFBLK as i64),
        ("S_IFREG", S_IFREG as i64),
        ("S_IFIFO", S_IFIFO as i64),
        ("S_IFLNK", S_IFLNK as i64),
        ("S_IFSOCK", S_IFSOCK as i64),
        ("S_IFDOOR", 0),
        ("S_IFPORT", 0),
        ("S_IFWHT", 0),
        ("S_ISUID", 0o4000),
        ("S_ISGID", 0o2000),
        ("S_ISVTX", 0o1000),
        ("S_ENFMT", 0o2000),
        ("S_IREAD", 0o400),
        ("S_IWRITE", 0o200),
        ("S_IEXEC", 0o100),
        ("S_IRWXU", 0o700),
        ("S_IRUSR", 0o400),
        ("S_IWUSR", 0o200),
        ("S_IXUSR", 0o100),
        ("S_IRWXG", 0o070),
        ("S_IRGRP", 0o040),
        ("S_IWGRP", 0o020),
        ("S_IXGRP", 0o010),
        ("S_IRWXO", 0o007),
        ("S_IROTH", 0o004),
        ("S_IWOTH", 0o002),
        ("S_IXOTH", 0o001),
        ("UF_SETTABLE", 0x0000ffff),
        ("UF_NODUMP", 0x00000001),
        ("UF_IMMUTABLE", 0x00000002),
        ("UF_APPEND", 0x00000004),
        ("UF_OPAQUE", 0x00000008),
        ("UF_NOUNLINK", 0x00000010),
        ("UF_COMPRESSED", 0x00000020),
        ("UF_TRACKED", 0x00000040),
        ("UF_DATAVAULT", 0x00000080),
        ("UF_HIDDEN", 0x00008000),
        ("SF_SETTABLE", 0xffff0000),
        ("SF_ARCHIVED", 0x00010000),
        ("SF_IMMUTABLE", 0x00020000),
        ("SF_APPEND", 0x00040000),
        ("SF_NOUNLINK", 0x00100000),
        ("SF_SNAPSHOT", 0x00200000),
        ("SF_FIRMLINK", 0x00800000),
        ("SF_DATALESS", 0x40000000),
        ("ST_MODE", 0),
        ("ST_INO", 1),
        ("ST_DEV", 2),
        ("ST_NLINK", 3),
        ("ST_UID", 4),
        ("ST_GID", 5),
        ("ST_SIZE", 6),
        ("ST_ATIME", 7),
        ("ST_MTIME", 8),
        ("ST_CTIME", 9),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
