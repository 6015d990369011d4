package dev.dxexporter.collect.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one scan of a cache directory found.
 *
 * @param root the path scanned
 * @param rootExists false when the path does not exist (then every number is 0)
 * @param allocatedBytes disk usage as {@code du -s --block-size=1} reports it: st_blocks × 512 of
 *     every entry including the root and the directories, symlinks not followed, each hard-linked
 *     file once
 * @param apparentBytes as {@code du -sb}: st_size of the same entries
 * @param files non-directory entries (regular files, symlinks, others), every name counted, like
 *     {@code find ROOT ! -type d}
 * @param directories directories including the root, like {@code find ROOT -type d}
 * @param staleBytes allocated bytes of non-directory entries last modified before the stale
 *     instant. Directories are left out: their mtime changes when an entry is added or removed, not
 *     when the cache's content is used, and their blocks are a small share
 * @param newestFileModified the newest mtime of a non-directory entry; empty when there is none
 * @param errors entries that could not be read (a directory that could not be opened or listed, an
 *     entry whose metadata could not be read for another reason than having vanished)
 * @param errorSamples up to {@value ScanState#MAX_ERROR_SAMPLES} messages "path: error text"
 * @param vanished entries listed but gone before their metadata was read (a {@code cargo clean}
 *     running during the scan); not errors
 * @param elapsed wall time of the scan
 */
public record CacheScan(
    Path root,
    boolean rootExists,
    long allocatedBytes,
    long apparentBytes,
    long files,
    long directories,
    long staleBytes,
    Optional<Instant> newestFileModified,
    long errors,
    List<String> errorSamples,
    long vanished,
    Duration elapsed) {

  public CacheScan {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(newestFileModified, "newestFileModified");
    errorSamples = List.copyOf(errorSamples);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  static CacheScan missing(Path root, Duration elapsed) {
    return new CacheScan(root, false, 0, 0, 0, 0, 0, Optional.empty(), 0, List.of(), 0, elapsed);
  }
}
