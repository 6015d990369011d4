package dev.dxexporter.collect.github;

import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives each file entry of an artifact. The stream ends with the entry, throws {@link
 * dev.dxexporter.collect.input.SizeLimitExceededException} or {@link ZipBombException} past a
 * limit, and must not be kept after {@code accept} returns; closing it does nothing. Whatever the
 * consumer leaves unread is skipped (within the same limits). A consumer that throws stops the
 * archive: catch per-entry problems inside to go on with the next entry.
 */
@FunctionalInterface
public interface ZipEntryConsumer {
  void accept(String name, InputStream content) throws IOException, InputException;
}
