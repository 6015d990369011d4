package dev.dxexporter.plan;

import dev.dxexporter.collect.github.ArtifactFetcher;
import dev.dxexporter.collect.github.ArtifactFilter;
import dev.dxexporter.collect.github.ClientSettings;
import dev.dxexporter.collect.github.GitHubClient;
import dev.dxexporter.collect.github.PollSettings;
import dev.dxexporter.collect.github.RequestBudget;
import dev.dxexporter.collect.github.RunPoller;
import dev.dxexporter.collect.github.Sleeper;
import dev.dxexporter.collect.github.ZipLimits;
import dev.dxexporter.config.Detection;
import dev.dxexporter.config.ProjectConfig;
import dev.dxexporter.config.Schedule;
import dev.dxexporter.config.Secret;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.http.Authentication;
import dev.dxexporter.http.Route;
import dev.dxexporter.ingest.ci.ArtifactIngest;
import dev.dxexporter.ingest.ci.ArtifactReaders;
import dev.dxexporter.ingest.ci.CiCollector;
import dev.dxexporter.ingest.ci.CiSettings;
import dev.dxexporter.ingest.ci.CiTarget;
import dev.dxexporter.ingest.ci.GitHubCounters;
import dev.dxexporter.ingest.ci.GitHubPollCollector;
import dev.dxexporter.ingest.ci.WebhookHandler;
import dev.dxexporter.metrics.CollectorId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * GitHub Actions ({@code github:} in a project, defaults under {@code global.github}): the route
 * {@code POST /api/v1/webhooks/github}, a collector {@code github} that shows the stored runs, and
 * with a token a collector {@code github-poll} that polls (reconciles, with webhooks on). API
 * clients live as long as the process, one per project and token, and every client of one token
 * shares one request budget.
 */
public final class GitHubSource implements Source<GitHubSource.Defaults, GitHubSource.GitHub> {
  private static final Logger log = LoggerFactory.getLogger(GitHubSource.class);
  static final String COLLECTOR = "github";
  static final String POLL_COLLECTOR = "github-poll";

  /** Requests an hour per token: below GitHub's 5,000, leaving room for the token's other users. */
  static final int REQUESTS_PER_HOUR = 3_000;

  /** {@code global.github}. */
  public record Defaults(
      Optional<Secret> token,
      List<Secret> webhookSecrets,
      Optional<Duration> pollInterval,
      URI apiUrl,
      Duration successWindow,
      Duration ttl) {
    static final Defaults BUILT_IN =
        new Defaults(
            Optional.empty(),
            List.of(),
            Optional.empty(),
            GitHubConfig.API,
            Duration.ofDays(7),
            Duration.ofDays(14));
  }

  /**
   * One project's GitHub settings.
   *
   * @param webhookSecrets a delivery signed with any of them is accepted (several while one is
   *     rotated); empty without webhooks
   */
  public record GitHub(
      CiSettings ci,
      Optional<Secret> token,
      List<Secret> webhookSecrets,
      Duration pollInterval,
      URI apiUrl) {
    public GitHub {
      webhookSecrets = List.copyOf(webhookSecrets);
    }
  }

  private final GitHubCounters counters = new GitHubCounters();
  private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();
  private final Map<String, GitHubClient> clients = new ConcurrentHashMap<>();
  private final Map<String, RunPoller> pollers = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "github";
  }

  @Override
  public String projectKey() {
    return "github";
  }

  @Override
  public String globalKey() {
    return "github";
  }

  @Override
  public Defaults readDefaults(Optional<YamlMapping> global, SectionReader reader) {
    return GitHubConfig.defaults(global, reader);
  }

  @Override
  public Optional<GitHub> readProject(
      Optional<Node> section, Defaults defaults, SectionReader reader) {
    return section.flatMap(s -> GitHubConfig.project(s, defaults, reader));
  }

  /** Needs a repository and a secret or token: never on in the zero-config default. */
  @Override
  public Optional<GitHub> detect(Detection detection) {
    return Optional.empty();
  }

  @Override
  public List<Route> routes(RouteContext context) {
    WebhookHandler handler =
        new WebhookHandler(
            name -> target(context, name),
            () -> context.services().store(),
            context.services().clock(),
            counters);
    // The handler checks the HMAC itself, so every refusal is counted by outcome.
    return List.of(Route.post("/api/v1/webhooks/github", Authentication.NONE, handler));
  }

  private Optional<CiTarget> target(RouteContext context, Optional<String> name) {
    List<ProjectConfig> taking =
        context.config().projects().stream()
            .filter(p -> p.settings(this).isPresent())
            .filter(p -> name.isEmpty() || p.name().equals(name.get()))
            .toList();
    if (taking.size() != 1) {
      return Optional.empty();
    }
    ProjectConfig p = taking.get(0);
    GitHub g = p.settings(this).get();
    List<byte[]> secrets = new ArrayList<>();
    // An unreadable secret is logged and left out: the others still verify deliveries.
    for (Secret secret : g.webhookSecrets()) {
      resolve(secret, p.name())
          .filter(s -> !s.isEmpty())
          .ifPresent(s -> secrets.add(s.getBytes(StandardCharsets.UTF_8)));
    }
    return Optional.of(
        new CiTarget(
            p.name(),
            g.ci(),
            secrets,
            () -> context.refresh(new CollectorId(p.name(), COLLECTOR))));
  }

  @Override
  public List<PlannedCollector> plan(ProjectConfig project, GitHub settings, PlanContext context) {
    CollectorId shows = new CollectorId(project.name(), COLLECTOR);
    List<PlannedCollector> out = new ArrayList<>();
    out.add(
        new PlannedCollector(
            shows,
            new Schedule.Every(Duration.ofMinutes(1)),
            settings,
            new CiCollector(
                project.name(), settings.ci(), context::store, context.clock(), counters)));
    if (settings.token().isPresent()) {
      String key = project.name() + "|" + settings.token().get() + "|" + settings.apiUrl();
      // Polled runs show on the github collector's next run (a minute at most): a poll
      // reconciles, it is not the fast path.
      Runnable refresh = () -> {};
      out.add(
          new PlannedCollector(
              new CollectorId(project.name(), POLL_COLLECTOR),
              new Schedule.Every(settings.pollInterval()),
              settings,
              new GitHubPollCollector(
                  project.name(),
                  settings.ci(),
                  () -> client(key, project.name(), settings, context),
                  () ->
                      pollers.computeIfAbsent(
                          key,
                          k ->
                              new RunPoller(
                                  client(key, project.name(), settings, context),
                                  PollSettings.defaults(),
                                  context.clock(),
                                  Duration.ofHours(1))),
                  new ArtifactIngest(
                      () ->
                          new ArtifactFetcher(
                              client(key, project.name(), settings, context),
                              new ArtifactFilter(settings.ci().artifacts()),
                              ZipLimits.defaults()),
                      ArtifactReaders.defaults(),
                      context::store,
                      context.clock()),
                  context::store,
                  context.clock(),
                  counters,
                  refresh)));
    }
    return out;
  }

  private GitHubClient client(String key, String project, GitHub g, PlanContext context) {
    return clients.computeIfAbsent(
        key,
        k ->
            new GitHubClient(
                GitHubClient.newHttpClient(Duration.ofSeconds(10)),
                ClientSettings.defaults(g.apiUrl()),
                () -> g.token().flatMap(t -> resolve(t, project)).orElse(""),
                budgets.computeIfAbsent(
                    g.token().get() + "|" + g.apiUrl(),
                    b -> new RequestBudget(REQUESTS_PER_HOUR, 100, context.clock())),
                context.clock(),
                Sleeper.system(),
                new SecureRandom()));
  }

  private static Optional<String> resolve(Secret secret, String project) {
    try {
      return Optional.of(secret.resolve());
    } catch (IOException e) {
      log.warn("project {}: GitHub secret {} cannot be read: {}", project, secret, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public String describe(GitHub settings) {
    return "repositories "
        + settings.ci().repositories().stream().map(r -> r.target().fullName()).toList()
        + (settings.webhookSecrets().isEmpty()
            ? ""
            : ", webhooks (" + settings.webhookSecrets().size() + " secret(s))")
        + (settings.token().isPresent() ? ", polled every " + settings.pollInterval() : "");
  }
}
