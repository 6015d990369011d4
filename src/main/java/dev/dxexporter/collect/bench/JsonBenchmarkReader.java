package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.List;

/** Reads one JSON output format from its parsed tree; {@code file} names the input in errors. */
interface JsonBenchmarkReader {
  List<BenchmarkResult> read(JsonNode root, Path file) throws InputException;
}
