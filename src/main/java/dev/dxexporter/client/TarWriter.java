package dev.dxexporter.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A POSIX (ustar) tar stream of regular files. Names longer than ustar's 100 bytes get a pax {@code
 * path} record first. Every header has mode 0644, owner 0 and time 0, so the same files give the
 * same bytes: the archive's digest is then the content's, and a re-push is a duplicate.
 */
final class TarWriter implements AutoCloseable {
  private static final int BLOCK = 512;
  private final OutputStream out;

  TarWriter(OutputStream out) {
    this.out = out;
  }

  /** Appends {@code file} under {@code name} ({@code /}-separated, relative). */
  void add(String name, Path file) throws IOException {
    long size = Files.size(file);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      byte[] record = paxRecord("path", name);
      out.write(header("././@PaxHeader".getBytes(StandardCharsets.US_ASCII), record.length, 'x'));
      out.write(record);
      pad(record.length);
      nameBytes = truncated(nameBytes);
    }
    out.write(header(nameBytes, size, '0'));
    long copied;
    try (InputStream in = Files.newInputStream(file)) {
      copied = in.transferTo(out);
    }
    if (copied != size) {
      throw new IOException(file + " changed size while being archived");
    }
    pad(size);
  }

  @Override
  public void close() throws IOException {
    out.write(new byte[2 * BLOCK]);
    out.close();
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  /** "len path=value\n", where len counts itself. */
  private static byte[] paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + String.valueOf(body).length();
    if (String.valueOf(len).length() != String.valueOf(body).length()) {
      len++;
    }
    return (len + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] truncated(byte[] name) {
    byte[] t = new byte[100];
    System.arraycopy(name, name.length - 100, t, 0, 100);
    return t;
  }

  private static byte[] header(byte[] name, long size, char type) {
    byte[] h = new byte[BLOCK];
    System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    h[156] = (byte) type;
    System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    return h;
  }

  /** {@code value} as zero-padded octal digits in {@code width - 1} bytes and a NUL. */
  private static void octal(byte[] h, int at, int width, long value) {
    String digits = Long.toOctalString(value);
    if (digits.length() > width - 1) {
      throw new IllegalArgumentException("a file of " + value + " bytes is too large for tar");
    }
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, at, width - 1);
  }
}
