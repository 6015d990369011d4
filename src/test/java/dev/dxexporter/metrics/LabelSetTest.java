package dev.dxexporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A sample's labels behave as the sorted, unmodifiable map they replaced. */
class LabelSetTest {
  private static final MetricFamily SIZE = MetricFamily.gauge("dx_test_size_bytes", "Size.");

  @Test
  void sortedByNameWhateverOrderTheyCameIn() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("project", "p1");
    given.put("cache", "target");
    given.put("ecosystem", "cargo");
    Map<String, String> labels = LabelSet.of(given);
    assertThat(List.copyOf(labels.keySet())).containsExactly("cache", "ecosystem", "project");
    assertThat(List.copyOf(labels.values())).containsExactly("target", "cargo", "p1");
    assertThat(labels.get("project")).isEqualTo("p1");
    assertThat(labels.get("missing")).isNull();
    assertThat(labels.containsKey("cache")).isTrue();
  }

  @Test
  void equalToAndHashedAsAnyMapWithTheSameEntries() {
    Map<String, String> hash = new HashMap<>(Map.of("project", "p1", "cache", "target"));
    Map<String, String> labels = LabelSet.of(hash);
    assertThat(labels).isEqualTo(hash).isEqualTo(new TreeMap<>(hash));
    assertThat(hash).isEqualTo(labels);
    assertThat(labels.hashCode()).isEqualTo(hash.hashCode());
    assertThat(labels).isNotEqualTo(Map.of("project", "p2", "cache", "target"));
    assertThat(labels).isEqualTo(LabelSet.of(new TreeMap<>(hash)));
    assertThat(LabelSet.of(Map.of())).isEqualTo(Map.of()).hasSize(0);
  }

  @Test
  void unmodifiableAndSharedBetweenSamples() {
    Sample.Scalar a = Sample.of(SIZE, 1, "project", "p1", "cache", "target");
    Sample.Scalar b = new Sample.Scalar(SIZE, a.labels(), 2, java.util.Optional.empty());
    assertThat(b.labels()).isSameAs(a.labels());
    assertThatThrownBy(() -> a.labels().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.labels().entrySet().iterator().next().setValue("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
