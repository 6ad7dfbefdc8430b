"""A minimal Language Server Protocol client for yaml-language-server: opens YAML files as an editor would,
and collects the diagnostics the server publishes for each."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from .conftest import ROOT

#: Where `make node-deps` installs the pinned yaml-language-server.
SERVER = ROOT / ".venv" / "node" / "node_modules" / ".bin" / "yaml-language-server"

SETTINGS = {
    "yaml": {
        "validate": True,
        "yamlVersion": "1.2",
        "schemaStore": {"enable": False},
        "format": {"enable": False},
        "hover": False,
        "completion": False,
        "customTags": [],
    }
}


class YamlLanguageServer:
    """yaml-language-server over stdio; start it with ``with YamlLanguageServer() as server: ...``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.process = subprocess.Popen(
            [os.fspath(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.version = 0
        threading.Thread(target=self._read, daemon=True).start()

    def __enter__(self) -> YamlLanguageServer:
        uri = self.root.as_uri()
        capabilities = {"textDocument": {"publishDiagnostics": {}}, "workspace": {"configuration": True}}
        self.request("initialize", {"processId": os.getpid(), "rootUri": uri, "capabilities": capabilities})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        finally:
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in {b"\r\n", b"\n"}:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # a request from the server: answer it
                result: Any = None
                if message["method"] == "workspace/configuration":
                    result = [
                        SETTINGS.get(item.get("section", "yaml"), SETTINGS["yaml"])
                        for item in message["params"]["items"]
                    ]
                self._send({"id": message["id"], "result": result})
                continue
            self.messages.put(message)

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=timeout)
            if message.get("id") == self.next_id:
                return message.get("result")

    def diagnostics(self, paths: list[Path], timeout: float = 120) -> dict[Path, list[dict[str, Any]]]:
        """Open every file of ``paths`` at once, as an editor restoring its tabs would, and return what the server
        reports about each (then close them). Each path must be new to the server: it caches by address."""
        by_uri = {path.as_uri(): path for path in paths}
        for uri, path in by_uri.items():
            self.version += 1
            document = {"uri": uri, "languageId": "yaml", "version": self.version, "text": path.read_text("utf-8")}
            self.notify("textDocument/didOpen", {"textDocument": document})
        found: dict[Path, list[dict[str, Any]]] = {}
        try:
            while len(found) < len(by_uri):
                message = self.messages.get(timeout=timeout)
                if message.get("method") == "textDocument/publishDiagnostics":
                    uri = message["params"]["uri"]
                    if uri in by_uri:
                        found[by_uri[uri]] = message["params"]["diagnostics"]
        finally:
            for uri in by_uri:
                self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return found


def errors(diagnostics: list[dict[str, Any]]) -> list[str]:
    """The errors among ``diagnostics`` as ``line: message`` (1-based lines, as the project's messages)."""
    return [f"{d['range']['start']['line'] + 1}: {d['message']}" for d in diagnostics if d.get("severity", 1) == 1]
