package dev.dxexporter;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and revision stamped into the jar at build time; the {@code dx_build_info} sample. */
public record BuildInfo(String version, String revision, String javaVersion) {
  static final MetricFamily FAMILY =
      MetricFamily.gauge(
          "dx_build_info",
          "A metric with a constant '1' value labeled by version, revision and java_version from"
              + " which dx-exporter was built.");

  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
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
    return Sample.of(
        FAMILY, 1, "version", version, "revision", revision, "java_version", javaVersion);
  }
}
