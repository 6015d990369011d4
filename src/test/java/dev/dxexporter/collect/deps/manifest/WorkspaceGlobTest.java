package dev.dxexporter.collect.deps.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceGlobTest {
  @TempDir Path root;

  private WorkspaceGlob glob() throws Exception {
    return new WorkspaceGlob(root, root.resolve("Cargo.toml"));
  }

  @Test
  void starMatchesDirectoriesOfOneLevelOnly() throws Exception {
    Files.createDirectories(root.resolve("crates/a/nested"));
    Files.createDirectories(root.resolve("crates/b"));
    Files.writeString(root.resolve("crates/file.txt"), "x");
    assertThat(glob().expand("crates/*"))
        .containsExactly(
            root.resolve("crates/a").toAbsolutePath(), root.resolve("crates/b").toAbsolutePath());
  }

  @Test
  void literalPathIsKeptEvenWhenMissing() throws Exception {
    assertThat(glob().expand("./gone/")).containsExactly(root.resolve("gone").toAbsolutePath());
  }

  @Test
  void doubleStarSurvivesSymlinkLoops() throws Exception {
    Files.createDirectories(root.resolve("packages/a"));
    Files.createSymbolicLink(root.resolve("packages/a/loop"), root.resolve("packages"));
    Files.createSymbolicLink(root.resolve("packages/self"), Path.of("."));
    assertThat(glob().expand("packages/**"))
        .contains(
            root.resolve("packages").toAbsolutePath(), root.resolve("packages/a").toAbsolutePath())
        .hasSizeLessThan(5);
  }

  @Test
  void questionMarkAndClasses() throws Exception {
    Files.createDirectories(root.resolve("x1"));
    Files.createDirectories(root.resolve("x2"));
    Files.createDirectories(root.resolve("y1"));
    assertThat(glob().expand("x?")).hasSize(2);
    assertThat(glob().expand("[xy]1")).hasSize(2);
  }
}
