package dev.dxexporter.collect.bench;

/**
 * The work one iteration does, as declared with {@code group.throughput(...)}: {@code
 * {"Elements":n}}, {@code {"Bytes":n}}, {@code {"BytesDecimal":n}} (the same bytes, shown in
 * decimal units) or, since criterion 0.8, {@code {"ElementsAndBytes":{"elements":n,"bytes":m}}}.
 *
 * @param elements per iteration, or null
 * @param bytes per iteration, or null
 */
public record CriterionThroughput(Long elements, Long bytes) {
  /** The rates at {@code secondsPerIteration}: elements/s first when both are declared. */
  Throughput at(double secondsPerIteration) {
    if (!(secondsPerIteration > 0)) {
      return null;
    }
    return elements != null
        ? new Throughput(elements / secondsPerIteration, Units.ELEMENTS_PER_SECOND)
        : new Throughput(bytes / secondsPerIteration, Units.BYTES_PER_SECOND);
  }
}
