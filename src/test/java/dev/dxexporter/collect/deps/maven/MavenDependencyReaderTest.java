package dev.dxexporter.collect.deps.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.deps.DepsFixtures;
import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written reactor in {@code src/test/resources/deps/maven/multi} (parent with inherited
 * dependencies and dependencyManagement scope, properties, a nested aggregator, plugin and profile
 * dependencies that must not count). Expected values: {@code multi.expected.json}, written by
 * {@code expected_from_effective_pom.py} from {@code mvn help:effective-pom} (Maven 3.8.7).
 */
class MavenDependencyReaderTest {
  private static final Path MULTI = Path.of("src", "test", "resources", "deps", "maven", "multi");
  private final MavenDependencyReader reader = new MavenDependencyReader(new BoundedFiles());

  @Test
  void matchesMavensEffectiveModel() throws Exception {
    JsonNode expected = DepsFixtures.expected("maven/multi.expected.json");
    DependencyReport report = reader.read(MULTI);
    List<String> modules = new java.util.ArrayList<>();
    expected.get("modules").fieldNames().forEachRemaining(modules::add);
    assertThat(report.packages())
        .extracting(PackageDependencies::packageName)
        .containsExactlyInAnyOrderElementsOf(modules);
    expected
        .get("modules")
        .properties()
        .forEach(
            module -> {
              PackageDependencies actual = report.findPackage(module.getKey()).orElseThrow();
              assertThat(actual.namesByKind().keySet())
                  .containsExactlyInAnyOrderElementsOf(MavenDependencyReader.SCOPES);
              module
                  .getValue()
                  .properties()
                  .forEach(
                      scope ->
                          assertThat(actual.namesByKind().get(scope.getKey()))
                              .as("%s %s", module.getKey(), scope.getKey())
                              .containsExactlyInAnyOrderElementsOf(
                                  DepsFixtures.strings(scope.getValue())));
            });
    assertThat(report.distinctExternal())
        .containsExactlyInAnyOrderElementsOf(DepsFixtures.strings(expected.get("distinct")));
    assertThat(report.lock()).isEmpty();
  }

  @Test
  void xxeIsNotResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "org.example.leaked");
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [<!ENTITY xxe SYSTEM "%s">]>
        <project>
          <artifactId>evil</artifactId>
          <dependencies>
            <dependency><groupId>&xxe;</groupId><artifactId>a</artifactId></dependency>
          </dependencies>
        </project>
        """
            .formatted(secret.toUri()));
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("pom.xml").toAbsolutePath() + ":6:")
        .hasMessageContaining("xxe")
        .hasMessageNotContaining("org.example.leaked");
  }

  @Test
  void billionLaughsIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE project [
          <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        ]>
        <project><artifactId>&c;</artifactId></project>
        """);
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("pom.xml:7:");
  }

  @Test
  void malformedPomNamesFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project>\n  <artifactId>x</artifactId>\n  <dependencies>\n</project>\n");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.resolve("pom.xml").toAbsolutePath() + ":4:");
  }

  @Test
  void moduleOutsideTheRootIsRefused(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectory(dir.resolve("root"));
    Files.createDirectory(dir.resolve("outside"));
    Files.writeString(
        dir.resolve("outside/pom.xml"), "<project><artifactId>o</artifactId></project>");
    Files.writeString(
        root.resolve("pom.xml"),
        "<project><artifactId>r</artifactId><modules><module>../outside</module></modules></project>");
    assertThatThrownBy(() -> reader.read(root))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("outside the project root");
  }

  @Test
  void moduleCycleEnds(@TempDir Path dir) throws Exception {
    Files.createDirectory(dir.resolve("a"));
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project><artifactId>r</artifactId><modules><module>a</module></modules></project>");
    Files.writeString(
        dir.resolve("a/pom.xml"),
        "<project><artifactId>a</artifactId><modules><module>..</module></modules></project>");
    assertThat(reader.read(dir).packages())
        .extracting(PackageDependencies::packageName)
        .containsExactly("r", "a");
  }

  @Test
  void missingModuleNamesTheModule(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project><artifactId>r</artifactId><modules><module>gone</module></modules></project>");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("gone");
  }

  @Test
  void aPomAtItsCapIsReadAndOneByteMoreIsRefusedByName(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    dev.dxexporter.collect.deps.CapFiles.write("pom", dir);
    Path pom = dir.resolve("pom.xml");
    assertThat(Files.size(pom)).isLessThanOrEqualTo(MavenPom.MAX_BYTES);
    MavenDependencyReader capped = new MavenDependencyReader(new BoundedFiles());
    assertThat(capped.read(dir).packages()).hasSize(1);
    try (var out = Files.newOutputStream(pom, java.nio.file.StandardOpenOption.APPEND)) {
      out.write(new byte[(int) (MavenPom.MAX_BYTES - Files.size(pom) + 1)]);
    }
    assertThatThrownBy(() -> capped.read(dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(pom.toString())
        .hasMessageContaining("larger than 8388608 bytes");
  }
}
