package dev.dxexporter.collect;

import dev.dxexporter.metrics.Sample;
import java.util.List;

/**
 * One collector instance (one cache, one project's dependencies, ...): reads its source and returns
 * the samples of this run. It knows nothing of HTTP or scheduling.
 *
 * <p>Throw when the source could not be collected at all: the caller then keeps the last good
 * samples and marks the collector failed. Problems with parts of the source (an unreadable file
 * inside a cache) are reported through samples instead. Implementations should stop early when the
 * calling thread is interrupted (shutdown) and throw {@link InterruptedException}.
 */
public interface Collector {
  List<Sample> collect() throws Exception;
}
