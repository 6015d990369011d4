package dev.dxexporter.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A sample's labels: an immutable map sorted by name, held as two arrays. A thousand projects keep
 * some 45,000 samples and every render makes tens of thousands more; as unmodifiable TreeMaps
 * (copied once more by each sample) their labels were a third of the live heap and most of what a
 * render allocated. A label set made from another is shared, not copied, and it keeps its
 * client_java form once built, so that rendering an unchanged sample again makes no new labels.
 */
final class LabelSet extends AbstractMap<String, String> {
  static final LabelSet EMPTY = new LabelSet(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  private final int hash;
  private volatile Labels prometheus; // built on first render; a race only builds it twice

  private LabelSet(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    int h = 0;
    for (int i = 0; i < names.length; i++) {
      h += names[i].hashCode() ^ Objects.hashCode(values[i]); // Map.hashCode's definition
    }
    this.hash = h;
  }

  /** {@code labels} as a label set: itself when it is one, else a sorted copy (no null names). */
  static LabelSet of(Map<String, String> labels) {
    if (labels instanceof LabelSet set) {
      return set;
    }
    if (labels.isEmpty()) {
      return EMPTY;
    }
    SortedMap<String, String> sorted =
        labels instanceof SortedMap<String, String> m && m.comparator() == null
            ? m
            : new TreeMap<>(labels);
    String[] names = new String[sorted.size()];
    String[] values = new String[sorted.size()];
    int i = 0;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      names[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new LabelSet(names, values);
  }

  /** The labels as client_java renders them. */
  Labels prometheus() {
    Labels p = prometheus;
    if (p == null) {
      p = Labels.of(names, values);
      prometheus = p;
    }
    return p;
  }

  private int indexOf(Object name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof LabelSet other) {
      return hash == other.hash
          && Arrays.equals(names, other.names)
          && Arrays.equals(values, other.values);
    }
    return super.equals(o);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }
}
