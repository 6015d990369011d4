package dev.dxexporter.daemon;

import dev.dxexporter.config.DxConfig;
import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.plan.PlanContext;
import dev.dxexporter.plan.RouteContext;
import java.util.function.Supplier;

/** What the sources' routes see of the daemon: the config in force, the services, a refresh. */
final class DaemonRouteContext implements RouteContext {
  private final Supplier<DxConfig> current;
  private final Services services;
  private final RunningCollectors collectors;

  DaemonRouteContext(Supplier<DxConfig> current, Services services, RunningCollectors collectors) {
    this.current = current;
    this.services = services;
    this.collectors = collectors;
  }

  @Override
  public DxConfig config() {
    return current.get();
  }

  @Override
  public PlanContext services() {
    return services;
  }

  @Override
  public void refresh(CollectorId collector) {
    collectors.refresh(collector);
  }
}
