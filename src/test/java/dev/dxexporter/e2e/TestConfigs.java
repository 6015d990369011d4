package dev.dxexporter.e2e;

import dev.dxexporter.ops.RepoFiles;
import dev.dxexporter.ops.Yaml;
import java.net.URI;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The test copies of shipped files. Each changes only what a test cannot wait for and says so: the
 * rule file's `for:` durations, the Alertmanager example's timing and webhook URLs.
 */
final class TestConfigs {
  /** Every alert's `for:` in the test copy. The promtool unit tests prove the real durations. */
  static final String TEST_FOR = "3s";

  /**
   * DxExporterAbsent's `for:` in the test copy. A starting Prometheus applies static targets on its
   * discovery manager's 5 s update tick, so `up` is absent for up to ~5 s while rules already run;
   * the shipped 15m rides that out, 3 s would not.
   */
  static final String TEST_FOR_ABSENT = "20s";

  private TestConfigs() {}

  static String dump(Object yaml) {
    return new Dump(
            DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000).build())
        .dumpToString(yaml);
  }

  /**
   * The shipped rules with `for:` and `keep_firing_for:` shortened; everything else (exprs, labels,
   * annotations) unchanged.
   */
  static Map<String, Object> rulesWithShortFor() {
    Map<String, Object> rules = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.RULES)));
    for (Object group : Yaml.list(rules.get("groups"))) {
      for (Object rule : Yaml.list(Yaml.map(group).get("rules"))) {
        Map<String, Object> r = Yaml.map(rule);
        if (r.containsKey("for")) {
          r.put("for", "DxExporterAbsent".equals(r.get("alert")) ? TEST_FOR_ABSENT : TEST_FOR);
        }
        if (r.containsKey("keep_firing_for")) {
          r.put("keep_firing_for", TEST_FOR);
        }
      }
    }
    return rules;
  }

  /**
   * The shipped Alertmanager example with its webhook URLs pointed at the test's receiver (same
   * paths) and its waits cut to a second; routes, matchers and inhibit rules unchanged.
   */
  static Map<String, Object> alertmanagerFor(WebhookReceiver receiver) {
    Map<String, Object> config =
        Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.ALERTMANAGER_EXAMPLE)));
    shortenTiming(Yaml.map(config.get("route")));
    for (Object r : Yaml.list(config.get("receivers"))) {
      for (Object webhook : Yaml.list(Yaml.map(r).get("webhook_configs"))) {
        Map<String, Object> w = Yaml.map(webhook);
        w.put("url", receiver.url(URI.create((String) w.get("url")).getPath()));
      }
    }
    return config;
  }

  private static void shortenTiming(Map<String, Object> route) {
    route.put("group_wait", "1s");
    route.put("group_interval", "1s");
    route.remove("repeat_interval");
    for (Object child : Yaml.list(route.get("routes"))) {
      shortenTiming(Yaml.map(child));
    }
  }
}
