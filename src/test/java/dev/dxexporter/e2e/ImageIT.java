package dev.dxexporter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dxexporter.ops.RenderedChart;
import dev.dxexporter.ops.Yaml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built image run the way the chart runs it: its layers unpacked, its own entrypoint with the
 * Deployment's args, env, volumes, working directory, uid/gid and read-only root from {@code helm
 * template} ({@link ChrootContainer}), over a Cargo project mounted read-only as the chart's
 * extraVolumeMounts would. It must become ready and serve dx_build_info and the cache and
 * dependency collectors' series, with the cache size `du` measures. Skipped when no image was built
 * (plain {@code mvn verify}); {@code -Pimage} builds it and sets dx.image.required, so it runs.
 */
class ImageIT {
  private static final String TAR = System.getProperty("dx.image.tar", "");
  @TempDir Path tmp;

  @Test
  void theImageServesAsTheChartRunsItAsNobodyOnAReadOnlyRoot() throws Exception {
    boolean required = Boolean.getBoolean("dx.image.required");
    boolean built = !TAR.isEmpty() && Files.isRegularFile(Path.of(TAR));
    assertThat(built || !required).as("-Pimage must have built " + TAR).isTrue();
    assumeTrue(built, "no image at '" + TAR + "': build it with mvn package -Pimage");
    assertThat((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
        .as("ImageIT mounts and chroots: it needs root (CI runs as root)")
        .isZero();

    ImageArchive image = ImageArchive.unpack(Path.of(TAR), tmp);
    int port = ServerProcess.freePort();
    Path values = tmp.resolve("values.yaml");
    Files.writeString(
        values,
        """
        service: {port: %d}
        config:
          projects:
            - {name: shop, path: /projects/shop, caches: [{name: target, path: target}]}
        extraVolumes: [{name: projects, hostPath: {path: /unused}}]
        extraVolumeMounts: [{name: projects, mountPath: /projects/shop, readOnly: true}]
        """
            .formatted(port));
    RenderedChart chart = RenderedChart.render(values);
    Map<String, Object> pod = Yaml.map(Yaml.at(chart.single("Deployment"), "spec.template.spec"));
    Map<String, Object> container = Yaml.map(Yaml.list(pod.get("containers")).get(0));

    String chartImage = (String) container.get("image");
    assertThat(image.repoTags())
        .as("docker load tag = the chart's image")
        .containsExactly(chartImage);
    assertThat(image.indexImageName()).isEqualTo(chartImage);
    assertThat(image.label("org.opencontainers.image.version")).isNotBlank();
    assertThat(image.label("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
    assertThat(image.label("org.opencontainers.image.source")).startsWith("https://");
    int uid = (Integer) Yaml.at(pod, "securityContext.runAsUser");
    int gid = (Integer) Yaml.at(pod, "securityContext.runAsGroup");
    assertThat(image.user()).isEqualTo(uid + ":" + gid);
    assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);

    Path project = tmp.resolve("shop");
    Fixtures.cargoWorkspace(project, 12);
    Fixtures.cache(project.resolve("target"), 0);
    ImageArchive.ok(List.of("chmod", "-R", "a+rX", project.toString()));
    List<ChrootContainer.Volume> volumes = volumes(chart, container, project);
    Map<String, String> env = new LinkedHashMap<>();
    for (String kv : image.env()) {
      env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    env.put("HOME", "/nonexistent");
    for (Object e : Yaml.list(container.get("env"))) {
      env.put((String) Yaml.map(e).get("name"), (String) Yaml.map(e).get("value"));
    }
    List<String> command = new ArrayList<>(image.entrypoint());
    Yaml.list(container.get("args")).forEach(a -> command.add((String) a));

    String base = "http://127.0.0.1:" + port;
    try (ChrootContainer exporter =
        ChrootContainer.start(
            image.root(),
            volumes,
            (String) container.get("workingDir"),
            uid,
            gid,
            env,
            command,
            tmp.resolve("container.log"))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (Http.status(base + "/-/ready") != 200) {
        assertThat(exporter.isAlive()).as(exporter.logTail()).isTrue();
        assertThat(System.nanoTime()).as(exporter.logTail()).isLessThan(deadline);
        Thread.sleep(200);
      }
      String text = get(base + "/metrics");
      assertThat(text.lines().filter(l -> l.startsWith("dx_build_info{")))
          .as(text)
          .singleElement()
          .asString()
          .contains("version=\"" + image.label("org.opencontainers.image.version") + "\"");
      String cache = "{cache=\"target\",project=\"shop\",scope=\"project\"}";
      assertThat(value(text, "dx_cache_size_bytes" + cache))
          .isEqualTo(Fixtures.diskUsage(project.resolve("target")));
      assertThat(value(text, "dx_dependencies_distinct{ecosystem=\"cargo\",project=\"shop\"}"))
          .isEqualTo(12);
      assertThat(value(text, "dx_collector_success{collector=\"cache:target\",project=\"shop\"}"))
          .isEqualTo(1);
      assertThat(exporter.logTail()).doesNotContain("UnsatisfiedLinkError", "store unavailable");
      assertThat(exporter.isAlive()).isTrue();
    }
    assertThat(tmp.resolve("volumes/data/data/dx-exporter.db"))
        .as("the store is written into the data volume (the root is read-only)")
        .isRegularFile();
    try (var inTmp = Files.list(tmp.resolve("volumes/tmp"))) {
      assertThat(inTmp.toList())
          .as("nothing unpacked into /tmp, so a noexec /tmp (docker's --tmpfs) works too")
          .isEmpty();
    }
  }

  /**
   * A host directory for each of the container's volume mounts: the ConfigMap's files for config,
   * empty world-writable directories for the emptyDirs (as Kubernetes makes them), the project for
   * extraVolumeMounts.
   */
  private List<ChrootContainer.Volume> volumes(
      RenderedChart chart, Map<String, Object> container, Path project) throws Exception {
    List<ChrootContainer.Volume> volumes = new ArrayList<>();
    for (Object m : Yaml.list(container.get("volumeMounts"))) {
      Map<String, Object> mount = Yaml.map(m);
      String name = (String) mount.get("name");
      Path source = Files.createDirectories(tmp.resolve("volumes").resolve(name));
      Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwxrwxrwx"));
      switch (name) {
        case "config" -> {
          Map<String, Object> data = Yaml.map(chart.single("ConfigMap").get("data"));
          for (var file : data.entrySet()) {
            Files.writeString(source.resolve(file.getKey()), (String) file.getValue());
          }
          Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        case "projects" -> source = project;
        default -> {}
      }
      volumes.add(
          new ChrootContainer.Volume(
              source, (String) mount.get("mountPath"), Boolean.TRUE.equals(mount.get("readOnly"))));
    }
    assertThat(volumes).extracting(ChrootContainer.Volume::mountPath).contains("/tmp");
    return volumes;
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static long value(String text, String series) {
    return text.lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> (long) Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + series + " in:\n" + text));
  }
}
