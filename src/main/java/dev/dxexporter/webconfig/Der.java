package dev.dxexporter.webconfig;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little DER needed to wrap PKCS#1 and SEC1 keys into PKCS#8: definite lengths, one-byte tags.
 */
final class Der {
  private Der() {}

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... elements) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] e : elements) {
      content.writeBytes(e);
    }
    return tlv(0x30, content.toByteArray());
  }

  /** Reads consecutive TLVs from a byte array; malformed input is an IllegalArgumentException. */
  static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    boolean hasMore() {
      return pos < data.length;
    }

    int peekTag() {
      check(pos < data.length);
      return data[pos] & 0xff;
    }

    /** The content of the next element, which must have {@code tag}. */
    byte[] expect(int tag) {
      int start = pos;
      int end = skip(tag);
      return Arrays.copyOfRange(data, end - contentLength(start), end);
    }

    /** The whole next element (tag, length, content), which must have {@code tag}. */
    byte[] rawElement(int tag) {
      int start = pos;
      int end = skip(tag);
      return Arrays.copyOfRange(data, start, end);
    }

    private int contentLength(int start) {
      int p = start + 1;
      int first = data[p] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int n = 0;
      for (int i = 0; i < (first & 0x7f); i++) {
        n = (n << 8) | (data[p + 1 + i] & 0xff);
      }
      return n;
    }

    private int skip(int tag) {
      check(pos + 2 <= data.length && (data[pos] & 0xff) == tag);
      int first = data[pos + 1] & 0xff;
      int header = 2;
      int length = first;
      if (first >= 0x80) {
        int count = first & 0x7f;
        check(count >= 1 && count <= 3 && pos + 2 + count <= data.length);
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (data[pos + 2 + i] & 0xff);
        }
        header += count;
      }
      check(pos + header + length <= data.length);
      pos += header + length;
      return pos;
    }

    private static void check(boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException("malformed DER in private key");
      }
    }
  }
}
