package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image the build writes, the chart that runs it and the launcher agree: `-Pimage` tags the
 * image with the chart's default registry/repository:appVersion, and the chart's javaOpts (which
 * replace the image's JAVA_TOOL_OPTIONS) are the shipped jvm.options, so tuning one is tuning both.
 * The Deployment's data mount is the volume the image declares.
 */
class ImageConfigAgreementTest {
  private static final String POM = RepoFiles.read(RepoFiles.ROOT.resolve("pom.xml"));
  private static final String BUILD =
      RepoFiles.read(RepoFiles.ROOT.resolve("src/main/image/build.sh"));

  @Test
  void theImageBuiltIsTheChartsDefaultImage() {
    Map<String, Object> values = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART_VALUES)));
    Object appVersion =
        Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART.resolve("Chart.yaml"))))
            .get("appVersion");
    assertThat(Yaml.at(values, "image.tag"))
        .as("the chart's tag defaults to appVersion")
        .isEqualTo("");
    assertThat(property("image.name") + ":" + property("image.tag"))
        .isEqualTo(
            Yaml.at(values, "image.registry")
                + "/"
                + Yaml.at(values, "image.repository")
                + ":"
                + appVersion);
    Map<String, Object> container =
        Yaml.map(
            Yaml.list(
                    Yaml.at(
                        RenderedChart.render(null).single("Deployment"),
                        "spec.template.spec.containers"))
                .get(0));
    assertThat(container.get("image"))
        .isEqualTo(property("image.name") + ":" + property("image.tag"));
  }

  @Test
  void theChartsJavaOptsAreTheShippedJvmOptions() {
    List<String> options =
        RepoFiles.read(RepoFiles.ROOT.resolve("src/main/dist/jvm.options"))
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(options).contains("-Xmx256m", "-XX:+UseSerialGC");
    Map<String, Object> values = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART_VALUES)));
    assertThat(values.get("javaOpts")).isEqualTo(String.join(" ", options));
    assertThat(BUILD).contains("src/main/dist/jvm.options").contains("JAVA_TOOL_OPTIONS=");
  }

  @Test
  void theImageDeclaresTheChartsDataVolumeAndUser() {
    Map<String, Object> values = Yaml.map(Yaml.load(RepoFiles.read(RepoFiles.CHART_VALUES)));
    String mountPath = (String) Yaml.at(values, "persistence.mountPath");
    assertThat(BUILD)
        .contains("Volumes: {\"" + mountPath + "\": {}}")
        .contains("WorkingDir: \"" + mountPath + "\"")
        .contains("--storage.path=" + mountPath + "/data")
        .contains(
            "User: \""
                + Yaml.at(values, "podSecurityContext.runAsUser")
                + ":"
                + Yaml.at(values, "podSecurityContext.runAsGroup")
                + "\"");
  }

  private static String property(String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(POM);
    assertThat(m.find()).as("pom.xml property " + name).isTrue();
    return m.group(1);
  }
}
