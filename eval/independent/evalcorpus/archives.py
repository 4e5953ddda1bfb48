"""Bundles made with the real archivers: Info-ZIP zip, 7-Zip (p7zip) and RAR (Debian non-free `rar`)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile

from .media import TZ, detrand_env, faketime_prefix

RAR_CANDIDATES = [shutil.which("rar") or "", "/opt/eval-tools/rar/usr/bin/rar"]


def rar_binary():
    for c in RAR_CANDIDATES:
        if c and os.path.exists(c):
            return c
    return None


def _stage(members, td, when):
    """members: [(inner_path, src_path)]; files get the mtime `when` (local time)."""
    t = dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S").timestamp()
    root = os.path.join(td, "root")
    os.makedirs(root)
    order = []
    for inner, src in members:
        p = os.path.join(root, inner)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        shutil.copyfile(src, p)
        os.utime(p, (t, t))
        order.append(inner)
    # directories too
    for dirpath, dirnames, _ in os.walk(root, topdown=False):
        for d in dirnames:
            os.utime(os.path.join(dirpath, d), (t, t))
    return root, order


def make(kind, out, members, when, password=None, workdir=None):
    """kind: zip | 7z | rar.  members: [(inner_path, src_path)] in the order they are added."""
    td = tempfile.mkdtemp(prefix="arc-", dir=workdir)
    try:
        root, order = _stage(members, td, when)
        tmp_out = os.path.join(td, "out." + kind)
        # NO_FAKE_STAT: libfaketime would otherwise shift the members' mtimes by the real clock.
        # zip -P seeds its encryption header from time ^ pid, rar -hp reads /dev/urandom, clock() and getpid():
        # under faketime and the detrand shim both repeat from build to build
        env = dict(os.environ, TZ=TZ, NO_FAKE_STAT="1", **detrand_env(os.path.basename(out), workdir or td))
        if kind == "zip":
            cmd = ["zip", "-X", "-q", "-D"]
            if password:
                cmd += ["-P", password]
            cmd += [tmp_out] + order
        elif kind == "7z":
            cmd = ["7z", "a", "-t7z", "-bd", "-bso0", "-mtc=off", "-mta=off", "-mx=7"]
            if password:
                cmd += [f"-p{password}", "-mhe=on"]
            cmd += [tmp_out] + order
        elif kind == "rar":
            rar = rar_binary()
            if not rar:
                raise RuntimeError("rar not found: run eval/independent/setup_tools.sh")
            cmd = [rar, "a", "-idq", "-ma5", "-m3", "-tsm1", "-tsc-", "-tsa-"]
            if password:
                cmd += [f"-hp{password}"]
            cmd += [tmp_out] + order
        else:
            raise ValueError(kind)
        subprocess.run(faketime_prefix(when) + cmd, cwd=root, env=env, check=True, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.move(tmp_out, out)
    finally:
        shutil.rmtree(td, ignore_errors=True)
