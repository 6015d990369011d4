package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;

/** Attribute values of an XML report, validated, with errors located at the element. */
final class XmlValues {
  private final XMLStreamReader reader;
  private final Path file;

  XmlValues(XMLStreamReader reader, Path file) {
    this.reader = reader;
    this.file = file;
  }

  /** The attribute's value, stripped, or null when absent. */
  String get(String attribute) {
    String v = reader.getAttributeValue(null, attribute);
    return v == null ? null : v.strip();
  }

  /** A required non-negative integer up to {@code max}. */
  long count(String attribute, long max) throws InputException {
    String v = get(attribute);
    if (v == null) {
      throw error("<" + reader.getLocalName() + "> has no " + attribute);
    }
    return count(attribute, v, max);
  }

  /** For a decimal integer of any length: its sign (-1, 0, 1); 2 when it is not one. */
  private static int integerSign(String v) {
    int i = v.startsWith("-") ? 1 : 0;
    if (i == v.length()) {
      return 2;
    }
    boolean nonZero = false;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return 2;
      }
      nonZero |= c != '0';
    }
    return !nonZero ? 0 : v.startsWith("-") ? -1 : 1;
  }

  /** An optional non-negative integer up to {@code max}; {@code absent} when it is missing. */
  long count(String attribute, long max, long absent) throws InputException {
    String v = get(attribute);
    return v == null ? absent : count(attribute, v, max);
  }

  private long count(String attribute, String v, long max) throws InputException {
    try {
      long n = Long.parseLong(v);
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        "<"
            + reader.getLocalName()
            + " "
            + attribute
            + "=\""
            + shorten(v)
            + "\"> is not an integer from 0 to "
            + max);
  }

  /**
   * An execution count: 1 when positive, 0 when zero, -1 when negative. Integers of any length, or
   * a finite decimal number (some writers emit {@code 2.0}); anything else is an error.
   */
  int executions(String attribute) throws InputException {
    String v = get(attribute);
    if (v == null) {
      throw error("<" + reader.getLocalName() + "> has no " + attribute);
    }
    int sign = integerSign(v);
    if (sign != 2) {
      return sign;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d > 0 ? 1 : d < 0 ? -1 : 0;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(
        "<"
            + reader.getLocalName()
            + " "
            + attribute
            + "=\""
            + shorten(v)
            + "\"> is not a finite number");
  }

  /** An optional count for a cross-check: empty when absent or not a non-negative integer. */
  OptionalLong optionalCount(String attribute) {
    String v = get(attribute);
    if (v == null) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(v);
      return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** An optional ratio for a cross-check: empty when absent, NaN, infinite or outside 0..1. */
  OptionalDouble optionalRatio(String attribute) {
    String v = get(attribute);
    if (v == null) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(v);
      return d >= 0 && d <= 1 ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  int line() {
    Location at = reader.getLocation();
    return at == null ? 0 : Math.max(0, at.getLineNumber());
  }

  InputException error(String problem) {
    Location at = reader.getLocation();
    return new InputException(
        file, line(), at == null ? 0 : Math.max(0, at.getColumnNumber()), problem);
  }

  static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }
}
