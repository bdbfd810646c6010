# A local HTTP round trip: http.server in a thread, urllib.request and
# http.client as clients; socketserver with a TCP echo handler.
import http.client
import http.server
import socketserver
import threading
import urllib.request
import urllib.error
import json


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404, "Nothing here")
            return
        body = json.dumps({"path": self.path, "method": "GET"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        data = self.rfile.read(n)
        body = data[::-1]
        self.send_response(201)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
base = f"http://127.0.0.1:{port}"

with urllib.request.urlopen(base + "/hello?x=1") as r:
    print(r.status, r.headers["Content-Type"], json.loads(r.read()))

req = urllib.request.Request(base + "/post", data=b"reversed body", method="POST")
with urllib.request.urlopen(req) as r:
    print(r.status, r.read())

try:
    urllib.request.urlopen(base + "/missing")
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason)

conn = http.client.HTTPConnection("127.0.0.1", port)
for path in ["/a", "/b"]:
    conn.request("GET", path)
    resp = conn.getresponse()
    print(resp.status, resp.reason, resp.read())
conn.close()

server.shutdown()
server.server_close()
t.join()


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(b"echo " + line)


with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo) as srv:
    th = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    th.start()
    import socket
    with socket.create_connection(srv.server_address) as c:
        f = c.makefile("rwb")
        for w in [b"one\n", b"two\n"]:
            f.write(w)
            f.flush()
            print(f.readline())
        f.close()
    srv.shutdown()
    th.join()
print("done")
