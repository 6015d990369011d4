package dev.dxexporter.plan;

import dev.dxexporter.config.Detection;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.gate.Card;
import dev.dxexporter.gate.CardEvaluator;
import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Objectives;
import dev.dxexporter.ingest.TrendReader;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The Quick Reference Card's objectives ({@code objectives:} in a project, defaults under {@code
 * global.objectives}): on for every project, with the roadmap's numbers unless the config gives its
 * own. Plans one collector {@code trends} per project that reads the stored runs behind the card's
 * trend lines into memory, so neither the page nor a scrape reads the store.
 */
public final class ObjectiveSource
    implements Source<List<Objective>, ObjectiveSource.ProjectObjectives> {
  static final String COLLECTOR = "trends";
  static final Schedule SCHEDULE = new Schedule.Every(Duration.ofMinutes(1));

  /** One project's objectives, with its own levels. */
  public record ProjectObjectives(List<Objective> objectives) {
    public ProjectObjectives {
      objectives = List.copyOf(objectives);
    }
  }

  /** Trend values by project, then objective; written by the trends collectors only. */
  private final Map<String, Map<String, List<Double>>> trends = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "objectives";
  }

  @Override
  public String projectKey() {
    return "objectives";
  }

  @Override
  public String globalKey() {
    return "objectives";
  }

  @Override
  public List<Objective> readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    // The loader hands over `global.objectives` as a mapping; its keys are the objective names.
    return global
        .map(g -> ObjectiveLevels.apply(g, Objectives.DEFAULTS, reader))
        .orElse(Objectives.DEFAULTS);
  }

  @Override
  public Optional<ProjectObjectives> readProject(
      Optional<Node> section, List<Objective> defaults, SectionReader reader) {
    List<Objective> own =
        section
            .map(
                n ->
                    ObjectiveLevels.apply(
                        reader.mapping(n, reader.sectionPath(projectKey())), defaults, reader))
            .orElse(defaults);
    return Optional.of(new ProjectObjectives(own));
  }

  @Override
  public Optional<ProjectObjectives> detect(Detection detection) {
    return Optional.of(new ProjectObjectives(Objectives.DEFAULTS));
  }

  @Override
  public List<PlannedCollector> plan(
      ProjectConfig project, ProjectObjectives settings, PlanContext context) {
    String name = project.name();
    return List.of(
        new PlannedCollector(
            new CollectorId(name, COLLECTOR),
            SCHEDULE,
            name,
            () -> {
              try {
                trends.put(name, TrendReader.read(context.store(), name));
              } catch (StoreUnavailableException e) {
                // Without a store there are no stored runs: the card shows values without trends.
                trends.remove(name);
              }
              return List.of();
            }));
  }

  @Override
  public List<Card> cards(DxConfig config, List<CollectorState> states) {
    List<Card> cards = new ArrayList<>();
    // Each card reads its own project's states only: grouped once, the cards of a thousand
    // projects cost one pass over the states, not one pass per project.
    Map<String, List<CollectorState>> byProject =
        states.stream().collect(Collectors.groupingBy(s -> s.id().project()));
    CardEvaluator.ParsedMetrics parsed = new CardEvaluator.ParsedMetrics();
    for (ProjectConfig p : config.projects()) {
      p.settings(this)
          .ifPresent(
              o ->
                  cards.add(
                      CardEvaluator.evaluate(
                          p.name(),
                          p.path(),
                          o.objectives(),
                          byProject.getOrDefault(p.name(), List.of()),
                          trends.getOrDefault(p.name(), Map.of()),
                          parsed)));
    }
    return cards;
  }

  @Override
  public String describe(ProjectObjectives settings) {
    long own = settings.objectives().stream().filter(o -> !Objectives.DEFAULTS.contains(o)).count();
    return own == 0 ? "roadmap defaults" : own + " with the project's own levels";
  }
}
