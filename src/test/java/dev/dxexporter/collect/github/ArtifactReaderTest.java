package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactReaderTest {
  static final String NEXTEST = "junit/nextest/fixtures/fixture-project-junit.xml";
  static final String MINIMAL =
      "junit/publish-unit-test-result-action/python/test/files/junit-xml/minimal-attributes.xml";
  private static final Path SOURCE = Path.of("artifact-test");

  /** The artifact upload-artifact would make of a reports folder: a directory and two files. */
  static byte[] reports() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("reports/", new byte[0]);
    entries.put("reports/nextest/fixture-project-junit.xml", GitHubFixtures.bytes(NEXTEST));
    entries.put("minimal-attributes.xml", GitHubFixtures.bytes(MINIMAL));
    return Zips.of(entries);
  }

  @Test
  void everyFileEntryArrivesByteForByte() throws Exception {
    Map<String, byte[]> seen = new LinkedHashMap<>();
    ArtifactReader.Summary summary =
        new ArtifactReader(ZipLimits.defaults())
            .read(
                new ByteArrayInputStream(reports()),
                SOURCE,
                (name, in) -> seen.put(name, in.readAllBytes()));
    assertThat(seen.keySet())
        .containsExactly("reports/nextest/fixture-project-junit.xml", "minimal-attributes.xml");
    assertThat(seen.get("reports/nextest/fixture-project-junit.xml"))
        .isEqualTo(GitHubFixtures.bytes(NEXTEST));
    assertThat(seen.get("minimal-attributes.xml")).isEqualTo(GitHubFixtures.bytes(MINIMAL));
    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.uncompressedBytes())
        .isEqualTo(GitHubFixtures.bytes(NEXTEST).length + GitHubFixtures.bytes(MINIMAL).length);
  }

  @Test
  void whatAConsumerLeavesUnreadIsSkippedAndClosingIsHarmless() throws Exception {
    List<String> seen = new ArrayList<>();
    new ArtifactReader(ZipLimits.defaults())
        .read(
            new ByteArrayInputStream(reports()),
            SOURCE,
            (name, in) -> {
              seen.add(name + ":" + (char) in.read());
              in.close();
            });
    assertThat(seen)
        .containsExactly("reports/nextest/fixture-project-junit.xml:<", "minimal-attributes.xml:<");
  }

  @Test
  void aZipBombIsAClearErrorNotAnOutOfMemory() {
    byte[] bomb = Zips.bomb("junit.xml", 64L << 20);
    assertThat(bomb.length).isLessThan(200_000);
    ZipLimits generous = new ZipLimits(1L << 30, 1L << 40, 10, 1L << 40, 200);
    long[] read = {0};
    assertThatThrownBy(
            () ->
                new ArtifactReader(generous)
                    .read(
                        new ByteArrayInputStream(bomb),
                        SOURCE,
                        (name, in) -> {
                          byte[] buffer = new byte[8192];
                          for (int n; (n = in.read(buffer)) > 0; ) {
                            read[0] += n;
                          }
                        }))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("zip bomb")
        .hasMessageContaining("junit.xml inflates more than 200 times");
    assertThat(read[0]).isLessThan(4L << 20);
  }

  @Test
  void aBombNobodyReadsIsStillStopped() {
    byte[] bomb = Zips.bomb("ignored.bin", 64L << 20);
    ZipLimits generous = new ZipLimits(1L << 30, 1L << 40, 10, 1L << 40, 200);
    assertThatThrownBy(
            () ->
                new ArtifactReader(generous)
                    .read(new ByteArrayInputStream(bomb), SOURCE, (n, in) -> {}))
        .hasMessageContaining("zip bomb");
  }

  @Test
  void manySmallHighlyCompressedEntriesTripTheOverallRatio() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      entries.put("part-" + i + ".xml", new byte[512 * 1024]);
    }
    byte[] zip = Zips.of(entries);
    ZipLimits limits = new ZipLimits(1L << 30, 1L << 40, 100, 1L << 30, 100);
    assertThatThrownBy(
            () ->
                new ArtifactReader(limits)
                    .read(new ByteArrayInputStream(zip), SOURCE, (n, in) -> {}))
        .hasMessageContaining("the archive inflates more than 100 times");
  }

  @Test
  void entryTotalCountAndDownloadLimits() {
    ZipLimits limits = new ZipLimits(4L << 20, 1L << 20, 3, 700 * 1024, 200);
    byte[] big = Zips.of(Map.of("big.bin", Zips.incompressible(800 * 1024, 1)));
    assertThatThrownBy(() -> read(limits, big))
        .hasMessageContaining("entry big.bin is larger than the limit of 716800 bytes")
        .hasCauseInstanceOf(SizeLimitExceededException.class);

    Map<String, byte[]> two = new LinkedHashMap<>();
    two.put("a.bin", Zips.incompressible(600 * 1024, 2));
    two.put("b.bin", Zips.incompressible(600 * 1024, 3));
    assertThatThrownBy(() -> read(limits, Zips.of(two)))
        .hasMessageContaining("the archive's content is larger than the limit of 1048576 bytes");

    Map<String, byte[]> four = new LinkedHashMap<>();
    for (String n : List.of("1", "2", "3", "4")) {
      four.put(n, new byte[1]);
    }
    assertThatThrownBy(() -> read(limits, Zips.of(four)))
        .hasMessageContaining("more than 3 entries");

    ZipLimits smallDownload = new ZipLimits(512 * 1024, 1L << 30, 10, 1L << 30, 200);
    assertThatThrownBy(
            () -> read(smallDownload, Zips.of(Map.of("x", Zips.incompressible(600 * 1024, 4)))))
        .hasMessageContaining("the archive is larger than the limit of 524288 bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil.xml",
        "reports/../../evil.xml",
        "/etc/cron.d/x",
        "\\windows\\x.xml",
        "C:/Users/x.xml",
        "a\\..\\..\\b.xml",
        ".."
      })
  void pathTraversalIsRefusedBeforeTheConsumerSeesIt(String name) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("ok.xml", "<testsuites/>".getBytes());
    entries.put(name, "<testsuites/>".getBytes());
    List<String> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                new ArtifactReader(ZipLimits.defaults())
                    .read(
                        new ByteArrayInputStream(Zips.of(entries)), SOURCE, (n, in) -> seen.add(n)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("path traversal");
    assertThat(seen).containsExactly("ok.xml");
  }

  @Test
  void namesThatOnlyLookOddAreFine() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("..hidden/TEST-a..b.xml", new byte[] {1});
    entries.put("reports/./x.xml", new byte[] {2});
    List<String> seen = new ArrayList<>();
    new ArtifactReader(ZipLimits.defaults())
        .read(new ByteArrayInputStream(Zips.of(entries)), SOURCE, (n, in) -> seen.add(n));
    assertThat(seen).containsExactly("..hidden/TEST-a..b.xml", "reports/./x.xml");
  }

  @Test
  void notAZipAndCorruptZipsAreErrors() {
    assertThatThrownBy(() -> read(ZipLimits.defaults(), "<html>Bad gateway</html>".getBytes()))
        .hasMessageContaining("not a zip archive");
    assertThatThrownBy(() -> read(ZipLimits.defaults(), new byte[0]))
        .hasMessageContaining("not a zip archive");
    byte[] zip = Zips.of(Map.of("a.xml", GitHubFixtures.bytes(MINIMAL)));
    byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
    assertThatThrownBy(() -> read(ZipLimits.defaults(), truncated))
        .isInstanceOf(InputException.class);
  }

  @Test
  void storedEntriesWithADataDescriptorSayWhatToChange() {
    byte[] zip = Zips.storedWithDataDescriptor("junit.xml", GitHubFixtures.bytes(MINIMAL));
    assertThatThrownBy(() -> read(ZipLimits.defaults(), zip))
        .hasMessageContaining("compression level above 0");
  }

  @Test
  void anEmptyArchiveHasNoEntries() throws Exception {
    assertThat(read(ZipLimits.defaults(), Zips.of(Map.of())).files()).isZero();
  }

  private static ArtifactReader.Summary read(ZipLimits limits, byte[] zip) throws InputException {
    return new ArtifactReader(limits)
        .read(new ByteArrayInputStream(zip), SOURCE, (n, in) -> drain(in));
  }

  private static void drain(InputStream in) throws java.io.IOException {
    in.transferTo(java.io.OutputStream.nullOutputStream());
  }
}
