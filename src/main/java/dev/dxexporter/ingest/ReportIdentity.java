package dev.dxexporter.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity of a report: SHA-256 over its files' names (relative to the report's directory) and
 * bytes, in name order. The same bytes seen again have the same identity and are not stored twice;
 * a file rewritten in place is a new report. Each file's own hash is kept with its size and
 * modification time, so an unchanged report is not read again on every scan.
 */
public final class ReportIdentity {
  private record Seen(long size, long modifiedNanos, byte[] hash) {}

  private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

  /** The identity of the files of one report ({@code base}: what their names are relative to). */
  String of(Path base, List<Path> files) throws IOException {
    MessageDigest all = sha256();
    for (Path file : files.stream().sorted().toList()) {
      String name = base.relativize(file).toString();
      all.update(name.getBytes(StandardCharsets.UTF_8));
      all.update((byte) 0);
      all.update(hashOf(file));
    }
    return HexFormat.of().formatHex(all.digest());
  }

  private byte[] hashOf(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    long modified =
        a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
            + a.lastModifiedTime().toInstant().getNano();
    Seen s = seen.get(file);
    if (s != null && s.size() == a.size() && s.modifiedNanos() == modified) {
      return s.hash();
    }
    byte[] hash = hash(file);
    seen.put(file, new Seen(a.size(), modified, hash));
    return hash;
  }

  /** SHA-256 of a file's bytes. */
  public static byte[] hash(Path file) throws IOException {
    MessageDigest d = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        d.update(buffer, 0, n);
      }
    }
    return d.digest();
  }

  /** Forgets files no longer seen (bounded memory over a long run). */
  void retainOnly(java.util.Set<Path> files) {
    seen.keySet().retainAll(files);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
