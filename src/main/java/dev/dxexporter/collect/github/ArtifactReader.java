package dev.dxexporter.collect.github;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.SizeLimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an artifact zip as a stream, entry by entry, within {@link ZipLimits}: a zip bomb, an
 * oversized download or a hostile entry name ({@code ../}, absolute, a drive letter) is a clear
 * error, never an out-of-memory or a file written anywhere.
 */
public final class ArtifactReader {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private final ZipLimits limits;

  public ArtifactReader(ZipLimits limits) {
    this.limits = limits;
  }

  /** What was read. */
  public record Summary(int files, long uncompressedBytes, long compressedBytes) {}

  /**
   * @param source names the archive in errors
   */
  public Summary read(InputStream zip, Path source, ZipEntryConsumer consumer)
      throws InputException {
    Counting raw = new Counting(BoundedFiles.bounded(zip, limits.maxCompressedBytes()));
    Totals totals = new Totals();
    String current = null;
    try (ZipInputStream entries = new ZipInputStream(signed(raw, source))) {
      int seen = 0;
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        current = entry.getName();
        if (++seen > limits.maxEntries()) {
          throw new InputException(source, "more than " + limits.maxEntries() + " entries");
        }
        checkName(source, current);
        if (entry.isDirectory()) {
          continue;
        }
        EntryStream content = new EntryStream(entries, raw, totals, current);
        consumer.accept(current, content);
        content.drain();
        totals.files++;
      }
      return new Summary(totals.files, totals.bytes, raw.count);
    } catch (SizeLimitExceededException e) {
      String what = totals.exceeded == null ? "the archive" : totals.exceeded;
      throw new InputException(source, what + " is " + e.getMessage(), e);
    } catch (ZipBombException e) {
      throw new InputException(source, "zip bomb: " + e.getMessage(), e);
    } catch (ZipException e) {
      throw new InputException(source, notAZip(e), e);
    } catch (IllegalArgumentException e) {
      // ZipInputStream's way of saying an entry name is not valid UTF-8.
      throw new InputException(source, "unreadable entry name: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InputException(source, "cannot read: " + e, e);
    }
  }

  /**
   * ZipInputStream reads anything that is not a zip as an empty one; a download that is not a zip
   * (an HTML error page, a truncated file) should say so.
   */
  private static InputStream signed(InputStream raw, Path source)
      throws IOException, InputException {
    PushbackInputStream in = new PushbackInputStream(raw, 4);
    byte[] head = in.readNBytes(4);
    in.unread(head);
    boolean zip =
        head.length == 4
            && head[0] == 'P'
            && head[1] == 'K'
            && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    if (!zip) {
      throw new InputException(source, "not a zip archive (no PK signature at the start)");
    }
    return in;
  }

  private static String notAZip(ZipException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("only DEFLATED entries can have EXT descriptor")) {
      // actions/upload-artifact with compression-level: 0 writes such entries (its issue #675).
      return "stored (uncompressed) entries with a trailing data descriptor cannot be streamed;"
          + " upload the artifact with a compression level above 0";
    }
    return "not a valid zip: " + message;
  }

  private static void checkName(Path source, String name) throws InputException {
    boolean bad =
        name.isEmpty()
            || name.length() > 4096
            || name.indexOf('\0') >= 0
            || name.startsWith("/")
            || name.startsWith("\\")
            || DRIVE.matcher(name).matches();
    for (String segment : name.split("[/\\\\]")) {
      bad |= segment.equals("..");
    }
    if (bad) {
      throw new InputException(source, "refusing entry name (path traversal): " + printable(name));
    }
  }

  private static String printable(String name) {
    String shown = name.replaceAll("\\p{Cntrl}", "?");
    return shown.length() <= 200 ? shown : shown.substring(0, 200) + "…";
  }

  private static final class Totals {
    long bytes;
    int files;
    String exceeded;
  }

  /** Counts the compressed bytes the zip reader consumed. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }

  /** One entry's content within the limits; close does not close the archive. */
  private final class EntryStream extends InputStream {
    private final ZipInputStream zip;
    private final Counting raw;
    private final Totals totals;
    private final String name;
    private final long compressedAtStart;
    private long bytes;

    EntryStream(ZipInputStream zip, Counting raw, Totals totals, String name) {
      this.zip = zip;
      this.raw = raw;
      this.totals = totals;
      this.name = name;
      this.compressedAtStart = raw.count;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = zip.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    void drain() throws IOException {
      byte[] buffer = new byte[8192];
      while (read(buffer, 0, buffer.length) >= 0) {
        // Skipping inflates too: it is counted against the same limits.
      }
    }

    private void count(int n) throws IOException {
      bytes += n;
      totals.bytes += n;
      if (bytes > limits.maxEntryBytes()) {
        totals.exceeded = "entry " + printable(name);
        throw new SizeLimitExceededException(limits.maxEntryBytes());
      }
      if (totals.bytes > limits.maxTotalBytes()) {
        totals.exceeded = "the archive's content";
        throw new SizeLimitExceededException(limits.maxTotalBytes());
      }
      long compressed = Math.max(1, raw.count - compressedAtStart);
      if (bytes > ZipLimits.RATIO_FLOOR && bytes > compressed * limits.maxRatio()) {
        throw new ZipBombException(
            name + " inflates more than " + limits.maxRatio() + " times its compressed size");
      }
      if (totals.bytes > ZipLimits.RATIO_FLOOR
          && totals.bytes > Math.max(1, raw.count) * limits.maxRatio()) {
        throw new ZipBombException(
            "the archive inflates more than " + limits.maxRatio() + " times its size");
      }
    }
  }
}
