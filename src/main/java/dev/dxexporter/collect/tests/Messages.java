package dev.dxexporter.collect.tests;

/** Short messages for cases that did not pass. */
final class Messages {
  /** Text read from a result element to find its first line; the rest is skipped. */
  static final int TEXT_WINDOW = 4 * TestCase.MESSAGE_LIMIT;

  /** {@code message} stripped and cut to {@link TestCase#MESSAGE_LIMIT}; null when blank. */
  static String shorten(String message) {
    if (message == null) {
      return null;
    }
    String stripped = message.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.length() <= TestCase.MESSAGE_LIMIT) {
      return stripped;
    }
    int end = TestCase.MESSAGE_LIMIT;
    if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
      end--;
    }
    return stripped.substring(0, end);
  }

  /** The first non-blank line of {@code text}, shortened; null when there is none. */
  static String firstLine(CharSequence text) {
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = start;
      while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.subSequence(start, end).toString();
      if (!line.isBlank()) {
        return shorten(line);
      }
      start = end + 1;
    }
    return null;
  }

  private Messages() {}
}
