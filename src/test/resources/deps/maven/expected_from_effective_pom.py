#!/usr/bin/env python3
"""Expected Maven dependency counts, computed from Maven's own effective model.

Usage (from the repository root):
  python3 src/test/resources/deps/maven/expected_from_effective_pom.py \
      src/test/resources/deps/maven/multi src/test/resources/deps/maven/multi.expected.json

It copies the reactor to a temporary directory, runs `mvn -B -q validate` (the fixture is a valid
project) and `mvn -B -q help:effective-pom -Doutput=<tmp>/effective.xml` there (Maven 3.8.7, help
plugin from Maven Central; no dependency is resolved), then reads, for every <project> of the
effective pom, <project><dependencies><dependency> (not dependencyManagement, plugins or profiles):
the scope (compile when absent) and groupId:artifactId (plus :type when not jar, :classifier when
present). Distinct external = groupId:artifactId over all projects minus the reactor's projects.
"""
import json, os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

src, out = sys.argv[1], sys.argv[2]
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
with tempfile.TemporaryDirectory() as tmp:
    copy = os.path.join(tmp, "reactor")
    shutil.copytree(src, copy)
    subprocess.run(["mvn", "-B", "-q", "validate"], cwd=copy, check=True)
    effective = os.path.join(tmp, "effective.xml")
    subprocess.run(["mvn", "-B", "-q", "help:effective-pom", "-Doutput=" + effective], cwd=copy, check=True)
    version = re.sub(r"\x1b\[[0-9;]*m", "", subprocess.run(["mvn", "-B", "-v"], capture_output=True, text=True).stdout.splitlines()[0])
    root = ET.parse(effective).getroot()

projects = root.findall("m:project", NS) if root.tag.endswith("projects") else [root]
reactor = {p.findtext("m:groupId", namespaces=NS) + ":" + p.findtext("m:artifactId", namespaces=NS) for p in projects}
result = {"tool": version, "modules": {}, "distinct": []}
distinct = set()
for p in projects:
    scopes = {s: set() for s in ["compile", "provided", "runtime", "test", "system"]}
    for d in p.findall("m:dependencies/m:dependency", NS):
        g, a = d.findtext("m:groupId", namespaces=NS), d.findtext("m:artifactId", namespaces=NS)
        t, c = d.findtext("m:type", namespaces=NS), d.findtext("m:classifier", namespaces=NS)
        name = g + ":" + a + ("" if t in (None, "jar") else ":" + t) + ("" if c is None else ":" + c)
        scopes[d.findtext("m:scope", default="compile", namespaces=NS)].add(name)
        if g + ":" + a not in reactor:
            distinct.add(g + ":" + a)
    result["modules"][p.findtext("m:artifactId", namespaces=NS)] = {k: sorted(v) for k, v in scopes.items()}
result["distinct"] = sorted(distinct)
with open(out, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
