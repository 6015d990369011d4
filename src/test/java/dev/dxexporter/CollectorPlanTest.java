package dev.dxexporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.deps.Ecosystem;
import dev.dxexporter.config.DependencyConfig;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CollectorPlanTest {
  @Test
  void theConfigAcceptsExactlyTheEcosystemsTheCollectorKnows() {
    assertThat(Arrays.stream(Ecosystem.values()).map(Ecosystem::label).collect(Collectors.toSet()))
        .isEqualTo(DependencyConfig.KNOWN_ECOSYSTEMS);
    assertThat(CollectorPlan.ecosystems(DependencyConfig.KNOWN_ECOSYSTEMS))
        .containsExactlyInAnyOrder(Ecosystem.values());
  }
}
