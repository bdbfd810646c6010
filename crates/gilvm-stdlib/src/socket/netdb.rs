//! Name resolution and address conversions of `_socket`: `getaddrinfo`, `getnameinfo`,
//! `gethostname`, `gethostbyname(_ex)`, `gethostbyaddr`, `getservbyname`/`port`,
//! `getprotobyname`, `inet_aton`/`ntoa`/`pton`/`ntop`, the byte-order functions and the
//! interface-name functions. Lookups that may block (DNS) run detached. The services
//! and protocols databases are read with the non-reentrant libc calls under one
//! process-wide mutex.
use std::ffi::{CStr, CString};
use std::mem::zeroed;
use std::sync::Mutex;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::addr::{self, Addr};
use crate::posix::args as pargs;
use crate::posix::error;

static NETDB: Mutex<()> = Mutex::new(());

extern "C" {
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

/// inet_ntop(3) of the packed address `b` (4 or 16 bytes for `af`).
pub fn ntop(af: i32, b: &[u8]) -> Option<String> {
    let mut out = [0 as libc::c_char; 64];
    // SAFETY: `b` holds an address of the family's size (checked by callers) and `out`
    // is writable for its length.
    let r = unsafe {
        inet_ntop(
            af,
            b.as_ptr() as *const libc::c_void,
            out.as_mut_ptr(),
            out.len() as libc::socklen_t,
        )
    };
    if r.is_null() {
        return None;
    }
    // SAFETY: on success `out` holds a NUL-terminated string.
    Some(
        unsafe { CStr::from_ptr(out.as_ptr()) }
            .to_string_lossy()
            .into_owned(),
    )
}

fn c_string(interp: &Interp, b: Vec<u8>) -> PyResult<CString> {
    CString::new(b).map_err(|_| interp.value_error("embedded null character"))
}

/// The addrinfo list of getaddrinfo(3), copied out: (family, type, proto, canonname,
/// address).
type AiList = Vec<(i32, i32, i32, Option<String>, Addr)>;

fn run_getaddrinfo(
    interp: &mut Interp,
    host: Option<CString>,
    port: Option<CString>,
    hints: (i32, i32, i32, i32),
) -> PyResult<AiList> {
    let r = gilvm_vm::threads::detach(interp, move || {
        // SAFETY: addrinfo is plain data.
        let mut h: libc::addrinfo = unsafe { zeroed() };
        h.ai_family = hints.0;
        h.ai_socktype = hints.1;
        h.ai_protocol = hints.2;
        h.ai_flags = hints.3;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let hp = host.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        let pp = port.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        // SAFETY: the strings live for the call; `res` receives a list freed below.
        let e = unsafe { libc::getaddrinfo(hp, pp, &h, &mut res) };
        if e != 0 {
            return Err((e, error::last_errno()));
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: `p` walks the list getaddrinfo returned.
            let ai = unsafe { &*p };
            let mut a = Addr::buffer();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            // SAFETY: the entry's address has `ai_addrlen` bytes.
            unsafe {
                std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, a.ptr_mut() as *mut u8, n)
            };
            a.len = n as libc::socklen_t;
            let canon = (!ai.ai_canonname.is_null()).then(|| {
                // SAFETY: a NUL-terminated name from the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }
                    .to_string_lossy()
                    .into_owned()
            });
            out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, a));
            p = ai.ai_next;
        }
        // SAFETY: the list from getaddrinfo, freed once.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    });
    match r {
        Ok(v) => Ok(v),
        Err((libc::EAI_SYSTEM, e)) => Err(error::from_errno(interp, e, None, None)),
        Err((e, _)) => Err(super::gai_error(interp, e)),
    }
}

fn getaddrinfo(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = gilvm_vm::modules::util::bind(
        interp,
        &args,
        "getaddrinfo",
        &["host", "port", "family", "type", "proto", "flags"],
        2,
    )?;
    let host = a[0].clone().unwrap();
    let host = if host.is_none() {
        None
    } else if host.as_str().is_some() || pargs::bytes_of(&host).is_some() {
        let b = addr::host_bytes(interp, &host)?;
        Some(c_string(interp, b)?)
    } else {
        return Err(interp.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = a[1].clone().unwrap();
    let port = if port.is_none() {
        None
    } else if let Some(s) = port.as_str() {
        Some(c_string(interp, s.as_bytes().to_vec())?)
    } else if let Some(b) = pargs::bytes_of(&port) {
        Some(c_string(interp, b.to_vec())?)
    } else if port.to_bigint().is_some() && !matches!(port, Value::Bool(_)) {
        let n = interp.index_value(&port)?;
        Some(c_string(interp, n.to_string().into_bytes())?)
    } else {
        return Err(interp.err(&interp.g.exc.os_error.clone(), "Int or String expected"));
    };
    let mut h = [0i32; 4];
    for (i, v) in a[2..].iter().enumerate() {
        if let Some(v) = v {
            h[i] = pargs::int(interp, v)?;
        }
    }
    let list = run_getaddrinfo(interp, host, port, (h[0], h[1], h[2], h[3]))?;
    let mut out = Vec::with_capacity(list.len());
    for (fam, ty, proto, canon, ad) in list {
        let sa = addr::to_value(interp, &ad)?;
        let canon = interp.new_str(canon.unwrap_or_default());
        out.push(interp.new_tuple(vec![
            Value::Int(fam as i64),
            Value::Int(ty as i64),
            Value::Int(proto as i64),
            canon,
            sa,
        ]));
    }
    Ok(interp.new_list(out))
}

fn getnameinfo(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getnameinfo", 2, 2)?;
    let flags = pargs::int(interp, &a[1])?;
    let items = match &a[0] {
        Value::Obj(o) if matches!(o.payload(), gilvm_object::Payload::Tuple(_)) => {
            interp.collect(&a[0])?
        }
        _ => {
            return Err(interp.type_error("getnameinfo() argument 1 must be a tuple"));
        }
    };
    if items.len() < 2 || items.len() > 4 {
        return Err(interp.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = addr::host_bytes(interp, &items[0])?;
    let port = interp.index_value(&items[1])?;
    let flow = match items.get(2) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    if !(0..=0xfffff).contains(&flow) {
        return Err(interp.overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let scope = match items.get(3) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let hc = c_string(interp, host)?;
    let pc = c_string(interp, port.to_string().into_bytes())?;
    let list = run_getaddrinfo(
        interp,
        Some(hc),
        Some(pc),
        (libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST),
    )?;
    if list.len() != 1 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "sockaddr resolved to multiple addresses",
        ));
    }
    let mut ad = list[0].4;
    match ad.family() {
        libc::AF_INET => {
            if items.len() != 2 {
                return Err(interp.err(
                    &interp.g.exc.os_error.clone(),
                    "IPv4 sockaddr must be 2 tuple",
                ));
            }
        }
        libc::AF_INET6 => {
            let mut s = ad.as_v6();
            s.sin6_flowinfo = (flow as u32).to_be();
            s.sin6_scope_id = scope as u32;
            // SAFETY: the storage holds a sockaddr_in6.
            unsafe { *(ad.ptr_mut() as *mut libc::sockaddr_in6) = s };
        }
        _ => {}
    }
    let r = gilvm_vm::threads::detach(interp, move || {
        let mut h = [0 as libc::c_char; 1025];
        let mut sv = [0 as libc::c_char; 32];
        // SAFETY: the buffers are writable for their lengths; `ad` is a valid address.
        let e = unsafe {
            libc::getnameinfo(
                ad.ptr(),
                ad.len,
                h.as_mut_ptr(),
                h.len() as libc::socklen_t,
                sv.as_mut_ptr(),
                sv.len() as libc::socklen_t,
                flags,
            )
        };
        if e != 0 {
            return Err(e);
        }
        // SAFETY: getnameinfo wrote NUL-terminated strings.
        let (h, sv) = unsafe {
            (
                CStr::from_ptr(h.as_ptr()).to_string_lossy().into_owned(),
                CStr::from_ptr(sv.as_ptr()).to_string_lossy().into_owned(),
            )
        };
        Ok((h, sv))
    });
    match r {
        Ok((h, sv)) => {
            let h = interp.new_str(h);
            let sv = interp.new_str(sv);
            Ok(interp.new_tuple(vec![h, sv]))
        }
        Err(e) => Err(super::gai_error(interp, e)),
    }
}

fn gethostname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "gethostname", 0, 0)?;
    let mut b = [0 as libc::c_char; 1024];
    // SAFETY: `b` is writable for its length.
    if unsafe { libc::gethostname(b.as_mut_ptr(), b.len() - 1) } < 0 {
        return Err(error::last(interp, None));
    }
    // SAFETY: NUL-terminated (the last byte stays 0).
    let s = unsafe { CStr::from_ptr(b.as_ptr()) };
    Ok(pargs::decode_name(interp, s.to_bytes()))
}

fn name_arg(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<Vec<u8>> {
    let a = args.exact(interp, fname, 1, 1)?;
    addr::host_bytes(interp, &a[0])
}

fn gethostbyname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "gethostbyname")?;
    let ad = addr::resolve(interp, &name, libc::AF_INET)?;
    Ok(interp.new_str(addr::v4_text(&ad.as_v4().sin_addr)))
}

fn gethostbyname_ex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "gethostbyname_ex")?;
    let c = c_string(interp, name.clone())?;
    let list = run_getaddrinfo(
        interp,
        Some(c),
        None,
        (libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME),
    )?;
    let canon = list
        .iter()
        .find_map(|e| e.3.clone())
        .unwrap_or_else(|| String::from_utf8_lossy(&name).into_owned());
    let mut addrs: Vec<String> = Vec::new();
    for e in &list {
        let t = addr::v4_text(&e.4.as_v4().sin_addr);
        if !addrs.contains(&t) {
            addrs.push(t);
        }
    }
    let canon = interp.new_str(canon);
    let aliases = interp.new_list(vec![]);
    let addrs = addrs.into_iter().map(|a| interp.new_str(a)).collect();
    let addrs = interp.new_list(addrs);
    Ok(interp.new_tuple(vec![canon, aliases, addrs]))
}

fn gethostbyaddr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "gethostbyaddr")?;
    let ad = addr::resolve(interp, &name, libc::AF_UNSPEC)?;
    let ip = match ad.family() {
        libc::AF_INET6 => addr::v6_text(&ad.as_v6().sin6_addr),
        _ => addr::v4_text(&ad.as_v4().sin_addr),
    };
    let r = gilvm_vm::threads::detach(interp, move || {
        let mut h = [0 as libc::c_char; 1025];
        // SAFETY: `h` is writable for its length; `ad` is a valid address.
        let e = unsafe {
            libc::getnameinfo(
                ad.ptr(),
                ad.len,
                h.as_mut_ptr(),
                h.len() as libc::socklen_t,
                std::ptr::null_mut(),
                0,
                libc::NI_NAMEREQD,
            )
        };
        if e != 0 {
            return None;
        }
        // SAFETY: NUL-terminated.
        Some(
            unsafe { CStr::from_ptr(h.as_ptr()) }
                .to_string_lossy()
                .into_owned(),
        )
    });
    let Some(host) = r else {
        return Err(super::h_error(interp, 1, "Unknown host"));
    };
    let host = interp.new_str(host);
    let aliases = interp.new_list(vec![]);
    let ip = interp.new_str(ip);
    let addrs = interp.new_list(vec![ip]);
    Ok(interp.new_tuple(vec![host, aliases, addrs]))
}

fn opt_str(interp: &mut Interp, v: Option<&Value>, what: &str) -> PyResult<Option<CString>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(c_string(interp, s.as_bytes().to_vec())?)),
            None => {
                Err(interp.type_error(format!("{what} must be str, not {}", interp.type_name(v))))
            }
        },
    }
}

fn getservbyname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getservbyname", 1, 2)?;
    let name = opt_str(interp, a.first(), "getservbyname() argument 1")?.unwrap();
    let proto = opt_str(interp, a.get(1), "getservbyname() argument 2")?;
    let port = {
        let _g = NETDB.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the strings are NUL-terminated; the static result is read under the
        // mutex, before any other netdb call.
        unsafe {
            let p = libc::getservbyname(
                name.as_ptr(),
                proto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            );
            (!p.is_null()).then(|| u16::from_be((*p).s_port as u16))
        }
    };
    match port {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(interp.err(&interp.g.exc.os_error.clone(), "service/proto not found")),
    }
}

fn getservbyport(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getservbyport", 1, 2)?;
    let port = pargs::int(interp, &a[0])?;
    if !(0..=65535).contains(&port) {
        return Err(interp.overflow_error("getservbyport: port must be 0-65535."));
    }
    let proto = opt_str(interp, a.get(1), "getservbyport() argument 2")?;
    let name = {
        let _g = NETDB.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: as in getservbyname.
        unsafe {
            let p = libc::getservbyport(
                (port as u16).to_be() as i32,
                proto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            );
            (!p.is_null()).then(|| CStr::from_ptr((*p).s_name).to_string_lossy().into_owned())
        }
    };
    match name {
        Some(n) => Ok(interp.new_str(n)),
        None => Err(interp.err(&interp.g.exc.os_error.clone(), "port/proto not found")),
    }
}

fn getprotobyname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getprotobyname", 1, 1)?;
    let name = opt_str(interp, a.first(), "getprotobyname() argument")?.unwrap();
    let num = {
        let _g = NETDB.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: as in getservbyname.
        unsafe {
            let p = libc::getprotobyname(name.as_ptr());
            (!p.is_null()).then(|| (*p).p_proto)
        }
    };
    match num {
        Some(n) => Ok(Value::Int(n as i64)),
        None => Err(interp.err(&interp.g.exc.os_error.clone(), "protocol not found")),
    }
}

fn py_inet_aton(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "inet_aton", 1, 1)?;
    let Some(s) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let c = c_string(interp, s.as_bytes().to_vec())?;
    // SAFETY: in_addr is plain data.
    let mut out: libc::in_addr = unsafe { zeroed() };
    // SAFETY: `c` is NUL-terminated and `out` writable.
    if unsafe { inet_aton(c.as_ptr(), &mut out) } == 0 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "illegal IP address string passed to inet_aton",
        ));
    }
    Ok(pargs::new_bytes(interp, &out.s_addr.to_ne_bytes()))
}

fn py_inet_ntoa(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "inet_ntoa", 1, 1)?;
    let b = crate::common::buffer_arg(interp, &a[0])?;
    if b.len() != 4 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "packed IP wrong length for inet_ntoa",
        ));
    }
    Ok(interp.new_str(format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])))
}

fn py_inet_pton(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "inet_pton", 2, 2)?;
    let af = pargs::int(interp, &a[0])?;
    let Some(s) = a[1].as_str() else {
        return Err(interp.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    let c = c_string(interp, s.as_bytes().to_vec())?;
    let mut out = [0u8; 16];
    // SAFETY: `out` has room for either family's address.
    let r = unsafe { inet_pton(af, c.as_ptr(), out.as_mut_ptr() as *mut libc::c_void) };
    match r {
        1 => {
            let n = if af == libc::AF_INET { 4 } else { 16 };
            Ok(pargs::new_bytes(interp, &out[..n]))
        }
        0 => Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "illegal IP address string passed to inet_pton",
        )),
        _ => Err(error::last(interp, None)),
    }
}

fn py_inet_ntop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "inet_ntop", 2, 2)?;
    let af = pargs::int(interp, &a[0])?;
    let b = crate::common::buffer_arg(interp, &a[1])?.into_owned();
    let want = match af {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(interp.value_error(format!("unknown address family {af}"))),
    };
    if b.len() != want {
        return Err(interp.value_error("invalid length of packed IP address string"));
    }
    match ntop(af, &b) {
        Some(s) => Ok(interp.new_str(s)),
        None => Err(error::last(interp, None)),
    }
}

fn unsigned_arg(interp: &mut Interp, v: &Value, fname: &str, bits: u32) -> PyResult<u64> {
    let Some(b) = crate::common::int_arg(interp, v)? else {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        )));
    };
    use num_traits::{Signed, ToPrimitive};
    if b.is_negative() {
        return Err(interp.overflow_error(if bits == 16 {
            format!("{fname}: can't convert negative Python int to C 16-bit unsigned integer")
        } else {
            "can't convert negative value to unsigned int".to_string()
        }));
    }
    match b.to_u64().filter(|x| bits == 64 || *x < (1u64 << bits)) {
        Some(x) => Ok(x),
        None => Err(interp.overflow_error(if bits == 16 {
            format!("{fname}: Python int too large to convert to C 16-bit unsigned integer")
        } else {
            "int larger than 32 bits".to_string()
        })),
    }
}

fn htons(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "htons", 1, 1)?;
    let x = unsigned_arg(interp, &a[0], "htons", 16)? as u16;
    Ok(Value::Int(x.to_be() as i64))
}

fn ntohs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "ntohs", 1, 1)?;
    let x = unsigned_arg(interp, &a[0], "ntohs", 16)? as u16;
    Ok(Value::Int(u16::from_be(x) as i64))
}

fn htonl(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "htonl", 1, 1)?;
    let x = unsigned_arg(interp, &a[0], "htonl", 32)? as u32;
    Ok(Value::Int(x.to_be() as i64))
}

fn ntohl(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "ntohl", 1, 1)?;
    let x = unsigned_arg(interp, &a[0], "ntohl", 32)? as u32;
    Ok(Value::Int(u32::from_be(x) as i64))
}

fn if_nameindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "if_nameindex", 0, 0)?;
    // SAFETY: if_nameindex returns an array ended by a zero entry, freed below.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(error::last(interp, None));
    }
    let mut out = Vec::new();
    let mut p = list;
    // SAFETY: walks the array up to its terminating entry.
    unsafe {
        while (*p).if_index != 0 && !(*p).if_name.is_null() {
            let n = CStr::from_ptr((*p).if_name).to_bytes().to_vec();
            out.push((((*p).if_index) as i64, n));
            p = p.add(1);
        }
        libc::if_freenameindex(list);
    }
    let items = out
        .into_iter()
        .map(|(i, n)| {
            let n = pargs::decode_name(interp, &n);
            interp.new_tuple(vec![Value::Int(i), n])
        })
        .collect();
    Ok(interp.new_list(items))
}

fn if_nametoindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "if_nametoindex", 1, 1)?;
    let n = match a[0].as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => match pargs::bytes_of(&a[0]) {
            Some(b) => b.to_vec(),
            None => {
                return Err(interp.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    interp.type_name(&a[0])
                )))
            }
        },
    };
    let c = c_string(interp, n)?;
    // SAFETY: NUL-terminated name.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "no interface with this name",
        ));
    }
    Ok(Value::Int(i as i64))
}

fn if_indextoname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "if_indextoname", 1, 1)?;
    let i = unsigned_arg(interp, &a[0], "if_indextoname", 32)? as u32;
    let mut b = [0 as libc::c_char; libc::IF_NAMESIZE + 1];
    // SAFETY: `b` has room for IF_NAMESIZE bytes.
    let r = unsafe { libc::if_indextoname(i, b.as_mut_ptr()) };
    if r.is_null() {
        return Err(error::last(interp, None));
    }
    // SAFETY: NUL-terminated name.
    let s = unsafe { CStr::from_ptr(b.as_ptr()) };
    Ok(pargs::decode_name(interp, s.to_bytes()))
}

pub fn init(interp: &mut Interp, m: &ObjRef) {
    let fns: &[(&'static str, gilvm_vm::interp::NativeFn)] = &[
        ("getaddrinfo", getaddrinfo),
        ("getnameinfo", getnameinfo),
        ("gethostname", gethostname),
        ("gethostbyname", gethostbyname),
        ("gethostbyname_ex", gethostbyname_ex),
        ("gethostbyaddr", gethostbyaddr),
        ("getservbyname", getservbyname),
        ("getservbyport", getservbyport),
        ("getprotobyname", getprotobyname),
        ("inet_aton", py_inet_aton),
        ("inet_ntoa", py_inet_ntoa),
        ("inet_pton", py_inet_pton),
        ("inet_ntop", py_inet_ntop),
        ("htons", htons),
        ("ntohs", ntohs),
        ("htonl", htonl),
        ("ntohl", ntohl),
        ("if_nameindex", if_nameindex),
        ("if_nametoindex", if_nametoindex),
        ("if_indextoname", if_indextoname),
    ];
    for (n, f) in fns {
        interp.add_function(m, n, *f);
    }
}
