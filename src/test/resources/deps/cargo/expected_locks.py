#!/usr/bin/env python3
"""Expected Cargo.lock summaries, computed independently of the Java code with Python's tomllib.

Usage (from the repository root):
  python3 src/test/resources/deps/cargo/expected_locks.py ../shared/fixtures/cargo \
      src/test/resources/deps/cargo > src/test/resources/deps/cargo/locks.expected.json

For every Cargo.lock under the given directories: the format version (the `version` key; a lock
without it is v1 when it has a [metadata] table, else v2), the [[package]] entries counted by
source (`registry+`/`sparse+` = registry, `git+` = git, no source = path: workspace members and
path dependencies) and the number of package names locked in more than one version.
"""
import json, os, sys, tomllib, collections

result = {}
for top in sys.argv[1:]:
    for dirpath, dirs, files in os.walk(top):
        dirs.sort()
        if "Cargo.lock" in files:
            path = os.path.join(dirpath, "Cargo.lock")
            with open(path, "rb") as f:
                lock = tomllib.load(f)
            version = lock.get("version", 1 if "metadata" in lock else 2)
            by_source = collections.Counter()
            versions = collections.defaultdict(set)
            for p in lock.get("package", []):
                src = p.get("source")
                kind = "path" if src is None else "git" if src.startswith("git+") else "registry" if src.startswith(("registry+", "sparse+")) else "other:" + src
                by_source[kind] += 1
                versions[p["name"]].add(p["version"])
            dup = sum(1 for v in versions.values() if len(v) > 1)
            key = os.path.relpath(path, top).replace(os.sep, "/")
            result[os.path.basename(os.path.normpath(top)) + "/" + key] = {
                "version": version, "registry": by_source["registry"], "git": by_source["git"],
                "path": by_source["path"], "duplicated": dup,
                "other": sorted(k for k in by_source if k.startswith("other:"))}
json.dump(result, sys.stdout, indent=1, sort_keys=True)
print()
