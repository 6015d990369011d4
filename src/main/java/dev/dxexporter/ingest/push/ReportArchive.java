package dev.dxexporter.ingest.push;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A pushed body on disk: one report file, or a tar, tar.gz or zip of a reports directory, told
 * apart by magic bytes (the client's Content-Type is only a hint). Archives are unpacked as streams
 * into a directory: regular files only, names that would leave the directory ({@code ../},
 * absolute) are refused, and entry count, unpacked size and ratio are bounded.
 */
final class ReportArchive {
  private ReportArchive() {}

  /**
   * The report files of {@code body}: {@code body} itself when it is not an archive, else the files
   * unpacked into {@code into}, in name order.
   */
  static List<Path> unpack(Path body, Path into, ArchiveLimits limits) throws InputException {
    try {
      byte[] head = head(body, 512);
      if (isGzip(head)) {
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(body), 64 * 1024)) {
          BufferedInputStream in = new BufferedInputStream(bounded(gz, body, limits), 64 * 1024);
          in.mark(512);
          byte[] inner = in.readNBytes(512);
          in.reset();
          if (isTar(inner)) {
            return untar(in, into, limits, body);
          }
          Path plain = into.resolve(stripGz(body.getFileName().toString()));
          Files.copy(in, plain);
          return List.of(plain);
        }
      }
      if (isZip(head)) {
        try (InputStream raw = Files.newInputStream(body)) {
          return unzip(raw, into, limits, body);
        }
      }
      if (isTar(head)) {
        try (InputStream raw = Files.newInputStream(body)) {
          return untar(raw, into, limits, body);
        }
      }
      return List.of(body);
    } catch (SizeLimitExceededException e) {
      throw new InputException(body, "the unpacked report is " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(body, "not a readable archive: " + e.getMessage(), e);
    }
  }

  private static InputStream bounded(InputStream in, Path body, ArchiveLimits limits)
      throws IOException {
    return BoundedFiles.bounded(in, cap(body, limits));
  }

  /** What the report may unpack to: the size limit, or the ratio times what was received. */
  private static long cap(Path body, ArchiveLimits limits) throws IOException {
    long received = Math.max(1, Files.size(body));
    long byRatio =
        received > limits.maxUnpackedBytes() / limits.maxRatio()
            ? limits.maxUnpackedBytes()
            : received * limits.maxRatio();
    // A tiny body may unpack to a little more than the ratio allows (headers); 1 MiB always is.
    return Math.min(limits.maxUnpackedBytes(), Math.max(byRatio, 1 << 20));
  }

  private static List<Path> untar(InputStream in, Path into, ArchiveLimits limits, Path body)
      throws IOException, InputException {
    List<Path> out = new ArrayList<>();
    long cap = cap(body, limits);
    long total = 0;
    String longName = null;
    byte[] header = new byte[512];
    while (true) {
      if (in.readNBytes(header, 0, 512) < 512) {
        throw new InputException(body, "truncated tar archive");
      }
      if (allZero(header)) {
        break;
      }
      String name = longName != null ? longName : tarName(header);
      longName = null;
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      if (type == 'L' || type == 'x') {
        byte[] data = in.readNBytes((int) Math.min(size, 1 << 20));
        skip(in, size - data.length + padding(size));
        longName = type == 'L' ? cString(data) : paxPath(data);
        continue;
      }
      if (type == '0' || type == '\0') {
        Path target = entry(into, name, body);
        if (out.size() >= limits.maxEntries()) {
          throw new InputException(
              body, "more than " + limits.maxEntries() + " files in the archive");
        }
        total += size;
        if (total > cap) {
          throw new SizeLimitExceededException(cap);
        }
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
          copy(in, o, size);
        }
        skip(in, padding(size));
        out.add(target);
      } else {
        skip(in, size + padding(size)); // directories, links and devices are not reports
      }
    }
    return out.stream().sorted().toList();
  }

  private static List<Path> unzip(InputStream raw, Path into, ArchiveLimits limits, Path body)
      throws IOException, InputException {
    List<Path> out = new ArrayList<>();
    long cap = cap(body, limits);
    try (ZipInputStream zip =
        new ZipInputStream(BoundedFiles.bounded(raw, limits.maxUnpackedBytes()))) {
      InputStream unpacked = BoundedFiles.bounded(zip, cap); // all entries together
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        if (out.size() >= limits.maxEntries()) {
          throw new InputException(
              body, "more than " + limits.maxEntries() + " files in the archive");
        }
        Path target = entry(into, e.getName(), body);
        Files.createDirectories(target.getParent());
        try (OutputStream o = Files.newOutputStream(target)) {
          unpacked.transferTo(o); // ends at the entry's end: ZipInputStream returns -1 there
        }
        out.add(target);
      }
    }
    return out.stream().sorted().toList();
  }

  /** The path of an entry inside {@code into}; names that would leave it are refused. */
  private static Path entry(Path into, String name, Path body) throws InputException {
    String n = name.replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    Path target = into.resolve(n).normalize();
    if (n.isEmpty()
        || n.startsWith("/")
        || n.contains("\0")
        || !target.startsWith(into)
        || target.equals(into)) {
      throw new InputException(
          body, "archive entry \"" + name + "\" would be written outside the report");
    }
    return target;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("truncated tar entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }

  private static long padding(long size) {
    return (512 - size % 512) % 512;
  }

  private static String tarName(byte[] h) {
    String name = cString(java.util.Arrays.copyOfRange(h, 0, 100));
    String prefix =
        new String(h, 257, 6, StandardCharsets.US_ASCII).startsWith("ustar")
            ? cString(java.util.Arrays.copyOfRange(h, 345, 500))
            : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String paxPath(byte[] data) {
    for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String cString(byte[] b) {
    int end = 0;
    while (end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int offset, int length) throws IOException {
    String s = cString(java.util.Arrays.copyOfRange(h, offset, offset + length)).trim();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad tar header size \"" + s + "\"");
    }
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  static boolean isGzip(byte[] h) {
    return h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
  }

  static boolean isZip(byte[] h) {
    return h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
  }

  static boolean isTar(byte[] h) {
    return h.length >= 262 && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name + ".report";
  }
}
