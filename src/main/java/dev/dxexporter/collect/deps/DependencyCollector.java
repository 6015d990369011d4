package dev.dxexporter.collect.deps;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.FailedRunException;
import dev.dxexporter.collect.deps.cargo.CargoDependencyReader;
import dev.dxexporter.collect.deps.go.GoDependencyReader;
import dev.dxexporter.collect.deps.manifest.DependencyReport;
import dev.dxexporter.collect.deps.manifest.Ecosystem;
import dev.dxexporter.collect.deps.manifest.EcosystemReader;
import dev.dxexporter.collect.deps.maven.MavenDependencyReader;
import dev.dxexporter.collect.deps.npm.NpmDependencyReader;
import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.collect.input.JsonDocuments;
import dev.dxexporter.collect.input.TomlDocuments;
import dev.dxexporter.metrics.Sample;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the dependencies of one project, for each ecosystem configured (or, with an empty set, for
 * each detected on every run), reading the manifests fresh each time.
 *
 * <p>Failures are per ecosystem: a malformed Cargo.toml does not hide the project's package.json.
 * An ecosystem that fails reports {@code dx_dependencies_read_success 0} and repeats the samples of
 * its last good read (so dashboards keep a value and the error is visible), and the failure is
 * logged with the file and line. When no ecosystem could be read at all, {@link #collect()} throws
 * a {@link FailedRunException} carrying those samples: the daemon marks the whole collector failed
 * and still exports {@code dx_dependencies_read_success 0} for each ecosystem.
 */
public final class DependencyCollector implements Collector {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyCollector.class);

  private final String project;
  private final Path projectRoot;
  private final Set<Ecosystem> ecosystems;
  // Made on the first run, not when planned: planning a thousand projects (or `config check`)
  // builds no JSON, TOML or XML parsers. Guarded by `this`, as collect() is.
  private final Supplier<Map<Ecosystem, EcosystemReader>> makeReaders;
  private Map<Ecosystem, EcosystemReader> readers;
  private final Semaphore reads;
  // Last good samples per ecosystem, so one failing ecosystem does not blank its series. Instance
  // state, guarded by `this`: the scheduler never runs one collector instance twice at once anyway.
  private final Map<Ecosystem, List<Sample>> lastGood = new EnumMap<>(Ecosystem.class);

  /**
   * @param project the {@code project} label value
   * @param projectRoot directory holding the root manifests
   * @param ecosystems the ecosystems to read; empty = detect from the root manifests on each run
   */
  public DependencyCollector(String project, Path projectRoot, Set<Ecosystem> ecosystems) {
    this(project, projectRoot, ecosystems, new Semaphore(1));
  }

  /**
   * @param reads shared by the collectors that may run at once: each format's largest accepted file
   *     reads within 128 MiB, but four at once (the default concurrency) did not fit the chart's
   *     256 MiB, so manifests are read one at a time (milliseconds for real projects)
   */
  public DependencyCollector(
      String project, Path projectRoot, Set<Ecosystem> ecosystems, Semaphore reads) {
    this(
        project,
        projectRoot,
        ecosystems,
        () -> defaultReaders(new BoundedFiles(BoundedFiles.DEFAULT_MAX_BYTES, projectRoot)),
        reads);
  }

  DependencyCollector(
      String project, Path projectRoot, Set<Ecosystem> ecosystems, BoundedFiles files) {
    this(project, projectRoot, ecosystems, () -> defaultReaders(files), new Semaphore(1));
  }

  DependencyCollector(
      String project,
      Path projectRoot,
      Set<Ecosystem> ecosystems,
      Map<Ecosystem, EcosystemReader> readers) {
    this(project, projectRoot, ecosystems, () -> Map.copyOf(readers), new Semaphore(1));
  }

  private DependencyCollector(
      String project,
      Path projectRoot,
      Set<Ecosystem> ecosystems,
      Supplier<Map<Ecosystem, EcosystemReader>> makeReaders,
      Semaphore reads) {
    this.reads = reads;
    this.project = project;
    this.projectRoot = projectRoot;
    this.ecosystems = ecosystems.isEmpty() ? Set.of() : EnumSet.copyOf(ecosystems);
    this.makeReaders = makeReaders;
  }

  static Map<Ecosystem, EcosystemReader> defaultReaders(BoundedFiles files) {
    TomlDocuments toml = new TomlDocuments(files);
    JsonDocuments json = new JsonDocuments(files);
    return Map.of(
        Ecosystem.CARGO, new CargoDependencyReader(toml),
        Ecosystem.MAVEN, new MavenDependencyReader(files),
        Ecosystem.NPM, new NpmDependencyReader(json),
        Ecosystem.GO, new GoDependencyReader(files));
  }

  @Override
  public synchronized List<Sample> collect() throws Exception {
    if (!Files.isDirectory(projectRoot)) {
      throw new NoSuchFileException(
          projectRoot.toString(), null, "project root is not a directory");
    }
    Set<Ecosystem> toRead = ecosystems.isEmpty() ? Ecosystem.detect(projectRoot) : ecosystems;
    if (toRead.isEmpty()) {
      throw new NoSuchFileException(
          projectRoot.toString(),
          null,
          "no Cargo.toml, pom.xml, package.json or go.mod in the project root");
    }
    if (readers == null) {
      readers = makeReaders.get();
    }
    List<Sample> samples = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Ecosystem ecosystem : toRead) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("dependency collection of " + project + " interrupted");
      }
      String label = ecosystem.label();
      try {
        DependencyReport report;
        reads.acquire();
        try {
          report = readers.get(ecosystem).read(projectRoot);
        } finally {
          reads.release();
        }
        List<Sample> read = DependencySamples.of(project, report);
        lastGood.put(ecosystem, read);
        samples.addAll(read);
        samples.add(
            Sample.of(DependencyMetrics.READ_SUCCESS, 1, "project", project, "ecosystem", label));
      } catch (InputException | RuntimeException e) {
        // RuntimeException too: a parser bug on one hostile file must not take the others down.
        String message =
            e instanceof InputException
                ? e.getMessage()
                : "unexpected error reading " + projectRoot + ": " + e;
        LOG.warn(
            "project {}: {} dependencies not read: {}",
            project,
            label,
            message,
            e instanceof InputException ? null : e);
        failures.add(label + ": " + message);
        samples.addAll(lastGood.getOrDefault(ecosystem, List.of()));
        samples.add(
            Sample.of(DependencyMetrics.READ_SUCCESS, 0, "project", project, "ecosystem", label));
      }
    }
    if (failures.size() == toRead.size()) {
      // Failed, yet the samples still say so per ecosystem: kept unchanged, a single-ecosystem
      // project's read_success would stay at its last 1 and DxDependencyManifestUnreadable never
      // fire.
      throw new FailedRunException(
          "project " + project + ": no dependencies could be read: " + String.join("; ", failures),
          samples);
    }
    return List.copyOf(samples);
  }
}
