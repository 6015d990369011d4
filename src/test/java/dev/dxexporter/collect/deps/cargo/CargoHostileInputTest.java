package dev.dxexporter.collect.deps.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.PackageDependencies;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.TomlDocuments;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile Cargo input: every failure is a InputException naming the file (and line).
 */
class CargoHostileInputTest {
  @TempDir Path dir;

  private DependencyReport read() throws Exception {
    return new CargoDependencyReader(new TomlDocuments(new BoundedFiles())).read(dir);
  }

  private Path write(String relative, String text) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() throws Exception {
    Path file =
        write(
            "Cargo.toml", "[package]\nname = \"a\"\n\n[dependencies]\nserde = { version = \"1\"\n");
    // tomlj reports where the input ended (line 6) and names the opening line in its message.
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ":6:1: not valid TOML")
        .hasMessageContaining("opened at line 5");
    Files.writeString(file, "[package]\nname = = \"a\"\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ":2:");
  }

  @Test
  void wrongDependencyTypeNamesLine() throws Exception {
    Path file = write("Cargo.toml", "[package]\nname = \"a\"\n\n[dependencies]\nserde = 1\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toAbsolutePath() + ":5:")
        .hasMessageContaining("`serde`");
  }

  @Test
  void inheritanceWithoutWorkspaceEntryNamesMemberAndLine() throws Exception {
    write("Cargo.toml", "[workspace]\nmembers = [\"a\"]\n");
    Path member =
        write("a/Cargo.toml", "[package]\nname = \"a\"\n[dependencies]\nserde.workspace = true\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(member.toAbsolutePath() + ":4:")
        .hasMessageContaining("[workspace.dependencies] has no `serde`");
  }

  @Test
  void missingMemberNamesItsManifest() throws Exception {
    // cargo metadata fails the same way ("failed to load manifest for workspace member").
    write("Cargo.toml", "[workspace]\nmembers = [\"gone\"]\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(dir.toAbsolutePath().resolve("gone/Cargo.toml").toString())
        .hasMessageContaining("listed in [workspace] members");
  }

  @Test
  void memberPatternsEscapingTheRootAreRefused() throws Exception {
    for (String pattern : new String[] {"../*", "crates/../../x", "/etc", "a/../.."}) {
      write("Cargo.toml", "[workspace]\nmembers = [\"" + pattern + "\"]\n");
      assertThatThrownBy(this::read)
          .as(pattern)
          .isInstanceOf(InputException.class)
          .hasMessageContaining("escapes the project root");
    }
  }

  @Test
  void symlinkedMemberOutsideTheRootIsRefused(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("Cargo.toml"), "[package]\nname = \"evil\"\n");
    write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    Files.createDirectories(dir.resolve("crates"));
    Files.createSymbolicLink(dir.resolve("crates/evil"), outside);
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("symlink out of the project root");
  }

  @Test
  void hugeManifestIsRefusedWithoutReadingIt() throws Exception {
    Path file = write("Cargo.toml", "");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(TomlDocuments.MAX_PARSED_BYTES + 1); // sparse: costs no disk
    }
    // A manifest tomlj would need ~40 MiB of heap per MiB for is refused before it is read.
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file.toAbsolutePath().toString())
        .hasMessageContaining("larger than " + TomlDocuments.MAX_PARSED_BYTES + " bytes");
  }

  @Test
  void deeplyNestedArraysDoNotEscapeAsErrors() throws Exception {
    write(
        "Cargo.toml",
        "[package]\nname = \"a\"\nx = " + "[".repeat(200_000) + "]".repeat(200_000) + "\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cargo.toml");
  }

  @Test
  void fuzzerReproducerBytesAreRejected() throws Exception {
    // The libFuzzer input Jazzer found for the tomlj 2.2.0 assert (reference/java-deps.md). As raw
    // bytes it is not UTF-8 (0xE1 0x0A), so it is refused before tomlj sees it; the string Jazzer
    // derived from it is not known, so the AssertionError path itself (caught in TomlDocuments) is
    // not reproduced here.
    byte[] bytes = Base64.getDecoder().decode("DQpbU+EKCltTCltTIwAAAA==");
    Files.write(dir.resolve("Cargo.toml"), bytes);
    assertThatThrownBy(this::read).isInstanceOf(InputException.class);
  }

  @Test
  void invalidUtf8IsAnError() throws Exception {
    Files.write(dir.resolve("Cargo.toml"), new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void duplicatePackageNamesAreRefused() throws Exception {
    write("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n");
    write("a/Cargo.toml", "[package]\nname = \"same\"\n");
    write("b/Cargo.toml", "[package]\nname = \"same\"\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("named `same`");
  }

  @Test
  void singlePackageWithoutWorkspaceIsItsOwnMember() throws Exception {
    write(
        "Cargo.toml", "[package]\nname = \"solo\"\n[dependencies]\nlocal = { path = \"local\" }\n");
    write("local/Cargo.toml", "[package]\nname = \"local\"\n");
    DependencyReport report = read();
    // cargo metadata --no-deps names only `solo` as member here (see lockformats-v4.expected.json,
    // the same shape): a path dependency is a member only of an explicit [workspace].
    assertThat(report.packages())
        .extracting(PackageDependencies::packageName)
        .containsExactly("solo");
    assertThat(report.distinctExternal()).containsExactly("local");
  }
}
