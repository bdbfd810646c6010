//! The `termios` module: POSIX terminal control (`tcgetattr`/`tcsetattr`, `tcsendbreak`,
//! `tcdrain`, `tcflush`, `tcflow`, `tcgetwinsize`/`tcsetwinsize`) and the `<termios.h>`
//! constants, for the Lib's `tty`, `getpass` and `pty`. Attributes are the list
//! `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]` where `cc` holds one-byte bytes,
//! except `cc[VMIN]`/`cc[VTIME]` which are ints when ICANON is off, as in CPython.
//! Failures raise `termios.error(errno, strerror)`. `tcdrain` blocks, so it detaches.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::modules::util::Statics;
use gilvm_vm::{Args, Interp, PyErr, PyResult};

use crate::common::{error_class, new_bytes};
use crate::fcntl::fd_of;
use crate::posix::error::{last_errno, strerror};

static ERROR: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn term_error(interp: &Interp, code: i32) -> PyErr {
    let Some(cls) = ERROR.get() else {
        return interp.runtime_error("termios is not initialised");
    };
    let msg = interp.new_str(strerror(code));
    let exc = interp.new_exception(&cls.0, vec![Value::Int(code as i64), msg]);
    PyErr(exc)
}

fn check(interp: &Interp, r: libc::c_int) -> PyResult<()> {
    if r < 0 {
        return Err(term_error(interp, last_errno()));
    }
    Ok(())
}

fn get_attr(interp: &Interp, fd: i32) -> PyResult<libc::termios> {
    // SAFETY: an all-zero termios is a valid out-value.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid out-pointer.
    check(interp, unsafe { libc::tcgetattr(fd, &mut t) })?;
    Ok(t)
}

fn tcgetattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tcgetattr", 1, 1)?;
    let fd = fd_of(interp, &a[0])?;
    let t = get_attr(interp, fd)?;
    // SAFETY: `t` is an initialised termios.
    let ispeed = unsafe { libc::cfgetispeed(&t) };
    // SAFETY: as above.
    let ospeed = unsafe { libc::cfgetospeed(&t) };
    let mut cc: Vec<Value> = t.c_cc.iter().map(|c| new_bytes(interp, vec![*c])).collect();
    if t.c_lflag & libc::ICANON == 0 {
        cc[libc::VMIN] = Value::Int(t.c_cc[libc::VMIN] as i64);
        cc[libc::VTIME] = Value::Int(t.c_cc[libc::VTIME] as i64);
    }
    let cc = interp.new_list(cc);
    Ok(interp.new_list(vec![
        Value::Int(t.c_iflag as i64),
        Value::Int(t.c_oflag as i64),
        Value::Int(t.c_cflag as i64),
        Value::Int(t.c_lflag as i64),
        Value::Int(ispeed as i64),
        Value::Int(ospeed as i64),
        cc,
    ]))
}

fn list_items(interp: &Interp, v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::List(l) => Some(l.snapshot(interp.py)),
            _ => None,
        },
        _ => None,
    }
}

/// A C `long` flag word (`PyLong_AsLong`), as tcflag_t.
fn flag(interp: &mut Interp, v: &Value) -> PyResult<u32> {
    let i = interp.index_value(v)?;
    Ok(i as u32)
}

fn tcsetattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tcsetattr", 3, 3)?;
    let fd = fd_of(interp, &a[0])?;
    let when = crate::time::c_int_arg(interp, &a[1])?;
    let Some(items) = list_items(interp, &a[2]).filter(|l| l.len() == 7) else {
        return Err(interp.type_error("tcsetattr, arg 3: must be 7 element list"));
    };
    let mut t = get_attr(interp, fd)?;
    t.c_iflag = flag(interp, &items[0])?;
    t.c_oflag = flag(interp, &items[1])?;
    t.c_cflag = flag(interp, &items[2])?;
    t.c_lflag = flag(interp, &items[3])?;
    let ispeed = flag(interp, &items[4])?;
    let ospeed = flag(interp, &items[5])?;
    let ncc = t.c_cc.len();
    let Some(cc) = list_items(interp, &items[6]).filter(|l| l.len() == ncc) else {
        return Err(interp.type_error(format!(
            "tcsetattr: attributes[6] must be {ncc} element list"
        )));
    };
    for (i, v) in cc.iter().enumerate() {
        let b = gilvm_vm::buffer::bytes_like(interp.py, v);
        match (b, v) {
            (Some(b), Value::Obj(o))
                if b.len() == 1 && matches!(o.payload(), Payload::Bytes(_)) =>
            {
                t.c_cc[i] = b[0];
            }
            (_, Value::Int(n)) => t.c_cc[i] = *n as u8,
            _ => {
                return Err(interp.type_error(
                    "tcsetattr: elements of attributes must be characters or integers",
                ))
            }
        }
    }
    // SAFETY: `t` is an initialised termios.
    check(interp, unsafe { libc::cfsetispeed(&mut t, ispeed) })?;
    // SAFETY: as above.
    check(interp, unsafe { libc::cfsetospeed(&mut t, ospeed) })?;
    // SAFETY: as above.
    check(interp, unsafe { libc::tcsetattr(fd, when, &t) })?;
    Ok(Value::None)
}

fn fd_and_int(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<(i32, i32)> {
    let a = args.exact(interp, name, 2, 2)?;
    let fd = fd_of(interp, &a[0])?;
    let n = crate::time::c_int_arg(interp, &a[1])?;
    Ok((fd, n))
}

fn tcsendbreak(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (fd, d) = fd_and_int(interp, &args, "tcsendbreak")?;
    // SAFETY: plain system call on an int descriptor.
    check(interp, unsafe { libc::tcsendbreak(fd, d) })?;
    Ok(Value::None)
}

fn tcdrain(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tcdrain", 1, 1)?;
    let fd = fd_of(interp, &a[0])?;
    let r = gilvm_vm::threads::detach_for(interp, "tcdrain", move || {
        // SAFETY: plain system call on an int descriptor.
        let r = unsafe { libc::tcdrain(fd) };
        (r, last_errno())
    });
    if r.0 < 0 {
        return Err(term_error(interp, r.1));
    }
    Ok(Value::None)
}

fn tcflush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (fd, q) = fd_and_int(interp, &args, "tcflush")?;
    // SAFETY: plain system call on an int descriptor.
    check(interp, unsafe { libc::tcflush(fd, q) })?;
    Ok(Value::None)
}

fn tcflow(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (fd, action) = fd_and_int(interp, &args, "tcflow")?;
    // SAFETY: plain system call on an int descriptor.
    check(interp, unsafe { libc::tcflow(fd, action) })?;
    Ok(Value::None)
}

fn tcgetwinsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tcgetwinsize", 1, 1)?;
    let fd = fd_of(interp, &a[0])?;
    // SAFETY: an all-zero winsize is valid.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize through the valid pointer.
    check(interp, unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    Ok(interp.new_tuple(vec![
        Value::Int(w.ws_row as i64),
        Value::Int(w.ws_col as i64),
    ]))
}

fn tcsetwinsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "tcsetwinsize", 2, 2)?;
    let fd = fd_of(interp, &a[0])?;
    let items = interp
        .collect(&a[1])
        .map_err(|_| interp.type_error("tcsetwinsize, arg 2: must be a two-item sequence"))?;
    if items.len() != 2 {
        return Err(interp.type_error("tcsetwinsize, arg 2: must be a two-item sequence"));
    }
    let rows = interp.index_value(&items[0])?;
    let cols = interp.index_value(&items[1])?;
    // SAFETY: an all-zero winsize is valid.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize through the valid pointer.
    check(interp, unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    let (Ok(r), Ok(c)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(interp.overflow_error("winsize value(s) out of range."));
    };
    w.ws_row = r;
    w.ws_col = c;
    // SAFETY: TIOCSWINSZ reads the valid winsize.
    check(interp, unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) })?;
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let err = match ERROR.get() {
        Some(e) => e.0.clone(),
        None => {
            let e = error_class(interp, m, "error", "Exception", "termios")?;
            let _ = ERROR.set(Statics(e.clone()));
            e
        }
    };
    interp.add_value(m, "error", Value::Obj(err));
    interp.add_function(m, "tcgetattr", tcgetattr);
    interp.add_function(m, "tcsetattr", tcsetattr);
    interp.add_function(m, "tcsendbreak", tcsendbreak);
    interp.add_function(m, "tcdrain", tcdrain);
    interp.add_function(m, "tcflush", tcflush);
    interp.add_function(m, "tcflow", tcflow);
    interp.add_function(m, "tcgetwinsize", tcgetwinsize);
    interp.add_function(m, "tcsetwinsize", tcsetwinsize);
    let consts: &[(&str, i64)] = &[
        ("B0", libc::B0 as i64),
        ("B1000000", libc::B1000000 as i64),
        ("B110", libc::B110 as i64),
        ("B115200", libc::B115200 as i64),
        ("B1152000", libc::B1152000 as i64),
        ("B1200", libc::B1200 as i64),
        ("B134", libc::B134 as i64),
        ("B150", libc::B150 as i64),
        ("B1500000", libc::B1500000 as i64),
        ("B1800", libc::B1800 as i64),
        ("B19200", libc::B19200 as i64),
        ("B200", libc::B200 as i64),
        ("B2000000", libc::B2000000 as i64),
        ("B230400", libc::B230400 as i64),
        ("B2400", libc::B2400 as i64),
        ("B2500000", libc::B2500000 as i64),
        ("B300", libc::B300 as i64),
        ("B3000000", libc::B3000000 as i64),
        ("B3500000", libc::B3500000 as i64),
        ("B38400", libc::B38400 as i64),
        ("B4000000", libc::B4000000 as i64),
        ("B460800", libc::B460800 as i64),
        ("B4800", libc::B4800 as i64),
        ("B50", libc::B50 as i64),
        ("B500000", libc::B500000 as i64),
        ("B57600", libc::B57600 as i64),
        ("B576000", libc::B576000 as i64),
        ("B600", libc::B600 as i64),
        ("B75", libc::B75 as i64),
        ("B921600", libc::B921600 as i64),
        ("B9600", libc::B9600 as i64),
        ("BRKINT", libc::BRKINT as i64),
        ("BS0", libc::BS0 as i64),
        ("BS1", libc::BS1 as i64),
        ("BSDLY", libc::BSDLY as i64),
        ("CBAUD", libc::CBAUD as i64),
        ("CBAUDEX", libc::CBAUDEX as i64),
        ("CIBAUD", libc::CIBAUD as i64),
        ("CLOCAL", libc::CLOCAL as i64),
        ("CR0", libc::CR0 as i64),
        ("CR1", libc::CR1 as i64),
        ("CR2", libc::CR2 as i64),
        ("CR3", libc::CR3 as i64),
        ("CRDLY", libc::CRDLY as i64),
        ("CREAD", libc::CREAD as i64),
        ("CRTSCTS", libc::CRTSCTS as i64),
        ("CS5", libc::CS5 as i64),
        ("CS6", libc::CS6 as i64),
        ("CS7", libc::CS7 as i64),
        ("CS8", libc::CS8 as i64),
        ("CSIZE", libc::CSIZE as i64),
        ("CSTOPB", libc::CSTOPB as i64),
        ("ECHO", libc::ECHO as i64),
        ("ECHOCTL", libc::ECHOCTL as i64),
        ("ECHOE", libc::ECHOE as i64),
        ("ECHOK", libc::ECHOK as i64),
        ("ECHOKE", libc::ECHOKE as i64),
        ("ECHONL", libc::ECHONL as i64),
        ("ECHOPRT", libc::ECHOPRT as i64),
        ("EXTA", libc::EXTA as i64),
        ("EXTB", libc::EXTB as i64),
        ("EXTPROC", libc::EXTPROC as i64),
        ("FF0", libc::FF0 as i64),
        ("FF1", libc::FF1 as i64),
        ("FFDLY", libc::FFDLY as i64),
        ("FIOASYNC", libc::FIOASYNC as i64),
        ("FIOCLEX", libc::FIOCLEX as i64),
        ("FIONBIO", libc::FIONBIO as i64),
        ("FIONCLEX", libc::FIONCLEX as i64),
        ("FIONREAD", libc::FIONREAD as i64),
        ("FLUSHO", libc::FLUSHO as i64),
        ("HUPCL", libc::HUPCL as i64),
        ("IBSHIFT", libc::IBSHIFT as i64),
        ("ICANON", libc::ICANON as i64),
        ("ICRNL", libc::ICRNL as i64),
        ("IEXTEN", libc::IEXTEN as i64),
        ("IGNBRK", libc::IGNBRK as i64),
        ("IGNCR", libc::IGNCR as i64),
        ("IGNPAR", libc::IGNPAR as i64),
        ("IMAXBEL", libc::IMAXBEL as i64),
        ("INLCR", libc::INLCR as i64),
        ("INPCK", libc::INPCK as i64),
        ("ISIG", libc::ISIG as i64),
        ("ISTRIP", libc::ISTRIP as i64),
        ("IUCLC", libc::IUCLC as i64),
        ("IUTF8", libc::IUTF8 as i64),
        ("IXANY", libc::IXANY as i64),
        ("IXOFF", libc::IXOFF as i64),
        ("IXON", libc::IXON as i64),
        ("NCCS", libc::NCCS as i64),
        ("NL0", libc::NL0 as i64),
        ("NL1", libc::NL1 as i64),
        ("NLDLY", libc::NLDLY as i64),
        ("NOFLSH", libc::NOFLSH as i64),
        ("OCRNL", libc::OCRNL as i64),
        ("OFDEL", libc::OFDEL as i64),
        ("OFILL", libc::OFILL as i64),
        ("OLCUC", libc::OLCUC as i64),
        ("ONLCR", libc::ONLCR as i64),
        ("ONLRET", libc::ONLRET as i64),
        ("ONOCR", libc::ONOCR as i64),
        ("OPOST", libc::OPOST as i64),
        ("PARENB", libc::PARENB as i64),
        ("PARMRK", libc::PARMRK as i64),
        ("PARODD", libc::PARODD as i64),
        ("PENDIN", libc::PENDIN as i64),
        ("TAB0", libc::TAB0 as i64),
        ("TAB1", libc::TAB1 as i64),
        ("TAB2", libc::TAB2 as i64),
        ("TAB3", libc::TAB3 as i64),
        ("TABDLY", libc::TABDLY as i64),
        ("TCFLSH", libc::TCFLSH as i64),
        ("TCGETS", libc::TCGETS as i64),
        ("TCIFLUSH", libc::TCIFLUSH as i64),
        ("TCIOFF", libc::TCIOFF as i64),
        ("TCIOFLUSH", libc::TCIOFLUSH as i64),
        ("TCION", libc::TCION as i64),
        ("TCOFLUSH", libc::TCOFLUSH as i64),
        ("TCOOFF", libc::TCOOFF as i64),
        ("TCOON", libc::TCOON as i64),
        ("TCSADRAIN", libc::TCSADRAIN as i64),
        ("TCSAFLUSH", libc::TCSAFLUSH as i64),
        ("TCSANOW", libc::TCSANOW as i64),
        ("TCSBRK", libc::TCSBRK as i64),
        ("TCSBRKP", libc::TCSBRKP as i64),
        ("TCSETS", libc::TCSETS as i64),
        ("TCSETSF", libc::TCSETSF as i64),
        ("TCSETSW", libc::TCSETSW as i64),
        ("TCXONC", libc::TCXONC as i64),
        ("TIOCCONS", libc::TIOCCONS as i64),
        ("TIOCEXCL", libc::TIOCEXCL as i64),
        ("TIOCGETD", libc::TIOCGETD as i64),
        ("TIOCGICOUNT", libc::TIOCGICOUNT as i64),
        ("TIOCGLCKTRMIOS", libc::TIOCGLCKTRMIOS as i64),
        ("TIOCGPGRP", libc::TIOCGPGRP as i64),
        ("TIOCGSERIAL", libc::TIOCGSERIAL as i64),
        ("TIOCGSOFTCAR", libc::TIOCGSOFTCAR as i64),
        ("TIOCGWINSZ", libc::TIOCGWINSZ as i64),
        ("TIOCINQ", libc::TIOCINQ as i64),
        ("TIOCLINUX", libc::TIOCLINUX as i64),
        ("TIOCMBIC", libc::TIOCMBIC as i64),
        ("TIOCMBIS", libc::TIOCMBIS as i64),
        ("TIOCMGET", libc::TIOCMGET as i64),
        ("TIOCMIWAIT", libc::TIOCMIWAIT as i64),
        ("TIOCMSET", libc::TIOCMSET as i64),
        ("TIOCM_CAR", libc::TIOCM_CAR as i64),
        ("TIOCM_CD", libc::TIOCM_CD as i64),
        ("TIOCM_CTS", libc::TIOCM_CTS as i64),
        ("TIOCM_DSR", libc::TIOCM_DSR as i64),
        ("TIOCM_DTR", libc::TIOCM_DTR as i64),
        ("TIOCM_LE", libc::TIOCM_LE as i64),
        ("TIOCM_RI", libc::TIOCM_RI as i64),
        ("TIOCM_RNG", libc::TIOCM_RNG as i64),
        ("TIOCM_RTS", libc::TIOCM_RTS as i64),
        ("TIOCM_SR", libc::TIOCM_SR as i64),
        ("TIOCM_ST", libc::TIOCM_ST as i64),
        ("TIOCNOTTY", libc::TIOCNOTTY as i64),
        ("TIOCNXCL", libc::TIOCNXCL as i64),
        ("TIOCOUTQ", libc::TIOCOUTQ as i64),
        ("TIOCPKT", libc::TIOCPKT as i64),
        ("TIOCSCTTY", libc::TIOCSCTTY as i64),
        ("TIOCSERCONFIG", libc::TIOCSERCONFIG as i64),
        ("TIOCSERGETLSR", libc::TIOCSERGETLSR as i64),
        ("TIOCSERGETMULTI", libc::TIOCSERGETMULTI as i64),
        ("TIOCSERGSTRUCT", libc::TIOCSERGSTRUCT as i64),
        ("TIOCSERGWILD", libc::TIOCSERGWILD as i64),
        ("TIOCSERSETMULTI", libc::TIOCSERSETMULTI as i64),
        ("TIOCSERSWILD", libc::TIOCSERSWILD as i64),
        ("TIOCSETD", libc::TIOCSETD as i64),
        ("TIOCSLCKTRMIOS", libc::TIOCSLCKTRMIOS as i64),
        ("TIOCSPGRP", libc::TIOCSPGRP as i64),
        ("TIOCSSERIAL", libc::TIOCSSERIAL as i64),
        ("TIOCSSOFTCAR", libc::TIOCSSOFTCAR as i64),
        ("TIOCSTI", libc::TIOCSTI as i64),
        ("TIOCSWINSZ", libc::TIOCSWINSZ as i64),
        ("TOSTOP", libc::TOSTOP as i64),
        ("VDISCARD", libc::VDISCARD as i64),
        ("VEOF", libc::VEOF as i64),
        ("VEOL", libc::VEOL as i64),
        ("VEOL2", libc::VEOL2 as i64),
        ("VERASE", libc::VERASE as i64),
        ("VINTR", libc::VINTR as i64),
        ("VKILL", libc::VKILL as i64),
        ("VLNEXT", libc::VLNEXT as i64),
        ("VMIN", libc::VMIN as i64),
        ("VQUIT", libc::VQUIT as i64),
        ("VREPRINT", libc::VREPRINT as i64),
        ("VSTART", libc::VSTART as i64),
        ("VSTOP", libc::VSTOP as i64),
        ("VSUSP", libc::VSUSP as i64),
        ("VSWTC", libc::VSWTC as i64),
        ("VT0", libc::VT0 as i64),
        ("VT1", libc::VT1 as i64),
        ("VTDLY", libc::VTDLY as i64),
        ("VTIME", libc::VTIME as i64),
        ("VWERASE", libc::VWERASE as i64),
        ("XCASE", libc::XCASE as i64),
        ("XTABS", libc::XTABS as i64),
        // From <sys/ttydefaults.h> and the kernel's tty headers (not in the libc crate).
        ("CDSUSP", 25),
        ("CEOF", 4),
        ("CEOL", 0),
        ("CEOT", 4),
        ("CERASE", 127),
        ("CFLUSH", 15),
        ("CINTR", 3),
        ("CKILL", 21),
        ("CLNEXT", 22),
        ("CQUIT", 28),
        ("CRPRNT", 18),
        ("CSTART", 17),
        ("CSTOP", 19),
        ("CSUSP", 26),
        ("CWERASE", 23),
        ("IOCSIZE_MASK", 1073676288),
        ("IOCSIZE_SHIFT", 16),
        ("N_MOUSE", 2),
        ("N_PPP", 3),
        ("N_SLIP", 1),
        ("N_STRIP", 4),
        ("N_TTY", 0),
        ("TIOCPKT_DATA", 0),
        ("TIOCPKT_DOSTOP", 32),
        ("TIOCPKT_FLUSHREAD", 1),
        ("TIOCPKT_FLUSHWRITE", 2),
        ("TIOCPKT_NOSTOP", 16),
        ("TIOCPKT_START", 8),
        ("TIOCPKT_STOP", 4),
        ("TIOCSER_TEMT", 1),
        ("VSWTCH", 7),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
