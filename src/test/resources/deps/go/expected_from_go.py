#!/usr/bin/env python3
"""Expected go.mod requirements, computed by the Go tool itself.

Usage (from the repository root; needs `go`, e.g. Debian's golang-go 1.19):
  python3 src/test/resources/deps/go/expected_from_go.py src/test/resources/deps/go/module \
      src/test/resources/deps/go/go.expected.json

Runs `go mod edit -json` in the module directory (it parses go.mod with cmd/go's own modfile parser,
no network, no go.sum needed) and writes the module path, the requirements Go marks Indirect and
the others.
"""
import json, subprocess, sys

mod_dir, out = sys.argv[1], sys.argv[2]
edit = json.loads(subprocess.run(["go", "mod", "edit", "-json"], cwd=mod_dir, check=True,
                                 capture_output=True, text=True).stdout)
version = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip()
requires = edit.get("Require") or []
result = {
    "tool": version,
    "command": "go mod edit -json",
    "module": edit["Module"]["Path"],
    "normal": sorted({r["Path"] for r in requires if not r.get("Indirect")}),
    "indirect": sorted({r["Path"] for r in requires if r.get("Indirect")}),
    "requirements": len(requires),
}
with open(out, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
