package dev.dxexporter.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.Secret;
import dev.dxexporter.config.yaml.ConfigError;
import dev.dxexporter.config.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhook_secret} (one) and {@code webhook_secrets} (several, for rotation) in the config.
 */
class GitHubWebhookSecretsConfigTest {
  private static final GitHubSource GITHUB = new GitHubSource();
  @TempDir Path dir;

  private ConfigLoader loader() {
    return new ConfigLoader(List.of(GITHUB), dir, Map.of("NEW", "n", "OLD", "o"));
  }

  private List<Secret> secrets(String github) throws Exception {
    Path file = Files.writeString(dir.resolve("dx.yml"), config(github));
    DxConfig c = loader().load(file);
    return c.projects().get(0).settings(GITHUB).orElseThrow().webhookSecrets();
  }

  private List<ConfigError> errors(String github) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yml"), config(github));
    try {
      loader().load(file);
    } catch (ConfigException e) {
      return e.errors();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  private static String config(String github) {
    return "projects:\n"
        + "  - name: p\n"
        + "    path: /p\n"
        + "    github:\n"
        + "      repositories: [{repo: o/r}]\n"
        + github;
  }

  @Test
  void severalSecretsAreReadInOrder() throws Exception {
    List<Secret> s = secrets("      webhook_secrets: [{env: NEW}, {file: old.secret}]\n");
    assertThat(s).hasSize(2);
    assertThat(s.get(0).toString()).isEqualTo("env:NEW");
    assertThat(s.get(1).toString()).isEqualTo("file:" + dir.resolve("old.secret"));
  }

  @Test
  void theOneSecretFormStays() throws Exception {
    assertThat(secrets("      webhook_secret: {env: NEW}\n"))
        .extracting(Object::toString)
        .containsExactly("env:NEW");
  }

  @Test
  void bothFormsAreALocatedError() throws Exception {
    List<ConfigError> e =
        errors("      webhook_secret: {env: NEW}\n      webhook_secrets: [{env: OLD}]\n");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).line()).isEqualTo(7);
    assertThat(e.get(0).key()).isEqualTo("projects[0].github.webhook_secrets");
    assertThat(e.get(0).message()).contains("not both");
  }

  @Test
  void aBadItemIsLocatedByItsIndex() throws Exception {
    List<ConfigError> e =
        errors("      webhook_secrets:\n        - {env: NEW}\n        - {env: A, file: b}\n");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).line()).isEqualTo(8);
    assertThat(e.get(0).key()).isEqualTo("projects[0].github.webhook_secrets[1]");
    assertThat(e.get(0).message()).contains("exactly one of");
  }

  @Test
  void anEmptyListIsAnError() throws Exception {
    List<ConfigError> e = errors("      webhook_secrets: []\n");
    assertThat(e).extracting(ConfigError::key).contains("projects[0].github.webhook_secrets");
    assertThat(e.get(0).message()).contains("at least one");
  }
}
