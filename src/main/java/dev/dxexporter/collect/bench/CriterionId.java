package dev.dxexporter.collect.bench;

/**
 * A criterion benchmark's identity, from {@code benchmark.json} (criterion sanitises directory
 * names, so {@code nrpc_qps/c1/32B} lives in {@code nrpc_qps/c1/32b}: the id never comes from the
 * path while that file exists).
 *
 * @param fullId {@code group/function/value}, e.g. {@code get/moka get/1024}
 * @param functionId null for a benchmark outside a parameterised group
 * @param valueString the parameter as text, or null
 * @param directoryName relative to {@code target/criterion}
 * @param throughput the declared throughput per iteration, or null
 * @param fromDirectory true when {@code benchmark.json} was missing (criterion before 0.3, or a
 *     first run still being written) and the id is the relative directory instead
 */
public record CriterionId(
    String fullId,
    String groupId,
    String functionId,
    String valueString,
    String directoryName,
    CriterionThroughput throughput,
    boolean fromDirectory) {}
