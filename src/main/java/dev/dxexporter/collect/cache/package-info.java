/**
 * Build-cache directories: size, file counts, staleness and the volume they live on.
 *
 * <p>Wiring: one {@link dev.dxexporter.collect.cache.CacheScanner} and one {@link
 * dev.dxexporter.collect.cache.FilesystemUsage} for the whole daemon (both thread-safe, the scanner
 * {@code AutoCloseable}), one {@link dev.dxexporter.collect.cache.CacheCollector} per configured
 * cache. {@link dev.dxexporter.collect.cache.CacheMetrics} lists the metric families.
 *
 * <p>The scanner reads metadata with {@code statx}/{@code getdents64} through JNA on raw name
 * bytes: the figures equal GNU {@code du -s --block-size=1} and {@code du -sb}, whatever the locale
 * and however deep the tree. It runs on Linux x86_64 and aarch64 with glibc 2.30 or later;
 * elsewhere the constructor refuses with the reason ({@link
 * dev.dxexporter.collect.cache.CacheScanner#unsupportedReason()}).
 */
package dev.dxexporter.collect.cache;
