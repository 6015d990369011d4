#!/usr/bin/env python3
"""Lockfiles made by the real npm, and the expected values npm itself reports for them.

Usage (from the repository root; needs npm and the npm registry):
  python3 src/test/resources/deps/npm/expected_from_npm.py src/test/resources/deps/npm

For lockfile versions 1, 2 and 3 it copies workspace/ (package.json files only) to a temporary
directory and runs
  npm install --package-lock-only --ignore-scripts --lockfile-version=N --omit-lockfile-registry-resolved=false
(this machine's npm config sets omit-lockfile-registry-resolved=true; the v3 lock of workspace/
is also kept as written with that default, locks/package-lock.v3-no-resolved.json), stores the lock
(v3 as workspace/package-lock.json, v1/v2 under locks/), then runs `npm query '*'
--package-lock-only`, which lists every node of the tree npm builds from the lock once (links
resolved to their folder), and counts them, the root excepted: path when the location is outside
node_modules or resolved starts with file:, git for git+/git:, else registry; duplicated = names
seen with more than one version. The declared dependencies per package and kind
are taken from the v3 lock's own `packages[""]` / `packages["packages/*"]` entries, i.e. npm's
reading of each package.json.
"""
import json, os, shutil, subprocess, sys, tempfile, collections

base = sys.argv[1]
ws = os.path.join(base, "workspace")
result = {"npm": subprocess.run(["npm", "--version"], capture_output=True, text=True).stdout.strip(), "locks": {}}

def copy_workspace(dst):
    shutil.copytree(ws, dst, ignore=shutil.ignore_patterns("package-lock.json"))

def npm_query_summary(cwd):
    nodes = json.loads(subprocess.run(["npm", "query", "*", "--package-lock-only"], cwd=cwd,
                                      capture_output=True, text=True, check=True).stdout)
    counts, versions = collections.Counter(), collections.defaultdict(set)
    for node in nodes:
        location, resolved = node.get("location", ""), node.get("resolved") or ""
        if location == "":
            continue  # the project itself
        if "node_modules/" not in location or resolved.startswith("file:"):
            kind = "path"
        elif resolved.startswith(("git+", "git:")):
            kind = "git"
        else:
            kind = "registry"
        counts[kind] += 1
        versions[node["name"]].add(node["version"])
    return {"registry": counts["registry"], "git": counts["git"], "path": counts["path"],
            "duplicated": sum(1 for v in versions.values() if len(v) > 1), "nodes": len(nodes)}

with tempfile.TemporaryDirectory() as tmp:
    for version in (1, 2, 3, "3-no-resolved"):
        d = os.path.join(tmp, "v%s" % version)
        copy_workspace(d)
        args = ["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"]
        if version == "3-no-resolved":
            args += ["--lockfile-version=3"]
        else:
            args += ["--lockfile-version=%d" % version, "--omit-lockfile-registry-resolved=false"]
        subprocess.run(args, cwd=d, check=True, capture_output=True)
        if version == 3:
            target = os.path.join(ws, "package-lock.json")
        else:
            os.makedirs(os.path.join(base, "locks"), exist_ok=True)
            target = os.path.join(base, "locks", "package-lock.v%s.json" % version)
        shutil.copyfile(os.path.join(d, "package-lock.json"), target)
        result["locks"][os.path.relpath(target, base)] = npm_query_summary(d)
        if version == 3:
            lock = json.load(open(target))
            kinds = {"dependencies": "normal", "devDependencies": "dev", "optionalDependencies": "optional",
                     "peerDependencies": "peer"}
            packages = {}
            for key, entry in lock["packages"].items():
                if key == "" or (not key.startswith("node_modules/") and key.startswith("packages/")):
                    name = entry.get("name")
                    packages[name] = {k: sorted(entry.get(f, {})) for f, k in kinds.items()}
            result["packages"] = packages
            own = set(packages)
            result["distinct"] = sorted({d for p in packages.values() for names in p.values() for d in names} - own)
with open(os.path.join(base, "npm.expected.json"), "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
