package dev.dxexporter.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Deeply nested YAML is refused at its place before the parser can overflow its stack. */
class YamlDepthTest {
  private static ConfigError refusal(String text) {
    try {
      YamlFiles.compose(text, "deep.yml");
    } catch (ConfigException e) {
      return e.errors().get(0);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void thousandsOfFlowBracketsAreALocatedErrorNotAStackOverflow() {
    String text = "projects:\n  - name: p\n    caches: " + "[".repeat(3000) + "]".repeat(3000);
    ConfigError e = refusal(text);
    assertThat(e.line()).isEqualTo(3);
    // Four block levels (projects, the list, its entry, caches), then the bracket that makes 65.
    assertThat(e.column()).isEqualTo(13 + YamlDepth.MAX - 4);
    assertThat(e.toString()).startsWith("deep.yml:3:").contains("deeper than 64 levels");
  }

  @Test
  void deepIndentationAndSequencesAreRefusedToo() {
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      block.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    assertThat(refusal(block.toString()).line()).isEqualTo(YamlDepth.MAX + 1);
    String dashes = "- ".repeat(500) + "x\n";
    assertThat(refusal(dashes).line()).isEqualTo(1);
  }

  @Test
  void ordinaryFilesAndDeeplyIndentedTextInsideBlockScalarsPass() throws Exception {
    String scalar =
        "a:\n  text: |\n"
            + Stream.iterate(0, i -> i + 1)
                .limit(200)
                .map(i -> "  ".repeat(i + 2) + "x\n")
                .reduce("", String::concat)
            + "b: [\"[[[[[[\", '{{{{'] # [[[[\n";
    assertThat(YamlFiles.compose(scalar, "ok.yml")).isPresent();
    for (Path f :
        new Path[] {Path.of("examples/dx-exporter.yml"), Path.of("examples/web-config.yml")}) {
      assertThat(YamlDepth.check(Files.readString(f))).as(f.toString()).isNull();
    }
  }

  @Test
  void justUnderTheBoundParses() {
    String text = "[".repeat(YamlDepth.MAX - 1) + "]".repeat(YamlDepth.MAX - 1);
    assertThatThrownBy(() -> YamlFiles.compose("[".repeat(YamlDepth.MAX + 1), "x.yml"))
        .isInstanceOf(ConfigException.class);
    org.assertj.core.api.Assertions.assertThatCode(() -> YamlFiles.compose(text, "x.yml"))
        .doesNotThrowAnyException();
  }
}
