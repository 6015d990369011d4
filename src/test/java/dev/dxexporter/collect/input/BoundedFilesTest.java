package dev.dxexporter.collect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
  @TempDir Path tmp;

  @Test
  void readsUpToTheLimitAndRefusesOneByteMore() throws Exception {
    Path f = Files.write(tmp.resolve("f"), new byte[100]);
    assertThat(new BoundedFiles(100).readBytes(f)).hasSize(100);
    assertThatThrownBy(() -> new BoundedFiles(99).readBytes(f))
        .isInstanceOf(InputException.class)
        .hasMessage(f + ": file is larger than the limit of 99 bytes");
  }

  @Test
  void anEndlessFileIsCutAtTheLimit() {
    assertThatThrownBy(() -> new BoundedFiles(1024).readBytes(Path.of("/dev/zero")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void confinementRefusesASymlinkOut() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.writeString(tmp.resolve("secret"), "s");
    Path link = Files.createSymbolicLink(root.resolve("link"), outside);
    assertThatThrownBy(() -> new BoundedFiles(100, root).readBytes(link))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("outside");
    assertThat(new BoundedFiles(100).readText(link)).isEqualTo("s");
  }

  @Test
  void textIsStrictUtf8WithoutItsByteOrderMark() throws Exception {
    Path bom =
        Files.write(tmp.resolve("bom"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'});
    assertThat(new BoundedFiles().readText(bom)).isEqualTo("a");
    Path bad = Files.write(tmp.resolve("bad"), new byte[] {'a', (byte) 0xFF});
    assertThatThrownBy(() -> new BoundedFiles().readText(bad)).hasMessageContaining("UTF-8");
    Path missing = tmp.resolve("missing");
    assertThatThrownBy(() -> new BoundedFiles().readText(missing))
        .hasMessage(missing + ": file not found");
    assertThat("é".getBytes(StandardCharsets.UTF_8)).hasSize(2);
  }
}
