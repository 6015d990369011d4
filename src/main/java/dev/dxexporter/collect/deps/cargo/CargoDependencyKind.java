package dev.dxexporter.collect.deps.cargo;

import java.util.List;

/** Cargo's three dependency tables, with the table names Cargo accepts for each. */
enum CargoDependencyKind {
  NORMAL("normal", List.of("dependencies")),
  // The underscore spellings are deprecated aliases Cargo still reads (edition < 2024).
  DEV("dev", List.of("dev-dependencies", "dev_dependencies")),
  BUILD("build", List.of("build-dependencies", "build_dependencies"));

  private final String label;
  private final List<String> tableNames;

  CargoDependencyKind(String label, List<String> tableNames) {
    this.label = label;
    this.tableNames = tableNames;
  }

  String label() {
    return label;
  }

  List<String> tableNames() {
    return tableNames;
  }
}
