package dev.dxexporter.plan;

import dev.dxexporter.collect.github.RepositoryTarget;
import dev.dxexporter.config.Secret;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.ingest.ci.CiSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code global.github} and a project's {@code github:} section, errors with their place. */
final class GitHubConfig {
  static final Duration POLL_WITHOUT_WEBHOOKS = Duration.ofMinutes(5);

  /** With webhooks on, polling only reconciles what they missed: slowly. */
  static final Duration POLL_WITH_WEBHOOKS = Duration.ofMinutes(30);

  static final URI API = URI.create("https://api.github.com");

  private GitHubConfig() {}

  static GitHubSource.Defaults defaults(Optional<YamlMapping> global, SectionReader reader) {
    if (global.isEmpty()) {
      return GitHubSource.Defaults.BUILT_IN;
    }
    YamlMapping g = global.get();
    GitHubSource.Defaults d =
        new GitHubSource.Defaults(
            reader.secret(g, "token"),
            webhookSecrets(g, reader).orElse(List.of()),
            g.duration("poll_interval"),
            api(g, reader).orElse(API),
            g.duration("success_window").orElse(Duration.ofDays(7)),
            g.duration("ttl").orElse(Duration.ofDays(14)));
    g.rejectUnknownKeys();
    return d;
  }

  static Optional<GitHubSource.GitHub> project(
      Node section, GitHubSource.Defaults defaults, SectionReader reader) {
    YamlMapping m = reader.mapping(section, reader.sectionPath("github"));
    List<CiSettings.Repository> repos = repositories(m, reader);
    if (repos.isEmpty() && m.get("repositories").isEmpty()) {
      reader.errors().at(m.node(), m.child("repositories"), "required key is missing");
    }
    Optional<Secret> token = reader.secret(m, "token").or(defaults::token);
    List<Secret> secrets = webhookSecrets(m, reader).orElse(defaults.webhookSecrets());
    Duration poll =
        m.duration("poll_interval")
            .or(defaults::pollInterval)
            .orElse(secrets.isEmpty() ? POLL_WITHOUT_WEBHOOKS : POLL_WITH_WEBHOOKS);
    CiSettings ci =
        new CiSettings(
            repos,
            m.duration("success_window").orElse(defaults.successWindow()),
            m.duration("ttl").orElse(defaults.ttl()),
            strings(m, "steps").orElse(CiSettings.DEFAULT_STEPS),
            strings(m, "artifacts").orElse(List.of()));
    URI api = api(m, reader).orElse(defaults.apiUrl());
    m.rejectUnknownKeys();
    if (token.isEmpty() && secrets.isEmpty()) {
      reader
          .errors()
          .at(
              m.node(),
              m.path(),
              "give a token (polling) or a webhook_secret (webhooks), or both: neither is set here"
                  + " or under global.github");
      return Optional.empty();
    }
    return Optional.of(new GitHubSource.GitHub(ci, token, secrets, poll, api));
  }

  /**
   * {@code webhook_secret} (one) or {@code webhook_secrets} (several, while one is rotated): empty
   * when neither key is there, so the global ones apply.
   */
  private static Optional<List<Secret>> webhookSecrets(YamlMapping m, SectionReader reader) {
    boolean one = m.get("webhook_secret").isPresent();
    boolean several = m.get("webhook_secrets").isPresent();
    if (one && several) {
      reader
          .errors()
          .at(
              m.keyNode("webhook_secrets").orElse(m.node()),
              m.child("webhook_secrets"),
              "give webhook_secret (one) or webhook_secrets (a list), not both");
      // Both are still read, so their own problems are reported and nothing else cascades.
      List<Secret> all = new ArrayList<>(reader.secret(m, "webhook_secret").stream().toList());
      all.addAll(reader.secrets(m, "webhook_secrets"));
      return Optional.of(all);
    }
    if (one) {
      return Optional.of(reader.secret(m, "webhook_secret").stream().toList());
    }
    if (!several) {
      return Optional.empty();
    }
    List<Secret> secrets = reader.secrets(m, "webhook_secrets");
    if (secrets.isEmpty() && m.sequence("webhook_secrets").isEmpty()) {
      reader
          .errors()
          .at(
              m.get("webhook_secrets").get(),
              m.child("webhook_secrets"),
              "give at least one secret, e.g. [{env: NEW_SECRET}, {env: OLD_SECRET}]");
    }
    return Optional.of(secrets);
  }

  private static List<CiSettings.Repository> repositories(YamlMapping m, SectionReader reader) {
    List<CiSettings.Repository> out = new ArrayList<>();
    List<Node> items = m.sequence("repositories");
    for (int i = 0; i < items.size(); i++) {
      YamlMapping r = reader.mapping(items.get(i), m.child("repositories") + "[" + i + "]");
      Optional<String> repo = r.string("repo");
      List<String> workflows = strings(r, "workflows").orElse(List.of());
      Optional<String> branch = r.string("branch");
      // Unset: the payloads' repository.default_branch decides, run by run.
      Optional<String> defaultBranch = r.string("default_branch");
      r.rejectUnknownKeys();
      if (repo.isEmpty()) {
        reader.errors().at(r.node(), r.child("repo"), "required key is missing (owner/name)");
        continue;
      }
      try {
        out.add(
            new CiSettings.Repository(
                RepositoryTarget.of(repo.get(), workflows, branch.orElse(null)), defaultBranch));
      } catch (IllegalArgumentException e) {
        reader.errors().at(r.node(), r.child("repo"), e.getMessage());
      }
    }
    return out;
  }

  private static Optional<List<String>> strings(YamlMapping m, String key) {
    if (m.get(key).isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Node n : m.sequence(key)) {
      m.scalar(n, m.child(key)).ifPresent(out::add);
    }
    return Optional.of(out);
  }

  private static Optional<URI> api(YamlMapping m, SectionReader reader) {
    Optional<String> text = m.string("api_url");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(text.get());
      if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
        throw new IllegalArgumentException("not an http(s) URL: " + text.get());
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      reader.errors().at(m.get("api_url").get(), m.child("api_url"), e.getMessage());
      return Optional.empty();
    }
  }
}
