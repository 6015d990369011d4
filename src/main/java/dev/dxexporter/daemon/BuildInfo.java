package dev.dxexporter.daemon;

import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SelfMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and revision stamped into the jar at build time; the {@code dx_build_info} sample. */
public record BuildInfo(String version, String revision, String javaVersion) {
  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/dxexporter/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": build info is informative, never a reason not to start.
    }
    return new BuildInfo(
        clean(p.getProperty("version")),
        clean(p.getProperty("revision")),
        System.getProperty("java.version", "unknown"));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  public Sample sample() {
    return SelfMetrics.buildInfo(version, revision, javaVersion);
  }
}
