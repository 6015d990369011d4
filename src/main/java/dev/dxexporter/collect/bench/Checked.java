package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;

/**
 * Validates the numbers read from benchmark files before they are used: NaN, infinities (serde
 * writes NaN as {@code null}), negative values, and durations beyond {@link
 * #MAX_SECONDS_PER_ITERATION} are refused with an {@link InputException} naming the file and the
 * place ({@code line:column} for text, a JSON path for JSON).
 */
final class Checked {
  /** A day per iteration: beyond it a value is a unit mix-up or garbage, not a benchmark. */
  static final double MAX_SECONDS_PER_ITERATION = 86_400;

  private Checked() {}

  /** A finite number ≥ 0. */
  static double nonNegative(double value, Path file, int line, int column, String what)
      throws InputException {
    if (!Double.isFinite(value)) {
      throw new InputException(file, line, column, what + " is not a finite number: " + value);
    }
    if (value < 0) {
      throw new InputException(file, line, column, what + " is negative: " + value);
    }
    return value;
  }

  /** A time per iteration in seconds: finite, ≥ 0, at most a day. */
  static double seconds(double value, Path file, int line, int column, String what)
      throws InputException {
    nonNegative(value, file, line, column, what);
    if (value > MAX_SECONDS_PER_ITERATION) {
      throw new InputException(
          file,
          line,
          column,
          what + " is an absurd duration: " + value + " s per iteration (more than a day)");
    }
    return value;
  }

  static double seconds(double value, Path file, String where) throws InputException {
    return seconds(value, file, 0, 0, "at " + where + ": value");
  }

  static double nonNegative(double value, Path file, String where) throws InputException {
    return nonNegative(value, file, 0, 0, "at " + where + ": value");
  }

  /** The number at {@code parent.field}; {@code where} is the parent's JSON path. */
  static double number(JsonNode parent, String field, Path file, String where)
      throws InputException {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isMissingNode()) {
      throw new InputException(file, "at " + where + ": missing field `" + field + "`");
    }
    if (!node.isNumber()) {
      throw new InputException(
          file,
          "at "
              + where
              + "."
              + field
              + ": expected a number, found "
              + (node.isNull() ? "null (NaN or infinity in the writer?)" : node.getNodeType()));
    }
    double value = node.asDouble();
    if (!Double.isFinite(value)) {
      throw new InputException(file, "at " + where + "." + field + ": not a finite number");
    }
    return value;
  }

  /** Like {@link #number} but null when the field is absent or JSON null. */
  static Double optionalNumber(JsonNode parent, String field, Path file, String where)
      throws InputException {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return number(parent, field, file, where);
  }

  /** The text at {@code parent.field}. */
  static String text(JsonNode parent, String field, Path file, String where) throws InputException {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isValueNode() || node.isNull()) {
      throw new InputException(file, "at " + where + ": missing text field `" + field + "`");
    }
    return node.asText();
  }

  /** An array of finite numbers ≥ 0, each scaled by {@code factor}. */
  static double[] nonNegativeArray(JsonNode array, double factor, Path file, String where)
      throws InputException {
    if (array == null || !array.isArray()) {
      throw new InputException(file, "at " + where + ": expected an array of numbers");
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode n = array.get(i);
      String at = where + "[" + i + "]";
      if (!n.isNumber()) {
        throw new InputException(file, "at " + at + ": expected a number, found " + n);
      }
      out[i] = nonNegative(n.asDouble(), file, at) * factor;
    }
    return out;
  }
}
