package dev.dxexporter.plan;

import dev.dxexporter.config.ConfigSection;
import dev.dxexporter.config.ProjectConfig;
import java.util.List;

/**
 * One source of samples (build caches, dependencies, test reports, ...): it owns its config section
 * (reading, validation, defaults, zero-config detection, through {@link ConfigSection}) and plans
 * its collector instances for each project it is on for. {@code Main} lists the sources explicitly;
 * config loading and planning iterate over that list. Adding a source is: its {@code collect/<x>/}
 * package, one {@code Source} implementation here, one line in {@code Main}.
 */
public interface Source<D, S> extends ConfigSection<D, S> {
  /** The source's name, e.g. {@code cache}; used in logs. */
  String name();

  /**
   * The collector instances for one project. Called on start-up and on every reload, so it must be
   * cheap: it creates collectors, not threads or connections (those are {@link PlanContext}
   * services).
   */
  List<PlannedCollector> plan(ProjectConfig project, S settings, PlanContext context);

  /**
   * The HTTP routes this source adds to the server (an ingest endpoint, a webhook, a JSON view),
   * each with its own authentication. Called once at start-up; handlers read the config in force
   * through {@code context}, so a reload changes what they see without new routes.
   */
  default List<dev.dxexporter.http.Route> routes(RouteContext context) {
    return List.of();
  }

  /** Tables for the landing page (from memory, never I/O); {@code config} is the one in force. */
  default List<dev.dxexporter.http.PageSection> pageSections(
      dev.dxexporter.config.DxConfig config) {
    return List.of();
  }

  /**
   * The Quick Reference Cards this source evaluates over the collectors' states (from memory, never
   * I/O); {@code config} is the one in force.
   */
  default List<dev.dxexporter.gate.Card> cards(
      dev.dxexporter.config.DxConfig config, List<dev.dxexporter.metrics.CollectorState> states) {
    return List.of();
  }

  /** The cards of every source, in the sources' order. */
  static List<dev.dxexporter.gate.Card> cards(
      List<? extends Source<?, ?>> sources,
      dev.dxexporter.config.DxConfig config,
      List<dev.dxexporter.metrics.CollectorState> states) {
    List<dev.dxexporter.gate.Card> out = new java.util.ArrayList<>();
    sources.forEach(s -> out.addAll(s.cards(config, states)));
    return out;
  }

  /** One short line for the start-up log, e.g. {@code target=/p/target}. */
  default String describe(S settings) {
    return String.valueOf(settings);
  }
}
