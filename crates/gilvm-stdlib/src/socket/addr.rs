//! Socket addresses between Python values and `sockaddr`s: `(host, port)` for AF_INET,
//! `(host, port, flowinfo, scope_id)` for AF_INET6, a path (str, bytes or path-like; a
//! leading NUL byte names Linux's abstract namespace) for AF_UNIX. Host names that are
//! not numeric are resolved with getaddrinfo(3), detached; `''` is the wildcard address
//! and `'<broadcast>'` INADDR_BROADCAST, as in CPython.
use std::ffi::CString;
use std::mem::{size_of, zeroed};

use gilvm_object::{Payload, Value};
use gilvm_vm::{Interp, PyResult};

use crate::posix::args as pargs;

/// A socket address with its length.
#[derive(Clone, Copy)]
pub struct Addr {
    pub st: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl Addr {
    /// An empty buffer for the kernel to fill (its length the buffer's size).
    pub fn buffer() -> Addr {
        Addr {
            // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
            st: unsafe { zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    pub fn ptr(&self) -> *const libc::sockaddr {
        &self.st as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    pub fn ptr_mut(&mut self) -> *mut libc::sockaddr {
        &mut self.st as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
    fn from_v4(a: libc::sockaddr_in) -> Addr {
        let mut r = Addr::buffer();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in.
        unsafe { *(r.ptr_mut() as *mut libc::sockaddr_in) = a };
        r.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        r
    }
    fn from_v6(a: libc::sockaddr_in6) -> Addr {
        let mut r = Addr::buffer();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in6.
        unsafe { *(r.ptr_mut() as *mut libc::sockaddr_in6) = a };
        r.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        r
    }
    pub fn family(&self) -> i32 {
        self.st.ss_family as i32
    }
    pub fn as_v4(&self) -> libc::sockaddr_in {
        // SAFETY: the storage is large enough; the caller checked the family.
        unsafe { *(self.ptr() as *const libc::sockaddr_in) }
    }
    pub fn as_v6(&self) -> libc::sockaddr_in6 {
        // SAFETY: as above.
        unsafe { *(self.ptr() as *const libc::sockaddr_in6) }
    }
}

fn family_name(family: i32) -> &'static str {
    match family {
        libc::AF_INET => "AF_INET",
        libc::AF_INET6 => "AF_INET6",
        _ => "AF_UNIX",
    }
}

/// The host part of an address: str (IDNA-encoded when not ASCII), bytes or bytearray.
pub fn host_bytes(interp: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if s.is_ascii() {
            return Ok(s.as_bytes().to_vec());
        }
        let enc = interp.new_str("idna");
        let b = interp.call_method(v, "encode", &[enc])?;
        return Ok(pargs::bytes_of(&b).map(|b| b.to_vec()).unwrap_or_default());
    }
    if let Some(b) = pargs::bytes_of(v) {
        return Ok(b.to_vec());
    }
    if let Value::Obj(o) = v {
        if let Payload::ByteArray(_) = o.payload() {
            if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, v) {
                return Ok(b.into_owned());
            }
        }
    }
    Err(interp.type_error(format!(
        "str, bytes or bytearray expected, not {}",
        interp.type_name(v)
    )))
}

/// Resolves a host name to an address of `family` (AF_INET, AF_INET6 or AF_UNSPEC) with
/// port 0: CPython's `setipaddr`.
pub fn resolve(interp: &mut Interp, name: &[u8], family: i32) -> PyResult<Addr> {
    if name.is_empty() {
        // The wildcard address of the family.
        return Ok(if family == libc::AF_INET6 {
            // SAFETY: sockaddr_in6 is plain data.
            let mut a: libc::sockaddr_in6 = unsafe { zeroed() };
            a.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            Addr::from_v6(a)
        } else {
            v4(0)
        });
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(crate::posix::error::from_errno(
                interp,
                libc::EAFNOSUPPORT,
                None,
                None,
            ));
        }
        return Ok(v4(u32::MAX));
    }
    if let Ok(s) = std::str::from_utf8(name) {
        if family != libc::AF_INET6 {
            if let Ok(ip) = s.parse::<std::net::Ipv4Addr>() {
                return Ok(v4(u32::from(ip)));
            }
        }
        if family != libc::AF_INET {
            if let Ok(ip) = s.parse::<std::net::Ipv6Addr>() {
                // SAFETY: sockaddr_in6 is plain data.
                let mut a: libc::sockaddr_in6 = unsafe { zeroed() };
                a.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                a.sin6_addr.s6_addr = ip.octets();
                return Ok(Addr::from_v6(a));
            }
        }
    }
    let Ok(c) = CString::new(name) else {
        return Err(interp.value_error("embedded null character"));
    };
    let found = lookup(interp, &c, family)?;
    match found {
        Ok(a) => Ok(a),
        Err(code) => Err(super::gai_error(interp, code)),
    }
}

/// getaddrinfo(name, NULL, family) detached: the first address, or the error code.
fn lookup(interp: &mut Interp, c: &CString, family: i32) -> PyResult<Result<Addr, i32>> {
    let cp = c.as_ptr() as usize;
    let r = gilvm_vm::threads::detach(interp, move || {
        // SAFETY: addrinfo is plain data; zero is its "no hints" value.
        let mut hints: libc::addrinfo = unsafe { zeroed() };
        hints.ai_family = family;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        // SAFETY: `cp` is the NUL-terminated name, alive for the call; `res` receives a
        // list that we free below.
        let e = unsafe {
            libc::getaddrinfo(
                cp as *const libc::c_char,
                std::ptr::null(),
                &hints,
                &mut res,
            )
        };
        if e != 0 {
            return Err(e);
        }
        let mut out = Addr::buffer();
        // SAFETY: on success `res` is a non-empty list; its first entry's address has
        // `ai_addrlen` bytes, at most a sockaddr_storage.
        unsafe {
            let ai = &*res;
            let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.ptr_mut() as *mut u8, n);
            out.len = n as libc::socklen_t;
            libc::freeaddrinfo(res);
        }
        Ok(out)
    });
    Ok(r)
}

fn v4(ip: u32) -> Addr {
    // SAFETY: sockaddr_in is plain data.
    let mut a: libc::sockaddr_in = unsafe { zeroed() };
    a.sin_family = libc::AF_INET as libc::sa_family_t;
    a.sin_addr.s_addr = ip.to_be();
    Addr::from_v4(a)
}

fn port_arg(interp: &mut Interp, v: &Value, caller: &str) -> PyResult<u16> {
    if v.to_bigint().is_none() && !matches!(v, Value::Bool(_)) {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        )));
    }
    let p = interp.index_value(v).unwrap_or(-1);
    if !(0..=65535).contains(&p) {
        return Err(interp.overflow_error(format!("{caller}(): port must be 0-65535.")));
    }
    Ok(p as u16)
}

/// The address `v` for a socket of `family` (`caller` names the method in errors).
pub fn parse(interp: &mut Interp, family: i32, v: &Value, caller: &str) -> PyResult<Addr> {
    match family {
        libc::AF_UNIX => parse_unix(interp, v, caller),
        libc::AF_INET | libc::AF_INET6 => {
            let items = match v {
                Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)) => interp.collect(v)?,
                _ => {
                    return Err(interp.type_error(format!(
                        "{caller}(): {} address must be tuple, not {}",
                        family_name(family),
                        interp.type_name(v)
                    )))
                }
            };
            let (min, max) = if family == libc::AF_INET {
                (2, 2)
            } else {
                (2, 4)
            };
            if items.len() < min || items.len() > max {
                let msg = if family == libc::AF_INET {
                    format!("AF_INET address must be a pair (host, port)")
                } else {
                    format!("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
                };
                return Err(interp.type_error(msg));
            }
            let host = host_bytes(interp, &items[0])?;
            let port = port_arg(interp, &items[1], caller)?;
            let mut a = resolve(interp, &host, family)?;
            if family == libc::AF_INET {
                if a.family() != libc::AF_INET {
                    return Err(crate::posix::error::from_errno(
                        interp,
                        libc::EAFNOSUPPORT,
                        None,
                        None,
                    ));
                }
                let mut s = a.as_v4();
                s.sin_port = port.to_be();
                a = Addr::from_v4(s);
            } else {
                let flow = match items.get(2) {
                    Some(f) => interp.index_value(f)?,
                    None => 0,
                };
                if !(0..=0xfffff).contains(&flow) {
                    return Err(
                        interp.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                    );
                }
                let scope = match items.get(3) {
                    Some(f) => interp.index_value(f)?,
                    None => 0,
                };
                let mut s = if a.family() == libc::AF_INET6 {
                    a.as_v6()
                } else {
                    return Err(crate::posix::error::from_errno(
                        interp,
                        libc::EAFNOSUPPORT,
                        None,
                        None,
                    ));
                };
                s.sin6_port = port.to_be();
                s.sin6_flowinfo = (flow as u32).to_be();
                s.sin6_scope_id = scope as u32;
                a = Addr::from_v6(s);
            }
            Ok(a)
        }
        _ => Err(interp.err(
            &interp.g.exc.os_error.clone(),
            format!("{caller}(): bad family"),
        )),
    }
}

fn parse_unix(interp: &mut Interp, v: &Value, caller: &str) -> PyResult<Addr> {
    let path: Vec<u8> = if let Some(s) = v.as_str() {
        pargs::encode_str(interp, s)?
    } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, v) {
        b.into_owned()
    } else {
        match pargs::fspath_opt(interp, v)? {
            Some(p) => match p.as_str() {
                Some(s) => pargs::encode_str(interp, s)?,
                None => pargs::bytes_of(&p).map(|b| b.to_vec()).unwrap_or_default(),
            },
            None => {
                return Err(interp.type_error(format!(
                    "{caller}(): AF_UNIX address must be str or bytes, not {}",
                    interp.type_name(v)
                )))
            }
        }
    };
    // SAFETY: sockaddr_un is plain data.
    let mut a: libc::sockaddr_un = unsafe { zeroed() };
    if path.len() >= a.sun_path.len() + usize::from(path.first() == Some(&0)) {
        return Err(interp.err(&interp.g.exc.os_error.clone(), "AF_UNIX path too long"));
    }
    a.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, s) in a.sun_path.iter_mut().zip(&path) {
        *d = *s as libc::c_char;
    }
    let mut r = Addr::buffer();
    // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_un.
    unsafe { *(r.ptr_mut() as *mut libc::sockaddr_un) = a };
    let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
    // An abstract name is exactly its bytes; a path includes its terminating NUL.
    r.len = (base + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
    Ok(r)
}

/// The text of an IPv4 address in network order.
pub fn v4_text(a: &libc::in_addr) -> String {
    std::net::Ipv4Addr::from(u32::from_be(a.s_addr)).to_string()
}

/// The text of an IPv6 address, as inet_ntop(3) writes it.
pub fn v6_text(a: &libc::in6_addr) -> String {
    super::netdb::ntop(libc::AF_INET6, &a.s6_addr).unwrap_or_default()
}

/// The Python value of a socket address (None for an empty one): CPython's
/// `makesockaddr`.
pub fn to_value(interp: &mut Interp, a: &Addr) -> PyResult<Value> {
    if a.len == 0 {
        return Ok(Value::None);
    }
    match a.family() {
        libc::AF_INET => {
            let s = a.as_v4();
            let host = interp.new_str(v4_text(&s.sin_addr));
            Ok(interp.new_tuple(vec![host, Value::Int(u16::from_be(s.sin_port) as i64)]))
        }
        libc::AF_INET6 => {
            let s = a.as_v6();
            let host = interp.new_str(v6_text(&s.sin6_addr));
            Ok(interp.new_tuple(vec![
                host,
                Value::Int(u16::from_be(s.sin6_port) as i64),
                Value::Int(u32::from_be(s.sin6_flowinfo) as i64),
                Value::Int(s.sin6_scope_id as i64),
            ]))
        }
        libc::AF_UNIX => {
            let base = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = (a.len as usize).saturating_sub(base);
            // SAFETY: the storage holds a sockaddr_un (family checked).
            let un = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let raw: Vec<u8> = un.sun_path[..n.min(un.sun_path.len())]
                .iter()
                .map(|c| *c as u8)
                .collect();
            if raw.first() == Some(&0) {
                // Linux's abstract namespace: the bytes as they are.
                return Ok(pargs::new_bytes(interp, &raw));
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            Ok(pargs::decode_name(interp, &raw[..end]))
        }
        f => Ok(interp.new_tuple(vec![Value::Int(f as i64), pargs::new_bytes(interp, &[])])),
    }
}
