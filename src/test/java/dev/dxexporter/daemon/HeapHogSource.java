package dev.dxexporter.daemon;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.plan.PlanContext;
import dev.dxexporter.plan.PlannedCollector;
import dev.dxexporter.plan.Source;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * {@code heap_hog: {}} in a project: a collector that runs every 5 s and asks the JVM for more heap
 * than it has, so each run ends in a real {@code OutOfMemoryError} ("Java heap space"), the way an
 * unbounded parser would. One allocation, so the error lands in the hog's own thread; not more
 * often, as the JVM runs a full collection before each such error (every second, the daemon spent
 * most of its time in them).
 */
final class HeapHogSource implements Source<Void, Boolean> {
  @Override
  public String name() {
    return "heap_hog";
  }

  @Override
  public String projectKey() {
    return "heap_hog";
  }

  @Override
  public String globalKey() {
    return "heap_hog";
  }

  @Override
  public Void readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return null;
  }

  @Override
  public Optional<Boolean> readProject(Optional<Node> section, Void defaults, SectionReader r) {
    return section.map(s -> true);
  }

  @Override
  public Optional<Boolean> detect(Detection detection) {
    return Optional.empty();
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, Boolean on, PlanContext context) {
    long heap = Runtime.getRuntime().maxMemory();
    return List.of(
        new PlannedCollector(
            new CollectorId(project.name(), "heap_hog"),
            new dev.dxexporter.config.Schedule.Every(Duration.ofSeconds(5)),
            on,
            () -> {
              long[] more = new long[(int) Math.min(Integer.MAX_VALUE - 16, heap / 8 + 1)];
              return List.of(
                  dev.dxexporter.metrics.Sample.of(
                      CountingSource.RUNS, more.length, "project", project.name(), "counter", "x"));
            }));
  }
}
