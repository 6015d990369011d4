package dev.dxexporter.daemon;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.plan.PlanContext;
import dev.dxexporter.plan.PlannedCollector;
import dev.dxexporter.plan.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A source for daemon tests, added the way every source is: {@code counters: [{name, schedule,
 * sleep}]} in a project; each collector sleeps (interruptibly) and counts its started, completed
 * and interrupted runs in this instance.
 */
final class CountingSource implements Source<Void, List<CountingSource.Counter>> {
  static final MetricFamily RUNS = MetricFamily.gauge("dx_test_counter_runs", "Completed runs.");

  record Counter(String name, Schedule schedule, Duration sleep) {}

  final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> interrupted = new ConcurrentHashMap<>();

  static int get(Map<String, AtomicInteger> counts, String name) {
    AtomicInteger n = counts.get(name);
    return n == null ? 0 : n.get();
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public String projectKey() {
    return "counters";
  }

  @Override
  public String globalKey() {
    return "counter";
  }

  @Override
  public Void readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return null;
  }

  @Override
  public Optional<List<Counter>> readProject(
      Optional<Node> section, Void defaults, SectionReader reader) {
    if (section.isEmpty() || !(section.get() instanceof SequenceNode seq)) {
      return Optional.empty();
    }
    List<Counter> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      YamlMapping m = reader.mapping(item, reader.sectionPath(projectKey()));
      String name = m.requiredString("name");
      Schedule schedule = reader.schedule(m).orElse(new Schedule.Every(Duration.ofHours(1)));
      Duration sleep = m.duration("sleep").orElse(Duration.ofMillis(1));
      m.rejectUnknownKeys();
      out.add(new Counter(name, schedule, sleep));
    }
    return Optional.of(out);
  }

  @Override
  public Optional<List<Counter>> detect(Detection detection) {
    return Optional.empty();
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, List<Counter> counters, PlanContext c) {
    List<PlannedCollector> out = new ArrayList<>();
    for (Counter counter : counters) {
      String key = project.name() + "/" + counter.name();
      out.add(
          new PlannedCollector(
              new CollectorId(project.name(), "counter:" + counter.name()),
              counter.schedule(),
              counter,
              () -> {
                started.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                try {
                  Thread.sleep(counter.sleep().toMillis());
                } catch (InterruptedException e) {
                  interrupted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                  throw e;
                }
                int n = completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return List.of(
                    Sample.of(RUNS, n, "project", project.name(), "counter", counter.name()));
              }));
    }
    return out;
  }
}
