/**
 * Build timings: recorded build commands, cargo's timing reports and message logs, and compiler
 * cache statistics. Plain readers over files and one command runner; nothing here schedules, stores
 * or serves.
 *
 * <p>Wiring:
 *
 * <ul>
 *   <li>{@link dev.dxexporter.collect.build.CommandRecorder#record} runs {@code dx-exporter record
 *       --build NAME --kind clean|incremental -- COMMAND...} and returns a {@link
 *       dev.dxexporter.collect.build.BuildRecord} (wall time, exit code, peak RSS and CPU of the
 *       process tree) for {@code dx_build_duration_seconds{build,kind}}; the CLI exits with its
 *       {@code exitCode()} (127 when {@code record} throws IOException: not found). Construct it
 *       with signal forwarding only in a JVM that records one command at a time.
 *   <li>{@link dev.dxexporter.collect.build.CargoTimingsReader} reads {@code
 *       target/cargo-timings/cargo-timing.html} into {@link
 *       dev.dxexporter.collect.build.CargoTimings}: total time, units, {@code slowest(n)}.
 *   <li>{@link dev.dxexporter.collect.build.CargoMessageLogReader} reads a {@code
 *       --message-format=json} log: unit counts, fresh vs rebuilt, success; no durations.
 *   <li>{@link dev.dxexporter.collect.build.SccacheStatsReader} (JSON or text) and {@link
 *       dev.dxexporter.collect.build.CcacheStatsReader} give {@link
 *       dev.dxexporter.collect.build.CompilerCacheStats}, whose {@code hitRatio()} feeds {@code
 *       dx_build_cache_hit_ratio{cache}}.
 * </ul>
 *
 * <p>Readers are thread-safe and keep no state between files; bad input fails with a located {@link
 * dev.dxexporter.collect.input.InputException} and the next file reads normally.
 */
package dev.dxexporter.collect.build;
