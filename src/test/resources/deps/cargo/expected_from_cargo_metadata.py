#!/usr/bin/env python3
"""Expected Cargo dependency counts, computed by cargo itself.

Usage (from the repository root):
  python3 src/test/resources/deps/cargo/expected_from_cargo_metadata.py \
      ../shared/fixtures/cargo/ggen-v2.6.0 src/test/resources/deps/cargo/ggen-v2.6.0.expected.json

What it does:
  1. copies the fixture tree to a temporary directory (shared/ is read-only and cargo wants every
     package to have a target), and creates an empty src/lib.rs next to every Cargo.toml that has
     none (the fixtures carry no Rust sources);
  2. runs `RUSTUP_TOOLCHAIN=stable cargo metadata --no-deps --offline --format-version 1` in the copy
     (stable because ggen-latest pins a nightly that is not installed);
  3. writes, per workspace member, the distinct dependency keys per kind (a key is the TOML key:
     `rename` when the dependency is renamed, else `name`; the same key in [dependencies] and in a
     [target.'cfg(..)'.dependencies] table is one key), and the distinct external package names over
     all members and kinds (`name`, i.e. the package, not the rename; path dependencies pointing at a
     workspace member are not external).
"""
import json, os, shutil, subprocess, sys, tempfile

src, out = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as tmp:
    copy = os.path.join(tmp, "ws")
    shutil.copytree(src, copy, symlinks=True)
    for dirpath, _dirs, files in os.walk(copy):
        if "Cargo.toml" in files:
            os.makedirs(os.path.join(dirpath, "src"), exist_ok=True)
            lib = os.path.join(dirpath, "src", "lib.rs")
            if not os.path.exists(lib) and not os.path.exists(os.path.join(dirpath, "src", "main.rs")):
                open(lib, "w").close()
    env = dict(os.environ, RUSTUP_TOOLCHAIN="stable")
    cmd = ["cargo", "metadata", "--no-deps", "--offline", "--format-version", "1"]
    proc = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        json.dump({"cargo_error": proc.stderr.strip()}, open(out, "w"), indent=1)
        sys.exit(0)
    meta = json.loads(proc.stdout)
    version = subprocess.run(["cargo", "--version"], env=env, capture_output=True, text=True).stdout.strip()

member_ids = set(meta["workspace_members"])
members = [p for p in meta["packages"] if p["id"] in member_ids]
member_dirs = {os.path.dirname(p["manifest_path"]) for p in members}
result = {"tool": version, "command": " ".join(cmd), "members": {}, "distinct": []}
distinct = set()
for p in members:
    kinds = {"normal": set(), "dev": set(), "build": set()}
    for d in p["dependencies"]:
        kinds[d["kind"] or "normal"].add(d["rename"] or d["name"])
        if d.get("path") not in member_dirs:
            distinct.add(d["name"])
    rel = os.path.relpath(p["manifest_path"], copy)
    result["members"][p["name"]] = {"manifest": rel, **{k: sorted(v) for k, v in kinds.items()}}
result["distinct"] = sorted(distinct)
with open(out, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
