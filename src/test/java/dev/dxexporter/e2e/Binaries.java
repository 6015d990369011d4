package dev.dxexporter.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installed programs the e2e tests need; a missing one fails the test (never skips it). */
final class Binaries {
  private Binaries() {}

  /** The program's path on PATH; fails naming the Debian package that provides it. */
  static String require(String program, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(program + " is not installed: apt-get install " + debianPackage);
  }

  static String promtool() {
    return require("promtool", "prometheus");
  }

  static String prometheus() {
    return require("prometheus", "prometheus");
  }

  static String alertmanager() {
    return require("prometheus-alertmanager", "prometheus-alertmanager");
  }

  static String amtool() {
    return require("amtool", "prometheus-alertmanager");
  }
}
