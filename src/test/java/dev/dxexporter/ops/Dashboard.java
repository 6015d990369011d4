package dev.dxexporter.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Classic Grafana dashboard JSON file. */
public record Dashboard(String file, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A panel that shows data (rows excluded), with the PromQL of its targets. */
  public record Panel(
      String dashboard, String title, String type, JsonNode json, List<String> exprs) {}

  public static Dashboard read(Path file) {
    try {
      return new Dashboard(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Dashboard parse(String name, String json) {
    try {
      return new Dashboard(name, MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Dashboard> shipped() {
    return RepoFiles.list(RepoFiles.DASHBOARDS, ".json").stream().map(Dashboard::read).toList();
  }

  public String uid() {
    return json.path("uid").asText();
  }

  public String title() {
    return json.path("title").asText();
  }

  public List<JsonNode> variables() {
    List<JsonNode> list = new ArrayList<>();
    json.path("templating").path("list").forEach(list::add);
    return list;
  }

  public JsonNode variable(String name) {
    return variables().stream()
        .filter(v -> name.equals(v.path("name").asText()))
        .findFirst()
        .orElse(null);
  }

  /** Data panels, including those nested in collapsed rows. */
  public List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    collect(json.path("panels"), panels);
    return panels;
  }

  private void collect(JsonNode nodes, List<Panel> into) {
    for (JsonNode p : nodes) {
      if ("row".equals(p.path("type").asText())) {
        collect(p.path("panels"), into);
        continue;
      }
      List<String> exprs = new ArrayList<>();
      p.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
      into.add(new Panel(file, p.path("title").asText(), p.path("type").asText(), p, exprs));
    }
  }

  /** The non-null step values of a panel's thresholds, in order. */
  public static List<Double> thresholdSteps(Panel panel) {
    List<Double> steps = new ArrayList<>();
    for (JsonNode step :
        panel.json().path("fieldConfig").path("defaults").path("thresholds").path("steps")) {
      if (!step.path("value").isNull() && !step.path("value").isMissingNode()) {
        steps.add(step.path("value").asDouble());
      }
    }
    return steps;
  }
}
