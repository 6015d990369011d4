package dev.dxexporter.metrics;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collectors' own series ({@link SelfMetrics#collectors}) for a render, each state's kept while
 * that state is current: a render of a thousand projects then makes new samples only for the
 * collectors that ran since the previous render. Made afresh each second, the 18,000 samples lived
 * one render long, outlived the young collections in between and were promoted, filling the old
 * generation (a full collection every ~13 s while scraped). Safe for renders on two threads at
 * once: each builds its own map and the last one published is reused.
 */
final class CollectorSeries {
  private volatile Map<CollectorState, List<Sample>> byState = new IdentityHashMap<>();

  List<Sample> of(List<CollectorState> states) {
    Map<CollectorState, List<Sample>> before = byState;
    Map<CollectorState, List<Sample>> now = new IdentityHashMap<>(states.size() * 2);
    List<Sample> out = new ArrayList<>(states.size() * 6);
    for (CollectorState s : states) {
      List<Sample> own = before.get(s);
      if (own == null) {
        own = SelfMetrics.collectors(List.of(s));
      }
      now.put(s, own);
      out.addAll(own);
    }
    byState = now;
    return out;
  }
}
