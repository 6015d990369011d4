package dev.dxexporter.collect.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives made in the tests: artifacts, bombs, hostile names. */
final class Zips {
  /** Entries in order; a name ending in "/" is a directory. */
  static byte[] of(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One entry of {@code size} zero bytes, deflated at the best level: about 1,000 to 1. */
  static byte[] bomb(String name, long size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry(name));
      writeZeros(zip, size);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] incompressible(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /**
   * A STORED entry with the data-descriptor flag, as actions/upload-artifact writes with
   * compression-level 0 (its issue #675): sizes and CRC only after the data.
   */
  static byte[] storedWithDataDescriptor(String name, byte[] data) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(30 + n.length + data.length + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0008).putShort((short) 0);
    b.putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).putInt(0);
    b.putShort((short) n.length).putShort((short) 0).put(n).put(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(data);
    b.putInt(0x08074b50).putInt((int) crc.getValue()).putInt(data.length).putInt(data.length);
    return b.array();
  }

  private static void writeZeros(OutputStream out, long size) throws IOException {
    byte[] zeros = new byte[1 << 16];
    for (long left = size; left > 0; left -= zeros.length) {
      out.write(zeros, 0, (int) Math.min(zeros.length, left));
    }
  }

  private Zips() {}
}
