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
    List<ReportSpec> out = new ArrayList<>();
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
      r.rejectUnknownKeys();
      if (name != null) {
        out.add(new ReportSpec(name, patterns));
      }
    }
    return out;
  }
}
