package dev.dxexporter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a hostile file name can put in a log line. */
class LogfmtLayoutTest {
  @Test
  void controlCharactersAreEscapedNotWrittenRaw() {
    String name = "target/\u001b[31mred\u0007bell\u0000nul\u007fdel\u009bcsi\u2028sep";
    String quoted = LogfmtLayout.quote(name);
    assertThat(quoted)
        .isEqualTo("\"target/\\u001b[31mred\\u0007bell\\u0000nul\\u007fdel\\u009bcsi\\u2028sep\"");
    assertThat(quoted.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f));
  }

  @Test
  void theUsualEscapesStayReadable() {
    assertThat(LogfmtLayout.quote("a \"b\"\\\n\t\r é")).isEqualTo("\"a \\\"b\\\"\\\\\\n\\t\\r é\"");
  }
}
