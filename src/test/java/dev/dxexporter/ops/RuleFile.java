package dev.dxexporter.ops;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Prometheus rule file, parsed into records. */
public record RuleFile(List<Group> groups) {

  public record Group(String name, List<Rule> rules) {}

  /** One alerting or recording rule; `alert` or `record` is null for the other kind. */
  public record Rule(
      String group,
      String alert,
      String record,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {

    public boolean isAlert() {
      return alert != null;
    }
  }

  public static RuleFile parse(String text) {
    return fromGroups(Yaml.map(Yaml.load(text)).get("groups"));
  }

  /** From the `groups` list of a rule file or of a PrometheusRule's spec. */
  public static RuleFile fromGroups(Object groupsNode) {
    List<Group> groups =
        Yaml.list(groupsNode).stream()
            .map(Yaml::map)
            .map(
                g -> {
                  String name = (String) g.get("name");
                  List<Rule> rules =
                      Yaml.list(g.get("rules")).stream()
                          .map(Yaml::map)
                          .map(r -> rule(name, r))
                          .toList();
                  return new Group(name, rules);
                })
            .toList();
    return new RuleFile(groups);
  }

  public static RuleFile shipped() {
    return parse(RepoFiles.read(RepoFiles.RULES));
  }

  public List<Rule> rules() {
    return groups.stream().flatMap(g -> g.rules().stream()).toList();
  }

  public List<Rule> alerts() {
    return rules().stream().filter(Rule::isAlert).toList();
  }

  public Rule alert(String name) {
    return alerts().stream()
        .filter(r -> r.alert().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no alert " + name + " in the rule file"));
  }

  private static Rule rule(String group, Map<String, Object> r) {
    return new Rule(
        group,
        (String) r.get("alert"),
        (String) r.get("record"),
        ((String) r.get("expr")).strip(),
        (String) r.get("for"),
        strings(r.get("labels")),
        strings(r.get("annotations")));
  }

  private static Map<String, String> strings(Object node) {
    return Yaml.map(node).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }
}
