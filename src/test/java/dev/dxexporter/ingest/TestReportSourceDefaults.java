package dev.dxexporter.ingest;

import java.util.List;

/** The zero-config report entries of the sources, as the tests use them. */
final class TestReportSourceDefaults {
  static final List<ReportSpec> ZERO =
      List.of(
          new ReportSpec("surefire", List.of("target/surefire-reports/*.xml")),
          new ReportSpec("nextest", List.of("target/nextest/*/junit.xml")));
  static final List<ReportSpec> COVERAGE =
      List.of(new ReportSpec("lcov", List.of("coverage/lcov.info")));

  private TestReportSourceDefaults() {}
}
