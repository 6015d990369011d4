package dev.dxexporter.collect.github;

import dev.dxexporter.collect.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Lists a completed run's artifacts, picks those matching the configured names, downloads each and
 * streams its entries to a consumer (which routes JUnit, coverage and benchmark files to their
 * readers). Nothing is written to disk.
 */
public final class ArtifactFetcher {
  /** Receives one entry of one artifact; see {@link ZipEntryConsumer} for the stream's rules. */
  @FunctionalInterface
  public interface Consumer {
    void accept(Artifact artifact, String entry, InputStream content)
        throws IOException, InputException;
  }

  private final GitHubClient client;
  private final ArtifactFilter filter;
  private final ZipLimits limits;
  private final ArtifactReader reader;

  public ArtifactFetcher(GitHubClient client, ArtifactFilter filter, ZipLimits limits) {
    this.client = client;
    this.filter = filter;
    this.limits = limits;
    this.reader = new ArtifactReader(limits);
  }

  public ArtifactReport fetch(RepositoryTarget target, long runId, Consumer consumer)
      throws InterruptedException {
    List<ArtifactReport.Read> read = new ArrayList<>();
    List<ArtifactReport.Skipped> skipped = new ArrayList<>();
    try {
      Listing<Artifact> artifacts =
          client.artifacts(client.urls().artifacts(target, runId, 100), 10);
      for (Artifact artifact : artifacts.items()) {
        if (!filter.matches(artifact.name())) {
          continue;
        }
        String reason = refusal(artifact);
        if (reason != null) {
          skipped.add(new ArtifactReport.Skipped(artifact, reason));
          continue;
        }
        try {
          read.add(new ArtifactReport.Read(artifact, download(target, artifact, consumer)));
        } catch (InputException e) {
          skipped.add(new ArtifactReport.Skipped(artifact, e.getMessage()));
        } catch (ApiException e) {
          // This artifact's own trouble skips it; the token's or the network's stops the fetch.
          switch (e.kind()) {
            case NOT_FOUND, GONE ->
                skipped.add(new ArtifactReport.Skipped(artifact, "gone: " + e.getMessage()));
            case BAD_RESPONSE -> skipped.add(new ArtifactReport.Skipped(artifact, e.getMessage()));
            default -> throw e;
          }
        }
      }
    } catch (ApiException e) {
      return new ArtifactReport(read, skipped, e);
    }
    return new ArtifactReport(read, skipped, null);
  }

  private String refusal(Artifact artifact) {
    if (artifact.expired()) {
      return "expired";
    }
    if (artifact.sizeInBytes() > limits.maxCompressedBytes()) {
      return "larger ("
          + artifact.sizeInBytes()
          + " bytes) than the limit of "
          + limits.maxCompressedBytes();
    }
    return null;
  }

  private ArtifactReader.Summary download(
      RepositoryTarget target, Artifact artifact, Consumer consumer)
      throws ApiException, InterruptedException, InputException {
    Path source = Path.of("artifact-" + artifact.id());
    HttpResponse<InputStream> response =
        client.download(client.urls().artifactZip(target, artifact.id()));
    try (InputStream zip = response.body()) {
      OptionalLong length = response.headers().firstValueAsLong("content-length");
      if (length.isPresent() && length.getAsLong() > limits.maxCompressedBytes()) {
        throw new InputException(
            source, "download of " + length.getAsLong() + " bytes is over the limit");
      }
      return reader.read(zip, source, (name, content) -> consumer.accept(artifact, name, content));
    } catch (IOException e) {
      throw new InputException(source, "cannot read the download: " + e, e);
    }
  }
}
