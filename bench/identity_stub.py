"""identity-service's API-token introspection for bench/gateway-overhead.sh: one live token of one merchant.

The gateway and orders-service each ask once and cache the answer for a minute, so identity is off the measured
path; a stand-in keeps the benchmark to two JVMs on a 2-core machine. Usage: identity_stub.py PORT TOKEN MERCHANT
"""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TOKEN, MERCHANT = int(sys.argv[1]), sys.argv[2], sys.argv[3]
TOKEN_ID = str(uuid.uuid4())


class Introspection(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.read_body() or b"{}")
        if self.path != "/internal/api-tokens/introspect":
            self.send_error(404)
            return
        live = body.get("token") == TOKEN
        answer = {"active": live, "merchant_id": MERCHANT if live else None, "token_id": TOKEN_ID if live else None}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":  # the JDK client streams bodies chunked
            return self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                self.rfile.readline()
                return body
            body += self.rfile.read(size)
            self.rfile.readline()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Introspection).serve_forever()
