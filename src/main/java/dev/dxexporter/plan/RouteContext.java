package dev.dxexporter.plan;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.metrics.CollectorId;

/** What a source's HTTP routes may use: the config in force, the services, and its collectors. */
public interface RouteContext {
  /** The config in force now (the one of the last successful load). */
  DxConfig config();

  PlanContext services();

  /** Asks the collector to run soon (e.g. after a push stored what it reports). */
  void refresh(CollectorId collector);
}
