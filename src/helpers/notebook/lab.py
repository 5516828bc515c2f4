"""`make lab`: JupyterLab on the project, quiet, as root or as a user, with or without a browser.

It prints one line (the address, with its token, and how to stop it) once the server answers, and
nothing else: the server's own log goes to `.cache/lab.log`. JupyterLab opens on `scratch/`, a
git-ignored folder beside `notebooks/` where new notebooks belong (nbval and the build take only the
catalogued notebooks, `helpers.params.catalogue`). Kernels talk over local IPC sockets, not TCP, so
ipykernel's warning about unencrypted TCP does not arise. The project's JupyterLab settings (no news
pop-up, no update check) are written to the environment's `overrides.json` at each start.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..core import paths

SCRATCH = paths.ROOT / "scratch"
LOG = paths.ROOT / ".cache" / "lab.log"
#: JupyterLab settings for everyone who opens the project: no news pop-up, no check for updates.
SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_settings(prefix: str = sys.prefix) -> Path:
    """Write SETTINGS to JupyterLab's overrides.json in the environment (`.venv`); return its path."""
    path = Path(prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(SETTINGS, indent=2) + "\n", encoding="utf-8")
    return path


def command(port: int, token: str, sockets: Path) -> list[str]:
    """The `jupyter lab` command line: no browser, root allowed, kernels over IPC sockets in `sockets`,
    the project's kernel the default (so the launcher offers it first)."""
    return [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
            f"--ServerApp.port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}", "--ServerApp.allow_root=True",
            f"--ServerApp.root_dir={paths.ROOT}", "--LabApp.default_url=/lab/tree/scratch",
            "--KernelManager.transport=ipc", f"--KernelManager.ip={sockets / 'kernel'}",
            "--MappingKernelManager.default_kernel_name=blackwork"]


def answers(url: str, token: str) -> bool:
    """Whether the server at `url` answers its status API."""
    request = urllib.request.Request(f"{url}/api/status", headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=2) as reply:
            return reply.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and its kernels: SIGTERM to its process group, SIGKILL after 10 s."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _last_line(path: Path) -> str:
    lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def main(port: int | None = None) -> int:
    """Run JupyterLab until Ctrl-C (or SIGTERM); 0 when stopped so, 1 if it could not start or died."""
    SCRATCH.mkdir(exist_ok=True)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    write_settings()
    token, port = secrets.token_hex(16), port or free_port()
    url = f"http://127.0.0.1:{port}"

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    with tempfile.TemporaryDirectory(prefix="blackwork-lab-") as sockets, open(LOG, "w", encoding="utf-8") as log:
        server = subprocess.Popen(command(port, token, Path(sockets)), stdin=subprocess.DEVNULL, stdout=log,
                                  stderr=subprocess.STDOUT, cwd=paths.ROOT, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while not answers(url, token):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    print(f"blackwork lab: JupyterLab did not start ({_last_line(LOG)}); its log is {LOG}.",
                          file=sys.stderr)
                    return 1
                time.sleep(0.3)
            print(f"JupyterLab is running at {url}/lab?token={token} (new notebooks go in scratch/); "
                  "press Ctrl-C to stop it.", flush=True)
            code = server.wait()
            print(f"blackwork lab: JupyterLab stopped by itself (exit code {code}); its log is {LOG}.",
                  file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 0
        finally:
            _stop(server)
            signal.signal(signal.SIGTERM, previous)
