package dev.dxexporter.client;

import dev.dxexporter.ingest.ReportIdentity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What one path on the command line becomes on the wire, spooled to a file so that a retry sends
 * the same bytes: a directory as a tar.gz of its regular files (symbolic links are not followed), a
 * plain file gzip-encoded ({@code Content-Encoding: gzip}), a file that already is an archive
 * (gzip, zip, tar) as it is.
 *
 * @param files how many report files it holds
 * @param sha256 of the body as sent
 */
public record ReportBundle(
    Path source, Path body, Optional<String> contentEncoding, int files, String sha256) {

  /**
   * Packs {@code path} into a new file in {@code work}.
   *
   * @throws IOException when {@code path} does not exist, is a directory without files, or cannot
   *     be read; the message names it
   */
  public static ReportBundle pack(Path path, Path work) throws IOException {
    if (Files.isDirectory(path)) {
      List<Path> files = regularFiles(path);
      if (files.isEmpty()) {
        throw new IOException(path + ": no file in this directory");
      }
      Path body = Files.createTempFile(work, "bundle-", ".tar.gz");
      try (TarWriter tar = new TarWriter(gzip(body))) {
        for (Path f : files) {
          tar.add(path.relativize(f).toString().replace('\\', '/'), f);
        }
      }
      return new ReportBundle(path, body, Optional.empty(), files.size(), sha256(body));
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + ": no such file or directory");
    }
    if (isArchive(path)) {
      return new ReportBundle(path, path, Optional.empty(), 1, sha256(path));
    }
    Path body = Files.createTempFile(work, "bundle-", ".gz");
    try (OutputStream out = gzip(body)) {
      Files.copy(path, out);
    }
    return new ReportBundle(path, body, Optional.of("gzip"), 1, sha256(body));
  }

  private static List<Path> regularFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  private static OutputStream gzip(Path file) throws IOException {
    return new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** gzip (1f 8b), zip (PK 03 04) or tar ("ustar" at 257): the server unpacks these itself. */
  private static boolean isArchive(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(262);
    }
    boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    boolean zip =
        head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean tar =
        head.length >= 262
            && head[257] == 'u'
            && head[258] == 's'
            && head[259] == 't'
            && head[260] == 'a'
            && head[261] == 'r';
    return gzip || zip || tar;
  }

  private static String sha256(Path file) throws IOException {
    return HexFormat.of().formatHex(ReportIdentity.hash(file));
  }
}
