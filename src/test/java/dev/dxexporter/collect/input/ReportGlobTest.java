package dev.dxexporter.collect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGlobTest {
  @TempDir Path tmp;
  private Path root;

  @BeforeEach
  void tree() throws IOException {
    root = Files.createDirectories(tmp.resolve("project"));
    file("target/surefire-reports/TEST-a.AlphaTest.xml");
    file("target/surefire-reports/TEST-a.BetaTest.xml");
    file("target/surefire-reports/a.AlphaTest.txt");
    file("core/build/test-results/test/TEST-c.CoreTest.xml");
    file("app/build/test-results/integrationTest/TEST-c.AppIT.xml");
    file("node_modules/dep/junit.xml");
    file("junit.xml");
    file("coverage/lcov.info");
  }

  private Path file(String relative) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "x");
  }

  private List<String> match(String pattern) throws Exception {
    ReportGlob glob =
        new ReportGlob(root, dir -> dir.getFileName().toString().equals("node_modules"));
    return glob.files(pattern).stream().map(p -> root.relativize(p).toString()).toList();
  }

  @Test
  void aStarMatchesWithinOneDirectory() throws Exception {
    assertThat(match("target/surefire-reports/*.xml"))
        .containsExactly(
            "target/surefire-reports/TEST-a.AlphaTest.xml",
            "target/surefire-reports/TEST-a.BetaTest.xml");
  }

  @Test
  void doubleStarMatchesAnyDepthZeroIncluded() throws Exception {
    assertThat(match("**/TEST-*.xml"))
        .containsExactly(
            "app/build/test-results/integrationTest/TEST-c.AppIT.xml",
            "core/build/test-results/test/TEST-c.CoreTest.xml",
            "target/surefire-reports/TEST-a.AlphaTest.xml",
            "target/surefire-reports/TEST-a.BetaTest.xml");
    assertThat(match("**/junit.xml")).containsExactly("junit.xml"); // node_modules skipped
    assertThat(match("**/build/test-results/**/*.xml")).hasSize(2);
  }

  @Test
  void aTrailingDoubleStarTakesEveryFileBelow() throws Exception {
    assertThat(match("target/**"))
        .containsExactly(
            "target/surefire-reports/TEST-a.AlphaTest.xml",
            "target/surefire-reports/TEST-a.BetaTest.xml",
            "target/surefire-reports/a.AlphaTest.txt");
  }

  @Test
  void aLiteralPathReachesEvenASkippedDirectory() throws Exception {
    assertThat(match("coverage/lcov.info")).containsExactly("coverage/lcov.info");
    assertThat(match("node_modules/dep/junit.xml")).containsExactly("node_modules/dep/junit.xml");
    assertThat(match("coverage/missing.info")).isEmpty();
  }

  @Test
  void symlinksOutOfTheProjectAreNotFollowed() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("elsewhere/reports"));
    Files.writeString(outside.resolve("TEST-secret.xml"), "x");
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createSymbolicLink(root.resolve("TEST-link.xml"), outside.resolve("TEST-secret.xml"));
    assertThat(match("**/TEST-*.xml")).noneMatch(p -> p.contains("secret") || p.contains("link"));
    assertThat(match("linked/*.xml")).isEmpty();
  }

  @Test
  void aSymlinkedDirectoryInsideIsNotWalkedTwice() throws Exception {
    Files.createSymbolicLink(root.resolve("again"), root.resolve("target"));
    assertThat(match("**/TEST-a.*.xml")).hasSize(2);
  }

  @Test
  void patternsThatLeaveTheProjectAreRefused() {
    assertThat(ReportGlob.problem("../x/*.xml")).contains("climb");
    assertThat(ReportGlob.problem("/etc/*.xml")).contains("relative");
    assertThat(ReportGlob.problem("a/[.xml")).contains("invalid glob");
    assertThat(ReportGlob.problem("target/**/*.xml")).isNull();
    assertThatThrownBy(() -> match("../*.xml")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMatchCountIsCapped() throws Exception {
    ReportGlob glob = new ReportGlob(root, dir -> false, 32, 2);
    assertThatThrownBy(() -> glob.files("**/*.xml")).hasMessageContaining("more than 2 files");
  }
}
