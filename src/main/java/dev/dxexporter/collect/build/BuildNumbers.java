package dev.dxexporter.collect.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;

/**
 * Validation of the numbers build reports carry, before they are used: a duration must be a finite
 * number of seconds between 0 and {@link #MAX_SECONDS}, a count a non-negative integer. Failures
 * name the file, the line of the enclosing JSON object and the field.
 */
final class BuildNumbers {
  /**
   * A week. No single build or compilation unit legitimately takes longer; a larger value is a
   * corrupt or hostile file, and would wreck a dashboard's scale.
   */
  static final double MAX_SECONDS = 7 * 24 * 3600.0;

  /** Counters above this (2^53) would lose precision as doubles in the exposition. */
  static final long MAX_COUNT = 1L << 53;

  private BuildNumbers() {}

  /** {@code value} as seconds, or an error naming {@code what}. */
  static double seconds(double value, Path file, int line, String what) throws InputException {
    if (!Double.isFinite(value)) {
      throw new InputException(file, line, 0, what + " is not a finite number: " + value);
    }
    if (value < 0) {
      throw new InputException(file, line, 0, what + " is negative: " + value + " s");
    }
    if (value > MAX_SECONDS) {
      throw new InputException(
          file, line, 0, what + " of " + value + " s is absurd (more than a week)");
    }
    return value;
  }

  /** The required numeric field {@code name} of {@code node}, as seconds. */
  static double seconds(JsonNode node, String name, Path file, int line, String what)
      throws InputException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new InputException(file, line, 0, what + ": `" + name + "` is missing");
    }
    if (!value.isNumber()) {
      throw new InputException(file, line, 0, what + ": `" + name + "` is not a number: " + value);
    }
    return seconds(value.doubleValue(), file, line, what + " `" + name + "`");
  }

  /** The count field {@code name} of {@code node}; 0 when absent or null. */
  static long count(JsonNode node, String name, Path file, int line) throws InputException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return 0;
    }
    return count(value, file, line, "`" + name + "`");
  }

  /** {@code value} as a count. */
  static long count(JsonNode value, Path file, int line, String what) throws InputException {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InputException(file, line, 0, what + " is not a whole number: " + value);
    }
    return count(value.longValue(), file, line, what);
  }

  static long count(long value, Path file, int line, String what) throws InputException {
    if (value < 0) {
      throw new InputException(file, line, 0, what + " is negative: " + value);
    }
    if (value > MAX_COUNT) {
      throw new InputException(file, line, 0, what + " of " + value + " is absurd");
    }
    return value;
  }
}
