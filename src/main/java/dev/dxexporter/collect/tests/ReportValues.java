package dev.dxexporter.collect.tests;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates the numbers and timestamps a report gives. A time that is not a plain non-negative
 * number of seconds (negative, NaN, infinite, {@code "*"}, over {@link #MAX_SECONDS}) is not a
 * sample: it is taken as unknown (0 for a case, "not given" for a suite or the root) and described
 * in the file's warnings, which the caller can log. At most {@link #MAX_WARNINGS} are kept; {@link
 * #warningCount()} counts them all.
 */
final class ReportValues {
  /** A week: no test (or test run) reported in one file takes longer; more is a broken writer. */
  static final double MAX_SECONDS = 7 * 24 * 3600.0;

  static final int MAX_WARNINGS = 100;

  /** Jenkins' rule: a comma may group thousands ("1,234.5"); anything else with a comma is bad. */
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  /**
   * Before 1970 is no real run: Go's zero time (year 1) means "unknown" and is dropped silently.
   */
  private static final Instant EARLIEST = Instant.EPOCH;

  private final List<String> warnings = new ArrayList<>();
  private int warningCount;

  /**
   * Seconds from a {@code time} attribute, or -1 when absent or invalid ({@code where} names the
   * place in a warning, e.g. "12:5: testcase").
   */
  double seconds(String raw, String where) {
    if (raw == null) {
      return -1;
    }
    String text = raw.strip();
    if (text.isEmpty()) {
      return -1;
    }
    double value;
    try {
      value = Double.parseDouble(THOUSANDS.matcher(text).matches() ? text.replace(",", "") : text);
    } catch (NumberFormatException e) {
      warn(where + " time \"" + shorten(text) + "\" is not a number; taken as unknown");
      return -1;
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      warn(where + " time " + text + " is not finite; taken as unknown");
      return -1;
    }
    if (value < 0) {
      warn(where + " time " + text + " is negative; taken as unknown");
      return -1;
    }
    if (value > MAX_SECONDS) {
      warn(where + " time " + text + " s is over a week; taken as unknown");
      return -1;
    }
    return value;
  }

  /**
   * The instant of a {@code timestamp} attribute, or null when absent or invalid: ISO-8601 with or
   * without offset ({@code T} or a space between date and time; no offset = UTC), or RFC 1123
   * ({@code Sat, 03 Dec 2022 23:10:07 GMT}, mocha's xunit reporters).
   */
  Instant timestamp(String raw, String where) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.strip();
    if (text.endsWith(" UTC") || text.endsWith(" GMT") && !text.contains(",")) {
      text = text.substring(0, text.length() - 4) + "Z"; // TestNG: "2021-03-07T10:36:56 UTC"
    }
    Instant at;
    try {
      TemporalAccessor parsed = TIMESTAMP.parse(text);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
              : ZoneOffset.UTC;
      at = local.toInstant(offset);
    } catch (DateTimeParseException e) {
      try {
        at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text));
      } catch (DateTimeParseException notRfc1123) {
        warn(where + " timestamp \"" + shorten(text) + "\" is not an ISO-8601 date-time; ignored");
        return null;
      }
    }
    if (at.isBefore(EARLIEST)) {
      if (!text.startsWith("0001-01-01")) {
        warn(where + " timestamp " + text + " is before 1970; ignored");
      }
      return null;
    }
    return at;
  }

  void warn(String warning) {
    warningCount++;
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  int warningCount() {
    return warningCount;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
