package dev.dxexporter.collect.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads input files with a size cap, so a huge (or endless, e.g. /dev/zero behind a symlink) file
 * fails with a clear error instead of exhausting the daemon's heap; optionally confined to a
 * directory, so that a checked-out repository cannot make the daemon read, and quote in its errors,
 * files elsewhere on the machine through a symlink. Never writes, moves or deletes anything.
 */
public final class BoundedFiles {
  /** Real lockfiles of large monorepos are a few MiB; 32 MiB leaves room and bounds the heap. */
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  private final long maxBytes;
  private final Path confinedTo;

  /**
   * @param confinedTo when not null, files whose real path (symlinks followed) lies outside this
   *     directory are refused
   */
  public BoundedFiles(long maxBytes, Path confinedTo) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.confinedTo = confinedTo;
  }

  public BoundedFiles(long maxBytes) {
    this(maxBytes, null);
  }

  public BoundedFiles() {
    this(DEFAULT_MAX_BYTES);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Whether {@code file} may be read: always without confinement, else only inside the directory.
   */
  public boolean isInside(Path file) throws IOException {
    return confinedTo == null || file.toRealPath().startsWith(confinedTo.toRealPath());
  }

  /** The whole file, at most {@link #maxBytes()} of it. */
  public byte[] readBytes(Path file) throws InputException {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (SizeLimitExceededException e) {
      throw new InputException(file, "file is larger than the limit of " + maxBytes + " bytes", e);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
  }

  /** The file as strict UTF-8 text; a leading byte order mark is dropped. */
  public String readText(Path file) throws InputException {
    byte[] bytes = readBytes(file);
    try {
      return utf8(bytes);
    } catch (CharacterCodingException e) {
      throw new InputException(file, "not valid UTF-8", e);
    }
  }

  /**
   * Opens the file for streaming; reading past {@link #maxBytes()} throws {@link
   * SizeLimitExceededException}. The size from stat is not trusted (procfs, growing files).
   */
  public InputStream open(Path file) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          file,
          // A dangling symlink is "not found": what it names does not exist.
          Files.exists(file) ? "not a regular file" : "file not found");
    }
    try {
      if (!isInside(file)) {
        throw new InputException(
            file, "resolves (through a symlink) to a file outside the project root");
      }
    } catch (IOException e) {
      throw new InputException(file, "cannot resolve: " + e, e);
    }
    try {
      return bounded(Files.newInputStream(file), maxBytes);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "file not found", e);
    } catch (IOException e) {
      throw new InputException(file, "cannot read: " + e, e);
    }
  }

  /** Strict UTF-8 decoding; a leading byte order mark is dropped. */
  public static String utf8(byte[] bytes) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * {@code in}, failing with {@link SizeLimitExceededException} once more than {@code max} bytes
   * were read.
   */
  public static InputStream bounded(InputStream in, long max) {
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, max - count + 1)));
        if (n > 0) {
          count(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(0, max - count + 1)));
        count(skipped);
        return skipped;
      }

      private void count(long n) throws SizeLimitExceededException {
        count += n;
        if (count > max) {
          throw new SizeLimitExceededException(max);
        }
      }
    };
  }
}
