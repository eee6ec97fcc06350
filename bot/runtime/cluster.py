"""`navigator cluster`: several app processes behind HAProxy, sharing the stores.

One process has one event loop, and the CPU part of every turn (NLU, policies, the
answer rules) runs on it, so one process uses about one core. More processes, on this
machine or others, share the work only if they share the conversation store and the
lock (`bot.runtime.lock_store`); HAProxy spreads requests over them and stops sending to a
process whose `/readyz` fails. This module starts that topology on loopback for
development and for `make bench-cluster`; docs/deployment.md describes it for real
machines.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from twilio.twiml.messaging_response import MessagingResponse

from bot.content import texts
from bot.guidance.help_line import help_line
from bot.infrastructure.config import Settings
from bot.infrastructure.process import terminate_with_parent
from bot.runtime.chat_service import outage_body

# HAProxy's wait for an app process's answer: above the longest turn, so the balancer
# never cuts a turn the app would still answer (the app's own limit applies first).
SERVER_TIMEOUT_SECONDS = 30


def haproxy_config(host: str, port: int, app_ports: list[int], outage: dict[str, Path]) -> str:
    """The least-busy process gets each request; health from /readyz every 2 s, with
    room for a process busy with turns to answer it (a short check timeout turned load
    into an outage); the client's address passed on in X-Forwarded-For (the apps are
    told to believe this proxy); and when no process can answer, the app's own outage
    answer naming the help line instead of HAProxy's bare page: JSON for the web, and
    for Twilio a TwiML apology (with a 200, or Twilio would not text it to the person).
    SMS and web go to the same processes through two backends only so that each has
    its own outage answer."""
    servers = "\n".join(
        f"    server app{i + 1} 127.0.0.1:{p} check" for i, p in enumerate(app_ports)
    )
    backend = f"""    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 2s fall 3 rise 2
{servers}"""
    return f"""global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 2s
    timeout client {SERVER_TIMEOUT_SECONDS}s
    timeout server {SERVER_TIMEOUT_SECONDS}s
    timeout http-request 10s
    timeout check 5s

frontend navigator
    bind {host}:{port}
    use_backend sms if {{ path_beg /sms/ }}
    default_backend web

backend web
    errorfile 503 {outage["web"]}
{backend}

backend sms
    errorfile 503 {outage["sms"]}
{backend}
"""


def outage_responses(settings: Settings) -> dict[str, bytes]:
    """Whole HTTP responses, as HAProxy's errorfile wants them: the web's 503 and the
    SMS apology in TwiML."""
    apology = MessagingResponse()
    apology.message(str(texts("sms.yml")["unavailable"]).format(help_line=help_line(settings).text))
    web = json.dumps(outage_body(settings))
    return {
        "web": _http("503 Service Unavailable", "application/json", web),
        "sms": _http("200 OK", "application/xml", str(apology)),
    }


def write_outage_files(settings: Settings, folder: Path) -> dict[str, Path]:
    """The outage responses as the files HAProxy's `errorfile` reads, by channel."""
    files = {}
    for channel, response in outage_responses(settings).items():
        files[channel] = folder / f"outage-{channel}.http"
        files[channel].write_bytes(response)
    return files


def _http(status: str, content_type: str, body_text: str) -> bytes:
    body = body_text.encode()
    head = (
        f"HTTP/1.1 {status}\r\n"
        f"Content-Type: {content_type}\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def haproxy_binary() -> str:
    for candidate in ("/usr/sbin/haproxy", "/usr/bin/haproxy"):
        if Path(candidate).is_file():
            return candidate
    raise FileNotFoundError("haproxy is not installed (make cluster installs it)")


@dataclass
class Cluster:
    """N `navigator run` processes on the ports after the balancer's, and HAProxy."""

    settings: Settings
    processes: int
    folder: Path
    children: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def app_ports(self) -> list[int]:
        return [self.settings.port + 1 + i for i in range(self.processes)]

    @property
    def base(self) -> str:
        return f"http://{self.settings.host}:{self.settings.port}"

    def start(self, log: Path | None = None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        navigator = str(Path(sys.executable).with_name("navigator"))
        output = open(log, "ab") if log else None  # noqa: SIM115 (lives as long as the children)
        for port in self.app_ports:
            env = {
                **os.environ,
                "PORT": str(port),
                "HOST": "127.0.0.1",
                "FORWARDED_ALLOW_IPS": "127.0.0.1",
            }
            self.children.append(
                subprocess.Popen(
                    [navigator, "run", "--skip-bootstrap"],
                    env=env,
                    stdout=output,
                    stderr=output,
                    start_new_session=True,
                )
            )
        outage = write_outage_files(self.settings, self.folder)
        config = self.folder / "haproxy.cfg"
        config.write_text(
            haproxy_config(self.settings.host, self.settings.port, self.app_ports, outage)
        )
        self.children.append(
            subprocess.Popen(
                [haproxy_binary(), "-f", str(config), "-db"],
                stdout=output,
                stderr=output,
                start_new_session=True,
                # The app processes do this themselves (`navigator run`); HAProxy cannot.
                preexec_fn=terminate_with_parent,
            )
        )

    def wait_ready(self, seconds: float = 240) -> None:
        """Until every app process says ready and the balancer answers."""
        deadline = time.monotonic() + seconds
        pending = [f"http://127.0.0.1:{p}/readyz" for p in self.app_ports]
        pending.append(f"{self.base}/readyz")
        while pending:
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready: {pending}")
            for child in self.children:
                if child.poll() is not None:
                    raise RuntimeError(f"a cluster process exited with {child.returncode}")
            try:
                if httpx.get(pending[0], timeout=2).status_code == 200:
                    pending.pop(0)
                    continue
            except httpx.TransportError:
                pass
            time.sleep(0.2)

    def stop(self) -> None:
        for child in self.children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        for child in self.children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()

    def serve(self, announce: Callable[[], None]) -> int:
        """Starts everything and runs until a child exits, Ctrl-C or SIGTERM; then
        stops every child (they run in their own sessions, so a signal to this process
        alone reaches none of them)."""
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            self.start()
            self.wait_ready()
            announce()
            while all(child.poll() is None for child in self.children):
                time.sleep(0.5)
        except KeyboardInterrupt:
            return 0
        finally:
            self.stop()
        return max(abs(child.returncode or 0) for child in self.children)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
