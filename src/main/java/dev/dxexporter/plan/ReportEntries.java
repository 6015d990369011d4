package dev.dxexporter.plan;

import dev.dxexporter.collect.input.ReportGlob;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.ingest.ReportSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code reports:} list shared by the report sources: each entry a {@code name} (the {@code
 * report} label) and {@code paths}, glob patterns relative to the project, checked at load.
 */
final class ReportEntries {
  private ReportEntries() {}

  /** Builds one entry from its name, patterns and mapping (to read the source's own keys). */
  interface Entry<T> {
    T of(String name, List<String> patterns, YamlMapping entry);
  }

  /**
   * The section's reports; without a {@code reports} key, {@code defaults} (a section that only
   * sets a schedule still watches the usual places; {@code reports: []} watches none).
   */
  static List<ReportSpec> read(
      YamlMapping section, SectionReader reader, List<ReportSpec> defaults) {
    return read(section, "reports", reader, defaults);
  }

  /** The same shape under another key ({@code timings}, {@code compiler_caches}). */
  static List<ReportSpec> read(
      YamlMapping section, String key, SectionReader reader, List<ReportSpec> defaults) {
    if (section.get(key).isEmpty()) {
      return defaults;
    }
    return read(section, key, reader, (name, patterns, entry) -> new ReportSpec(name, patterns));
  }

  /** The {@code reports} entries, each made by {@code entry}; none without the key. */
  static <T> List<T> read(YamlMapping section, SectionReader reader, Entry<T> entry) {
    return read(section, "reports", reader, entry);
  }

  /**
   * The entries under {@code key}, each made by {@code entry} before its unknown keys are rejected.
   */
  static <T> List<T> read(YamlMapping section, String key, SectionReader reader, Entry<T> entry) {
    List<T> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> items = section.sequence(key);
    for (int i = 0; i < items.size(); i++) {
      YamlMapping r = reader.mapping(items.get(i), section.child(key) + "[" + i + "]");
      String name = reader.name(r, "name");
      if (name != null && !names.add(name)) {
        reader.errors().at(r.node(), r.child("name"), "duplicate report name \"" + name + "\"");
      }
      List<String> patterns = new ArrayList<>();
      List<Node> paths = r.sequence("paths");
      if (paths.isEmpty() && r.get("paths").isEmpty()) {
        reader.errors().at(r.node(), r.child("paths"), "required key is missing (glob patterns)");
      }
      for (Node p : paths) {
        r.scalar(p, r.child("paths"))
            .ifPresent(
                pattern -> {
                  String problem = ReportGlob.problem(pattern);
                  if (problem != null) {
                    reader.errors().at(p, r.child("paths"), problem + ": " + pattern);
                  } else {
                    patterns.add(pattern);
                  }
                });
      }
      T made = name == null ? null : entry.of(name, patterns, r);
      r.rejectUnknownKeys();
      if (made != null) {
        out.add(made);
      }
    }
    return out;
  }
}
