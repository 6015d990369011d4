package dev.dxexporter.ingest;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.build.CargoTimingsReader;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.ReportGlob;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoredTimings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's builds: the recorded build runs in the store ({@code dx-exporter record}, local or
 * pushed), the newest cargo {@code --timings} report of each configured name, the newest stored one
 * of each other name (from CI artifacts), and the compiler cache statistics files. A file is parsed
 * again only when its size or modification time changed; a malformed one is logged with its place
 * and counted once, and its last good figures stay.
 */
public final class BuildCollector implements Collector {
  static final String SOURCE = "builds";
  private static final Logger log = LoggerFactory.getLogger(BuildCollector.class);

  private record Parsed(long size, FileTime modified, List<Sample> samples) {}

  private final String project;
  private final Path root;
  private final List<ReportSpec> timings;
  private final List<ReportSpec> caches;
  private final Supplier<Store> store;
  private final IngestCounters counters;
  private final CargoTimingsReader timingsReader = new CargoTimingsReader();
  private final CompilerCacheFile cacheReader = new CompilerCacheFile();
  private final Map<String, Parsed> lastGood = new HashMap<>();
  private final Map<Path, FileTime> refused = new HashMap<>();

  public BuildCollector(
      String project,
      Path root,
      List<ReportSpec> timings,
      List<ReportSpec> caches,
      Supplier<Store> store,
      IngestCounters counters) {
    this.project = project;
    this.root = root;
    this.timings = List.copyOf(timings);
    this.caches = List.copyOf(caches);
    this.store = store;
    this.counters = counters;
  }

  @Override
  public List<Sample> collect() throws IOException, InterruptedException {
    List<Sample> samples = new ArrayList<>();
    for (ReportSpec spec : timings) {
      samples.addAll(newest(spec, "timings:", true));
    }
    for (ReportSpec spec : caches) {
      samples.addAll(newest(spec, "cache:", false));
    }
    Store s = store.get();
    // Timings reports from CI artifacts (no file here), newest of each name; a name configured
    // for files on disk keeps those, so one series never has two sources.
    Set<String> onDisk = timings.stream().map(ReportSpec::name).collect(Collectors.toSet());
    for (StoredTimings t : s.latestBuildTimings(project)) {
      if (!onDisk.contains(t.meta().reportName())) {
        samples.addAll(
            BuildFileSamples.timings(
                project,
                t.meta().reportName(),
                t.timings(),
                t.meta().receivedAt().toEpochMilli() / 1e3));
      }
    }
    samples.addAll(
        BuildSamples.of(
            project, s.latestBuilds(project), s.buildHistory(project, BuildSamples.HISTORY_LIMIT)));
    samples.addAll(counters.samples(project, SOURCE));
    return samples;
  }

  /** The samples of the newest file the entry's patterns match, or its last good ones. */
  private List<Sample> newest(ReportSpec spec, String kind, boolean isTimings)
      throws IOException, InterruptedException {
    String key = kind + spec.name();
    Optional<Path> file = newestFile(spec);
    if (file.isEmpty()) {
      lastGood.remove(key); // gone (cargo clean): no figures rather than stale ones
      return List.of();
    }
    Path f = file.get();
    long size = Files.size(f);
    FileTime modified = Files.getLastModifiedTime(f);
    Parsed last = lastGood.get(key);
    if (last != null && last.size() == size && last.modified().equals(modified)) {
      return last.samples();
    }
    try {
      List<Sample> samples =
          isTimings
              ? BuildFileSamples.timings(
                  project, spec.name(), timingsReader.read(f), modified.toMillis() / 1e3)
              : BuildFileSamples.compilerCache(project, spec.name(), cacheReader.read(f));
      lastGood.put(key, new Parsed(size, modified, samples));
      refused.remove(f);
      return samples;
    } catch (InputException e) {
      if (!modified.equals(refused.put(f, modified))) {
        counters.refused(project, SOURCE, "file");
        log.warn("project {}: {} not read: {}", project, root.relativize(f), e.getMessage());
      }
      return last == null ? List.of() : last.samples();
    }
  }

  private Optional<Path> newestFile(ReportSpec spec) throws IOException, InterruptedException {
    ReportGlob glob = new ReportGlob(root, Skips.DEFAULT);
    List<Path> files = new ArrayList<>();
    for (String pattern : spec.patterns()) {
      files.addAll(glob.files(pattern));
    }
    return files.stream()
        .max(Comparator.comparing(BuildCollector::modifiedOrEpoch).thenComparing(Path::toString));
  }

  private static FileTime modifiedOrEpoch(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
