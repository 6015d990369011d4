package dev.dxexporter.collect.tests;

import java.util.Locale;
import javax.xml.stream.XMLStreamReader;

/** What a file showed of its writer while it was read; {@link #dialect()} decides at the end. */
final class DialectEvidence {
  boolean nextestRoot;
  boolean goVersionProperty;
  boolean suiteId;
  boolean nodeComment;
  boolean nodeShape;
  boolean surefire;
  boolean jestRoot;
  boolean mocha;
  boolean pytestSuite;
  boolean bazelCase;
  boolean phpunit;
  boolean catch2;
  boolean gradleSuite;
  boolean antAttributes;
  boolean assertions;

  /** Gradle writes these attributes first, in this order (then timestamp, hostname, time). */
  private static final String[] GRADLE_ORDER = {"name", "tests", "skipped", "failures", "errors"};

  private static boolean isPhp(String file) {
    return file.endsWith(".php") || file.endsWith(".phpt");
  }

  void root(String name, String uuid) {
    if (uuid != null || "nextest-run".equals(name)) {
      nextestRoot = true;
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.contains("jest")) {
      jestRoot = true;
    }
    if (lower.contains("mocha")) {
      mocha = true;
    }
    if (lower.equals("pytest tests")) {
      pytestSuite = true;
    }
  }

  /** The attributes of a {@code <testsuite>} start tag. */
  void suite(XMLStreamReader reader) {
    int count = reader.getAttributeCount();
    boolean hostname = false;
    boolean timestamp = false;
    for (int i = 0; i < count; i++) {
      String attribute = reader.getAttributeLocalName(i);
      String value = reader.getAttributeValue(i);
      hostname |= attribute.equals("hostname");
      timestamp |= attribute.equals("timestamp");
      if (attribute.equals("name")) {
        suiteName(value);
      }
      suiteAttribute(attribute, value);
    }
    if (hostname && timestamp && count >= GRADLE_ORDER.length) {
      boolean same = true;
      for (int i = 0; i < GRADLE_ORDER.length; i++) {
        same &= GRADLE_ORDER[i].equals(reader.getAttributeLocalName(i));
      }
      gradleSuite |= same;
    }
  }

  private void suiteName(String name) {
    if ("pytest".equals(name)) {
      pytestSuite = true;
    } else if ("Mocha Tests".equals(name)) {
      mocha = true;
    }
  }

  private void suiteAttribute(String attribute, String value) {
    switch (attribute) {
      case "id" -> suiteId = true;
      case "package" -> antAttributes = true;
      case "version" -> surefire = true;
      case "noNamespaceSchemaLocation" -> surefire |= value.contains("surefire");
      case "assertions" -> assertions = true;
      case "file" -> phpunit |= isPhp(value);
      case "hostname" -> catch2 |= "tbd".equals(value);
      default -> {}
    }
  }

  void property(String name) {
    if ("go.version".equals(name)) {
      goVersionProperty = true;
    } else if (name.startsWith("surefire.")) {
      surefire = true;
    }
  }

  void caseAttribute(String attribute, String value) {
    switch (attribute) {
      case "failure" -> nodeShape = true;
      case "duration" -> bazelCase = true;
      case "file" -> phpunit |= isPhp(value);
      default -> {}
    }
  }

  JUnitDialect dialect() {
    if (nextestRoot) {
      return JUnitDialect.NEXTEST;
    }
    if (goVersionProperty) {
      return suiteId ? JUnitDialect.GO_JUNIT_REPORT : JUnitDialect.GOTESTSUM;
    }
    if (nodeComment || nodeShape) {
      return JUnitDialect.NODE;
    }
    if (surefire) {
      return JUnitDialect.SUREFIRE;
    }
    if (jestRoot) {
      return JUnitDialect.JEST_JUNIT;
    }
    if (mocha) {
      return JUnitDialect.MOCHA;
    }
    if (pytestSuite) {
      return JUnitDialect.PYTEST;
    }
    if (bazelCase) {
      return JUnitDialect.BAZEL;
    }
    if (phpunit && assertions) {
      return JUnitDialect.PHPUNIT;
    }
    if (catch2) {
      return JUnitDialect.CATCH2;
    }
    if (gradleSuite && !antAttributes) {
      return JUnitDialect.GRADLE;
    }
    return JUnitDialect.GENERIC;
  }
}
