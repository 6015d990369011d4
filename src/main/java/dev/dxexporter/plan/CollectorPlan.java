package dev.dxexporter.plan;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.metrics.CollectorId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The collector instances of one config: for each project, for each source that is on for it, what
 * the source plans. Knows no source by name. Holds no resources: the services collectors share live
 * in the {@link PlanContext}, for the life of the daemon.
 */
public record CollectorPlan(List<PlannedCollector> collectors) {
  public CollectorPlan {
    collectors = List.copyOf(collectors);
    Set<CollectorId> ids = new LinkedHashSet<>();
    for (PlannedCollector c : collectors) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("collector planned twice: " + c.id());
      }
    }
  }

  public static CollectorPlan create(
      DxConfig config, List<? extends Source<?, ?>> sources, PlanContext context) {
    List<PlannedCollector> collectors = new ArrayList<>();
    for (ProjectConfig project : config.projects()) {
      for (Source<?, ?> source : sources) {
        collectors.addAll(plan(source, project, context));
      }
    }
    return new CollectorPlan(collectors);
  }

  private static <S> List<PlannedCollector> plan(
      Source<?, S> source, ProjectConfig project, PlanContext context) {
    Optional<S> settings = project.settings(source);
    return settings.isEmpty() ? List.of() : source.plan(project, settings.get(), context);
  }

  /** One line per project and source for the start-up log. */
  public static List<String> describe(DxConfig config, List<? extends Source<?, ?>> sources) {
    List<String> lines = new ArrayList<>();
    for (ProjectConfig project : config.projects()) {
      StringBuilder line = new StringBuilder("project " + project.name() + " at " + project.path());
      for (Source<?, ?> source : sources) {
        line.append(", ").append(source.name()).append(": ").append(describe(source, project));
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static <S> String describe(Source<?, S> source, ProjectConfig project) {
    return project.settings(source).map(source::describe).orElse("off");
  }

  /**
   * This plan, with every collector that does the same work as one of {@code running} replaced by
   * that running instance, so a reload neither re-runs nor interrupts it.
   */
  public CollectorPlan keeping(CollectorPlan running) {
    Map<CollectorId, PlannedCollector> before = new HashMap<>();
    running.collectors.forEach(c -> before.put(c.id(), c));
    List<PlannedCollector> merged = new ArrayList<>();
    for (PlannedCollector c : collectors) {
      PlannedCollector old = before.get(c.id());
      merged.add(old != null && old.sameWorkAs(c) ? old : c);
    }
    return new CollectorPlan(merged);
  }
}
