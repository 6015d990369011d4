package dev.dxexporter.collect.deps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a manifest into memory with a size cap, so a huge (or endless, e.g. /dev/zero behind a
 * symlink) file fails with a clear error instead of exhausting the daemon's heap.
 */
final class ManifestFiles {
  /** Real lockfiles of large monorepos are a few MiB; 32 MiB leaves room and bounds the heap. */
  static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  private final long maxBytes;
  private final Path confinedTo;

  /**
   * @param confinedTo when not null, files whose real path (symlinks followed) lies outside this
   *     directory are refused: a checked-out repository must not make the daemon read, and quote in
   *     its errors, files elsewhere on the machine through a symlinked manifest
   */
  ManifestFiles(long maxBytes, Path confinedTo) {
    this.maxBytes = maxBytes;
    this.confinedTo = confinedTo;
  }

  ManifestFiles(long maxBytes) {
    this(maxBytes, null);
  }

  ManifestFiles() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * Whether {@code file} may be read: always without confinement, else only inside the directory.
   */
  boolean isInside(Path file) throws IOException {
    return confinedTo == null || file.toRealPath().startsWith(confinedTo.toRealPath());
  }

  long maxBytes() {
    return maxBytes;
  }

  byte[] readBytes(Path file) throws ManifestException {
    if (!Files.isRegularFile(file)) {
      throw new ManifestException(
          file, Files.exists(file) ? "not a regular file" : "file not found");
    }
    try {
      if (!isInside(file)) {
        throw new ManifestException(
            file, "resolves (through a symlink) to a file outside the project root");
      }
    } catch (IOException e) {
      throw new ManifestException(file, "cannot resolve: " + e, e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      // Read one byte past the cap: the size from stat can lie (procfs, growing files).
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ManifestException(
            file, "file is larger than the limit of " + maxBytes + " bytes");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new ManifestException(file, "file not found", e);
    } catch (IOException e) {
      throw new ManifestException(file, "cannot read: " + e, e);
    }
  }

  /**
   * The file as strict UTF-8 text (a leading BOM is dropped): all four ecosystems specify UTF-8.
   */
  String readText(Path file) throws ManifestException {
    byte[] bytes = readBytes(file);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ManifestException(file, "not valid UTF-8", e);
    }
  }
}
