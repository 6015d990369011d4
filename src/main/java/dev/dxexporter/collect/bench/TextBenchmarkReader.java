package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.List;

/** Reads one text output format; {@code file} names the input in errors. */
interface TextBenchmarkReader {
  List<BenchmarkResult> read(String text, Path file) throws InputException;

  /** The lines of {@code text}, split on LF or CRLF. */
  static String[] lines(String text) {
    return text.split("\r?\n", -1);
  }

  /** A number with thousands separators ({@code 18,149}, {@code 1,431,759.5}). */
  static double number(String digits, Path file, int line, int column) throws InputException {
    try {
      return Double.parseDouble(digits.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InputException(file, line, column, "not a number: " + digits, e);
    }
  }
}
