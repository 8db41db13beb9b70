#!/usr/bin/env python3
"""An OpenAI-style streaming server with known delays, to check `llmcourse loadtest` itself.

    python3 Scripts/loadtest/known_delay_server.py 18431 30 10     # port, TTFT ms, TPOT ms
    llmcourse loadtest http://127.0.0.1:18431 -c 4 -n 40 --max-tokens 32

Every completion waits TTFT ms, then streams max_tokens chunks TPOT ms apart (chunked SSE,
one token per chunk, then a usage chunk and data: [DONE]). The report should show TTFT a
little above the first number and TPOT a little above the second (Python's sleep and
scheduling add a fraction of a millisecond). Standard library only.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TTFT, TPOT = int(sys.argv[1]), float(sys.argv[2]) / 1000, float(sys.argv[3]) / 1000


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = json.dumps({"object": "list", "data": [{"id": "known-delay", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        n = int(request.get("max_tokens", 16))
        chat = self.path.endswith("/chat/completions")
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def event(payload):
            data = ("data: " + (payload if isinstance(payload, str) else json.dumps(payload)) + "\n\n").encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        time.sleep(TTFT)
        for i in range(n):
            if i:
                time.sleep(TPOT)
            text = " w%d" % i
            event({"choices": [{"index": 0, "delta": {"content": text}} if chat else {"index": 0, "text": text}]})
        event({"choices": [], "usage": {"completion_tokens": n}})
        event("[DONE]")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 makes concurrent connects wait for SYN retries


Server(("127.0.0.1", PORT), Handler).serve_forever()
