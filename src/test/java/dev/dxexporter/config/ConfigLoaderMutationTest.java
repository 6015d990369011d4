package dev.dxexporter.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.config.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken config text never escapes as anything but a {@link ConfigException} whose
 * every error names the file: the shipped example, mutated byte by byte with a fixed seed (no
 * fuzzing library: jqwik is out, see java-deps.md).
 */
class ConfigLoaderMutationTest {
  private static final String[] SPLICES = {
    "\n",
    ":",
    " ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!binary ",
    "\"",
    "'",
    "#",
    "~",
    "\t",
    "\u0000",
    "\uFEFF",
    "? ",
    "|",
    ">",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "<<: *a\n",
    "9999999999999999999",
    "99999999999999d",
    "-1s",
    "0 0",
  };

  @Test
  void mutatedConfigsFailOnlyWithLocatedConfigErrors() throws Exception {
    String example = Files.readString(Path.of("examples/dx-exporter.yml"));
    Random random = new Random(20261129);
    ConfigLoader loader =
        new ConfigLoader(dev.dxexporter.Main.sources(), Path.of("/home/dev"), java.util.Map.of());
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder(example);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> text.insert(at, SPLICES[random.nextInt(SPLICES.length)]);
          case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
          default -> {
            int from = random.nextInt(text.length());
            int len = Math.min(20, text.length() - from);
            text.insert(at, text.substring(from, from + len));
          }
        }
      }
      try {
        loader.parse(text.toString(), "mutant.yml", Path.of("/base"));
        accepted++;
      } catch (ConfigException e) {
        refused++;
        assertThat(e.errors())
            .isNotEmpty()
            .allSatisfy(err -> assertThat(err.file()).isEqualTo("mutant.yml"));
      }
    }
    // Both outcomes occur, so the mutations reach past the parser into validation.
    assertThat(accepted).isPositive();
    assertThat(refused).isGreaterThan(accepted / 10);
  }
}
