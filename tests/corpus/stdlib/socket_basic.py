# _socket and socket: stream and datagram sockets over loopback and AF_UNIX,
# socketpair, timeouts, options, addresses, fd passing with SCM_RIGHTS.
import os
import socket
import array
import threading

print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM))
print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.has_ipv6)

# A TCP echo over loopback, with a server thread.
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0)
print(srv.family, srv.type, srv.proto, srv.gettimeout(), srv.getblocking())

peer = []

def serve():
    conn, addr = srv.accept()
    with conn:
        peer.append(addr[0])
        data = b""
        while True:
            chunk = conn.recv(7)
            if not chunk:
                break
            data += chunk
        conn.sendall(data.upper())

t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", port))
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(c.getpeername() == ("127.0.0.1", port))
c.sendall(b"hello over tcp, a bit longer than one chunk")
c.shutdown(socket.SHUT_WR)
buf = bytearray(100)
n = c.recv_into(buf)
got = bytes(buf[:n])
while True:
    more = c.recv(100)
    if not more:
        break
    got += more
print(got)
c.close()
t.join()
print("server: peer host", peer)
srv.close()
print(srv.fileno(), repr(srv)[:30])
try:
    srv.getsockname()
except OSError as e:
    print("closed:", e.errno)

# socketpair, makefile, timeouts.
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.sendall(b"line one\nline two\n")
f = b.makefile("rb")
print(f.readline(), f.readline())
f.close()
b.settimeout(0.05)
print(b.gettimeout(), b.timeout)
try:
    b.recv(10)
except TimeoutError as e:
    print("timeout:", e)
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print("would block", type(e).__name__)
b.setblocking(True)
print(b.gettimeout())

# Datagrams.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u2.sendto(b"into", u1.getsockname())
buf = bytearray(10)
n, addr = u1.recvfrom_into(buf)
print(n, bytes(buf[:n]))
u1.close(); u2.close()

# AF_UNIX with a path, and descriptor passing.
import tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, "sock")
us = socket.socket(socket.AF_UNIX)
us.bind(path)
us.listen(1)
print(us.getsockname() == path)
uc = socket.socket(socket.AF_UNIX)
uc.connect(path)
conn, _ = us.accept()
r, w = os.pipe()
socket.send_fds(uc, [b"fds"], [r])
msg, fds, flags, addr = socket.recv_fds(conn, 10, 1)
print(msg, len(fds), flags)
os.write(w, b"through the passed fd")
print(os.read(fds[0], 100))
for fd in (r, w, fds[0]):
    os.close(fd)
conn.close(); uc.close(); us.close()
os.unlink(path)
os.rmdir(d)

# Errors.
s = socket.socket()
for bad in ["str", ("127.0.0.1", 70000), (1, 2)]:
    try:
        s.connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    s.settimeout(-1)
except ValueError as e:
    print(e)
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free = probe.getsockname()[1]
probe.close()
print(s.connect_ex(("127.0.0.1", free)) == 111 or "refused")
try:
    socket.socket().connect(("127.0.0.1", free))
except ConnectionRefusedError as e:
    print("refused", e.errno)
s.close()
try:
    socket.getaddrinfo("name.invalid", 80)
except socket.gaierror as e:
    print("gaierror", e.errno < 0)

# Conversions and lookups.
print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET6, b"\x20\x01\x0d\xb8" + bytes(11) + b"\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.getservbyname("http", "tcp"), socket.getservbyport(80, "tcp"))
print(socket.getprotobyname("tcp"))
infos = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
print(infos)
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(isinstance(socket.gethostname(), str))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4))

# select.epoll and the default selector.
import select
import selectors
print(type(selectors.DefaultSelector()).__name__)
a, b = socket.socketpair()
ep = select.epoll()
ep.register(a.fileno(), select.EPOLLIN)
print(ep.poll(0))
b.send(b"x")
print(ep.poll(1) == [(a.fileno(), select.EPOLLIN)])
ep.modify(a, select.EPOLLOUT)
print(len(ep.poll(0.1)))
ep.unregister(a)
try:
    ep.unregister(a)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    ep.poll(1, 0)
except ValueError as e:
    print(e)
print(ep.closed)
ep.close()
print(ep.closed)
try:
    ep.fileno()
except ValueError as e:
    print(e)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ, "data")
print([(k.data, ev) for k, ev in sel.select(0.5)])
sel.close()
a.close()
b.close()
