package dev.dxexporter.collect.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Totals of an istanbul coverage map (coverage-final.json) by istanbul-lib-coverage's own summary
 * rules: a line is the start line of a statement, covered when the largest count of the statements
 * starting there is positive; a branch is each arm of {@code b}; a function each entry of {@code
 * f}. The independent expectation for what istanbul's reporters wrote.
 */
record IstanbulMap(CoverageCount lines, CoverageCount branches, CoverageCount functions) {
  static IstanbulMap of(JsonNode map) {
    long lineTotal = 0;
    long lineCovered = 0;
    long branchTotal = 0;
    long branchCovered = 0;
    long fnTotal = 0;
    long fnCovered = 0;
    for (Iterator<JsonNode> files = map.elements(); files.hasNext(); ) {
      JsonNode fc = files.next();
      if (fc.has("data")) {
        fc = fc.get("data");
      }
      Map<Integer, Long> lines = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> s = fc.get("statementMap").fields();
          s.hasNext(); ) {
        Map.Entry<String, JsonNode> st = s.next();
        int line = st.getValue().get("start").get("line").asInt();
        lines.merge(line, fc.get("s").get(st.getKey()).asLong(), Math::max);
      }
      lineTotal += lines.size();
      lineCovered += lines.values().stream().filter(c -> c > 0).count();
      for (JsonNode arms : fc.get("b")) {
        for (JsonNode arm : arms) {
          branchTotal++;
          branchCovered += arm.asLong() > 0 ? 1 : 0;
        }
      }
      for (JsonNode f : fc.get("f")) {
        fnTotal++;
        fnCovered += f.asLong() > 0 ? 1 : 0;
      }
    }
    return new IstanbulMap(
        new CoverageCount(lineCovered, lineTotal),
        new CoverageCount(branchCovered, branchTotal),
        new CoverageCount(fnCovered, fnTotal));
  }
}
