package dev.dxexporter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image tar that {@code src/main/image/build.sh} writes, unpacked with real {@code tar}: its
 * {@code docker load} manifest, its OCI index and image config, and its layers applied in order
 * into one root file tree (as a container runtime would, without whiteouts: the build writes one
 * layer).
 */
record ImageArchive(Path dir, JsonNode dockerManifest, JsonNode index, JsonNode config, Path root) {
  static ImageArchive unpack(Path tar, Path into) {
    Path dir = into.resolve("archive");
    Path root = into.resolve("rootfs");
    try {
      Files.createDirectories(dir);
      Files.createDirectories(root);
      ok(List.of("tar", "-xf", tar.toString(), "-C", dir.toString()));
      JsonNode manifest = Http.JSON.readTree(dir.resolve("manifest.json").toFile());
      JsonNode index = Http.JSON.readTree(dir.resolve("index.json").toFile());
      JsonNode config =
          Http.JSON.readTree(dir.resolve(manifest.get(0).get("Config").asText()).toFile());
      for (JsonNode layer : manifest.get(0).get("Layers")) {
        ok(
            List.of(
                "tar",
                "--same-owner",
                "--numeric-owner",
                "-xzf",
                dir.resolve(layer.asText()).toString(),
                "-C",
                root.toString()));
      }
      return new ImageArchive(dir, manifest, index, config, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void ok(List<String> command) {
    Command result = Command.run(command);
    if (result.exit() != 0) {
      throw new AssertionError(command + " exited " + result.exit() + ": " + result.output());
    }
  }

  List<String> repoTags() {
    List<String> tags = new ArrayList<>();
    dockerManifest.get(0).get("RepoTags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** The OCI index's image name (containerd's annotation). */
  String indexImageName() {
    return index
        .get("manifests")
        .get(0)
        .get("annotations")
        .get("io.containerd.image.name")
        .asText();
  }

  List<String> entrypoint() {
    return strings(config.get("config").get("Entrypoint"));
  }

  List<String> env() {
    return strings(config.get("config").get("Env"));
  }

  String user() {
    return config.get("config").get("User").asText();
  }

  String label(String name) {
    JsonNode value = config.get("config").get("Labels").get(name);
    return value == null ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
