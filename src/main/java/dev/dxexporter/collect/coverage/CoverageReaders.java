package dev.dxexporter.collect.coverage;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SecureXml;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry point for every coverage format: tells the format from the content (the XML root
 * element, or an LCOV record on the first line), with the file name as a hint when the content
 * cannot tell, and hands the stream to {@link CoberturaReader}, {@link LcovReader} or {@link
 * JacocoReader}. Keeps no state between reads (each read builds its own), so one instance can serve
 * every collector and push.
 */
public final class CoverageReaders {
  /** The detail budget of {@link #CoverageReaders()}: 64 MiB. */
  public static final long DEFAULT_MAX_DETAIL_BYTES = DetailBudget.DEFAULT_MAX_BYTES;

  private final CoberturaReader cobertura;
  private final LcovReader lcov;
  private final JacocoReader jacoco;

  public CoverageReaders() {
    this(DEFAULT_MAX_DETAIL_BYTES);
  }

  /**
   * @param maxDetailBytes memory one read may spend on per-line detail (see {@link LcovReader})
   */
  public CoverageReaders(long maxDetailBytes) {
    SecureXml xml = new SecureXml();
    this.cobertura = new CoberturaReader(xml, maxDetailBytes);
    this.lcov = new LcovReader(maxDetailBytes);
    this.jacoco = new JacocoReader(xml);
  }

  /** Reads {@code file} through {@code files} (its size cap and confinement). */
  public CoverageReport read(BoundedFiles files, Path file, Optional<CoverageFormat> format)
      throws InputException {
    try (InputStream in = files.open(file)) {
      return read(in, file, format);
    } catch (IOException e) {
      throw new InputException(file, "cannot close: " + e, e);
    }
  }

  /**
   * Reads {@code in} to its end.
   *
   * @param name names the input in errors and warnings, and hints at the format
   * @param format the format the caller was told (a push's {@code format}); empty to detect it.
   *     When the content plainly is another format, that is an error rather than a misreading.
   */
  public CoverageReport read(InputStream in, Path name, Optional<CoverageFormat> format)
      throws InputException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    CoverageFormat chosen = choose(buffered, name, format);
    return switch (chosen) {
      case COBERTURA -> cobertura.read(buffered, name);
      case LCOV -> lcov.read(buffered, name);
      case JACOCO -> jacoco.read(buffered, name);
    };
  }

  /** The format of the stream's content (peeked, not consumed), else of its name. */
  public static CoverageFormat detect(BufferedInputStream in, Path name) throws InputException {
    return choose(in, name, Optional.empty());
  }

  private static CoverageFormat choose(
      BufferedInputStream in, Path name, Optional<CoverageFormat> format) throws InputException {
    byte[] head = new byte[CoverageFormat.SNIFF_BYTES];
    int n = peek(in, head, name);
    Optional<CoverageFormat> content = CoverageFormat.fromContent(head, n);
    if (format.isPresent()) {
      if (content.isPresent() && content.get() != format.get()) {
        throw new InputException(
            name, "given as " + format.get().id() + " but the content is " + content.get().id());
      }
      return format.get();
    }
    if (content.isPresent()) {
      return content.get();
    }
    Optional<CoverageFormat> hint = CoverageFormat.fromFileName(name);
    if (hint.isPresent() && n > 0) {
      return hint.get();
    }
    throw new InputException(
        name,
        n == 0
            ? "empty file: no coverage report"
            : "neither Cobertura (<coverage>), JaCoCo (<report>) nor LCOV (SF:, TN:): cannot"
                + " tell the coverage format");
  }

  /** Reads up to {@code head.length} bytes and rewinds; returns how many were read. */
  private static int peek(BufferedInputStream in, byte[] head, Path name) throws InputException {
    try {
      in.mark(head.length);
      int n = 0;
      while (n < head.length) {
        int r = in.read(head, n, head.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      in.reset();
      return n;
    } catch (SizeLimitExceededException e) {
      throw new InputException(name, "file is " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + e, e);
    }
  }
}
