package dev.dxexporter.ops;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The objects `helm template` renders for the chart with a values file (null = the chart's
 * defaults).
 */
public record RenderedChart(List<Map<String, Object>> objects) {
  public static final String RELEASE = "dx";
  public static final String NAMESPACE = "monitoring";
  // helm-java's template defaults to Kubernetes 1.20, below the chart's kubeVersion; render for a
  // current cluster.
  public static final String KUBE_VERSION = "1.31.0";

  public static RenderedChart render(Path valuesFile) {
    return render(RepoFiles.CHART, RELEASE, valuesFile == null ? List.of() : List.of(valuesFile));
  }

  /** The repository's chart with several values files, later ones overriding earlier ones. */
  public static RenderedChart withValues(Path... valuesFiles) {
    return render(RepoFiles.CHART, RELEASE, List.of(valuesFiles));
  }

  /** A chart (directory or packaged .tgz) rendered as release {@code release}. */
  public static RenderedChart render(Path chart, String release, List<Path> valuesFiles) {
    var template =
        new Helm(chart)
            .template()
            .withName(release)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    for (Path values : valuesFiles) {
      template = template.withValuesFile(values);
    }
    return new RenderedChart(Yaml.loadAll(template.call()));
  }

  /** A copy of the repository's chart directory as {@code dir/dx-exporter}, alone. */
  public static Path copyOfChart(Path dir) throws IOException {
    Path copy = dir.resolve("dx-exporter");
    try (Stream<Path> files = Files.walk(RepoFiles.CHART)) {
      for (Path from : files.toList()) {
        Files.copy(from, copy.resolve(RepoFiles.CHART.relativize(from).toString()));
      }
    }
    return copy;
  }

  public List<String> kinds() {
    return objects.stream().map(o -> (String) o.get("kind")).sorted().toList();
  }

  public List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** The one object of a kind; fails when there is none or more than one. */
  public Map<String, Object> single(String kind) {
    List<Map<String, Object>> found = ofKind(kind);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + ", rendered " + found.size() + ": " + kinds());
    }
    return found.get(0);
  }
}
