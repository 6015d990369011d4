package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.github.WebhookSignature.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookIntakeTest {
  private static final byte[] SECRET = "intake-secret".getBytes(StandardCharsets.UTF_8);
  private final RecentDeliveries deliveries = new RecentDeliveries(1000);
  private final WebhookIntake intake =
      new WebhookIntake(new WebhookSignature(List.of(SECRET)), new WebhookParser(), deliveries);

  static Stream<String> payloads() {
    return Stream.concat(
        GitHubFixtures.payloads("workflow_run").stream(),
        GitHubFixtures.payloads("workflow_job").stream());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void correctWrongAndMissingSignatures(String payload) throws Exception {
    byte[] body = GitHubFixtures.bytes(payload);
    String event = payload.contains("/workflow_run/") ? "workflow_run" : "workflow_job";
    String id = UUID.randomUUID().toString();
    String good = WebhookSignatureTest.sign(SECRET, body);
    String bad = WebhookSignatureTest.sign("nope".getBytes(StandardCharsets.UTF_8), body);

    WebhookOutcome wrong = intake.receive(request(event, id, bad, body));
    assertThat(wrong).isEqualTo(new WebhookOutcome.Unauthorized(Verdict.WRONG));
    assertThat(wrong.httpStatus()).isEqualTo(401);
    assertThat(intake.receive(request(event, id, null, body)))
        .isEqualTo(new WebhookOutcome.Unauthorized(Verdict.MISSING));
    // Refused deliveries are not remembered: the genuine one is still new.
    WebhookOutcome accepted = intake.receive(request(event, id, good, body));
    assertThat(accepted).isInstanceOf(WebhookOutcome.Accepted.class);
    assertThat(accepted.httpStatus()).isEqualTo(200);
    assertThat(((WebhookOutcome.Accepted) accepted).event().name()).isEqualTo(event);
  }

  @Test
  void duplicatedDeliveryIdsAreAcknowledgedOnce() throws Exception {
    byte[] body =
        GitHubFixtures.bytes(
            GitHubFixtures.PAYLOADS
                + "workflow_job/completed.success.with-organization.payload.json");
    String sig = WebhookSignatureTest.sign(SECRET, body);
    String id = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    assertThat(intake.receive(request("workflow_job", id, sig, body)))
        .isInstanceOf(WebhookOutcome.Accepted.class);
    for (int i = 0; i < 3; i++) {
      WebhookOutcome again = intake.receive(request("workflow_job", id, sig, body));
      assertThat(again).isEqualTo(new WebhookOutcome.Duplicate(id));
      assertThat(again.httpStatus()).isEqualTo(200);
    }
    assertThat(intake.receive(request("workflow_job", UUID.randomUUID().toString(), sig, body)))
        .isInstanceOf(WebhookOutcome.Accepted.class);
  }

  @Test
  void recentDeliveriesForgetTheOldestBeyondCapacity() {
    RecentDeliveries small = new RecentDeliveries(2);
    assertThat(small.firstSeen("a")).isTrue();
    assertThat(small.firstSeen("b")).isTrue();
    assertThat(small.firstSeen("a")).isFalse();
    assertThat(small.firstSeen("c")).isTrue();
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.firstSeen("a")).isTrue(); // forgotten: "a" was the oldest insertion
  }

  @Test
  void formEncodedDeliveriesAreVerifiedOnTheRawBody() throws Exception {
    byte[] json =
        GitHubFixtures.bytes(GitHubFixtures.PAYLOADS + "workflow_run/completed.payload.json");
    byte[] form =
        ("payload="
                + URLEncoder.encode(
                    new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII);
    WebhookOutcome outcome =
        intake.receive(
            new WebhookRequest(
                "workflow_run",
                UUID.randomUUID().toString(),
                WebhookSignatureTest.sign(SECRET, form),
                "application/x-www-form-urlencoded",
                form));
    assertThat(outcome).isInstanceOf(WebhookOutcome.Accepted.class);
    var event = (WebhookEvent.WorkflowRunEvent) ((WebhookOutcome.Accepted) outcome).event();
    assertThat(event.run().id()).isEqualTo(289782451L);
    // Signed over the decoded JSON instead of the raw form body: refused.
    assertThat(
            intake.receive(
                new WebhookRequest(
                    "workflow_run",
                    UUID.randomUUID().toString(),
                    WebhookSignatureTest.sign(SECRET, json),
                    "application/x-www-form-urlencoded",
                    form)))
        .isEqualTo(new WebhookOutcome.Unauthorized(Verdict.WRONG));
  }

  @Test
  void signedButUnreadableIsABadRequest() throws Exception {
    byte[] body = "{\"workflow_run\": 7}".getBytes(StandardCharsets.UTF_8);
    String sig = WebhookSignatureTest.sign(SECRET, body);
    WebhookOutcome outcome = intake.receive(request("workflow_run", "d-1", sig, body));
    assertThat(outcome).isInstanceOf(WebhookOutcome.BadRequest.class);
    assertThat(outcome.httpStatus()).isEqualTo(400);
    assertThat(intake.receive(request("workflow_run", null, sig, body)))
        .isInstanceOf(WebhookOutcome.BadRequest.class);
    assertThat(intake.receive(request("workflow_run", "../../etc", sig, body)))
        .isInstanceOf(WebhookOutcome.BadRequest.class);
    // A bad delivery is not remembered either.
    assertThat(deliveries.size()).isZero();
  }

  @Test
  void pingAndOtherEventsAreAccepted() throws Exception {
    byte[] ping =
        "{\"zen\":\"Design for failure.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
    WebhookOutcome outcome =
        intake.receive(request("ping", "p-1", WebhookSignatureTest.sign(SECRET, ping), ping));
    assertThat(((WebhookOutcome.Accepted) outcome).event())
        .isEqualTo(new WebhookEvent.Ping(1, "Design for failure."));
    byte[] push = "{}".getBytes(StandardCharsets.UTF_8);
    WebhookOutcome other =
        intake.receive(request("push", "p-2", WebhookSignatureTest.sign(SECRET, push), push));
    assertThat(((WebhookOutcome.Accepted) other).event()).isEqualTo(new WebhookEvent.Other("push"));
  }

  private static WebhookRequest request(String event, String id, String signature, byte[] body) {
    return new WebhookRequest(event, id, signature, "application/json", body);
  }
}
