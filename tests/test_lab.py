"""`make lab` starts JupyterLab headless (as root in CI), prints one line, and stops on Ctrl-C."""
from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import urllib.request

from helpers import paths
from helpers.notebook import lab


def api(url: str, token: str, path: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{url}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.status, json.loads(reply.read() or b"null")


async def run_code(url: str, token: str, kernel_id: str, code: str) -> str:
    """Run `code` in a kernel of the server through its websocket, as JupyterLab does; return its stdout."""
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(f"ws{url[4:]}/api/kernels/{kernel_id}/channels?token={token}")
    header = {"msg_id": "run-1", "msg_type": "execute_request", "username": "test", "session": "test",
              "version": "5.3", "date": ""}
    ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "channel": "shell",
                                 "content": {"code": code, "silent": False, "store_history": False,
                                             "user_expressions": {}, "allow_stdin": False}, "buffers": []}))
    out = ""
    while True:
        msg = json.loads(await asyncio.wait_for(ws.read_message(), timeout=60))
        if msg["parent_header"].get("msg_id") != "run-1":
            continue
        if msg["msg_type"] == "stream":
            out += msg["content"]["text"]
        if msg["msg_type"] == "execute_reply":
            ws.close()
            return out


def test_make_lab_serves_prints_one_line_runs_a_quiet_kernel_and_stops_on_ctrl_c():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "BROWSER", "MAKEFLAGS", "MAKELEVEL")}
    lab_ = subprocess.Popen(["make", "--no-print-directory", "lab"], cwd=paths.ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        line = lab_.stdout.readline()
        found = re.fullmatch(r"JupyterLab is running at (http://127\.0\.0\.1:\d+)/lab\?token=(\w+) \(new notebooks go "
                             r"in scratch/\); press Ctrl-C to stop it\.\n", line)
        assert found, (line, lab_.stderr.read() if lab_.poll() is not None else "")
        url, token = found.groups()
        status, _ = api(url, token, "/api/status")
        assert status == 200
        _, specs = api(url, token, "/api/kernelspecs")  # the launcher ranks the default kernel first
        assert specs["default"] == "blackwork" and "blackwork" in specs["kernelspecs"], specs["default"]
        _, kernel = api(url, token, "/api/kernels", "POST", {"name": "blackwork"})
        printed = asyncio.run(run_code(url, token, kernel["id"], "import helpers; print(helpers.find_person('Yezhov'))"))
        assert printed == "nikolai-yezhov\n"
        _, contents = api(url, token, "/api/contents")
        assert {"notebooks", "scratch", "data"} <= {item["name"] for item in contents["content"]}
        log = lab.LOG.read_text(encoding="utf-8")
        assert "Kernel started" in log and "without encryption" not in log
        assert "Running as root is not recommended" not in log
        settings = json.loads((paths.ROOT / ".venv/share/jupyter/lab/settings/overrides.json").read_text())
        assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    finally:
        os.killpg(lab_.pid, signal.SIGINT)  # Ctrl-C reaches make and everything it started
        out, err = lab_.communicate(timeout=30)
    assert out == "" and "Traceback" not in err, (out, err)
    assert not lab.answers(url, token)


def test_the_projects_kernel_is_the_default_so_the_launcher_offers_it_first(tmp_path):
    args = lab.command(8888, "t", tmp_path)
    assert "--MappingKernelManager.default_kernel_name=blackwork" in args
    from jupyter_client.kernelspec import KernelSpecManager

    assert "blackwork" in KernelSpecManager().find_kernel_specs()  # `make setup` installs it in .venv
