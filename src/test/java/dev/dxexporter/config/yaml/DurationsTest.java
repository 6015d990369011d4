package dev.dxexporter.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "30s,PT30S",
    "5m,PT5M",
    "1h30m,PT1H30M",
    "7d,PT168H",
    "2w,PT336H",
    "1y,PT8760H",
    "1500ms,PT1.5S",
    "1d2h3m4s5ms,PT26H3M4.005S"
  })
  void parsesPrometheusDurations(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "m", "5 m", "-5m", "5M", "1.5h", "5m1h", "7 days"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("not a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"999999999999999d", "99999999999999999999s", "9999999999999999y"})
  void rejectsOverflowAsTooLarge(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"30s", "5m", "1h30m", "7d", "1d1ms"})
  void formatRoundTrips(String text) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
  }
}
