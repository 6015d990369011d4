package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.github.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
  private static final byte[] SECRET = "s3cr3t-for-tests".getBytes(StandardCharsets.UTF_8);
  private final WebhookSignature signature = new WebhookSignature(List.of(SECRET));

  /** GitHub's documented test values ("Validating webhook deliveries", "Testing the ..."). */
  @Test
  void matchesTheVectorGitHubDocuments() {
    WebhookSignature docs =
        new WebhookSignature(
            List.of("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8)));
    byte[] payload = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    assertThat(
            docs.verify(
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", payload))
        .isEqualTo(Verdict.VALID);
    assertThat(
            docs.verify(
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18", payload))
        .isEqualTo(Verdict.WRONG);
  }

  static Stream<String> payloads() {
    return Stream.concat(
        GitHubFixtures.payloads("workflow_run").stream(),
        GitHubFixtures.payloads("workflow_job").stream());
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void everyPayloadExampleCorrectWrongAndMissing(String payload) throws Exception {
    byte[] body = GitHubFixtures.bytes(payload);
    assertThat(signature.verify(sign(SECRET, body), body)).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(sign("other".getBytes(StandardCharsets.UTF_8), body), body))
        .isEqualTo(Verdict.WRONG);
    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 1;
    assertThat(signature.verify(sign(SECRET, body), tampered)).isEqualTo(Verdict.WRONG);
    assertThat(signature.verify(null, body)).isEqualTo(Verdict.MISSING);
    assertThat(signature.verify("", body)).isEqualTo(Verdict.MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha1=0123456789abcdef0123456789abcdef01234567",
        "sha256=",
        "sha256=abc",
        "sha256=zz57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
        "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17ff",
        "SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
      })
  void malformedHeaders(String header) {
    assertThat(signature.verify(header, new byte[0])).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void anyOfSeveralSecretsDuringRotation() throws Exception {
    byte[] old = "old".getBytes(StandardCharsets.UTF_8);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    WebhookSignature rotating = new WebhookSignature(List.of(SECRET, old));
    assertThat(rotating.verify(sign(old, body), body)).isEqualTo(Verdict.VALID);
    assertThat(rotating.verify(sign(SECRET, body), body)).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(sign(old, body), body)).isEqualTo(Verdict.WRONG);
  }

  @Test
  void refusesAnEmptyConfiguration() {
    assertThatThrownBy(() -> new WebhookSignature(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSignature(List.of(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSecretIsCopied() throws Exception {
    byte[] secret = "mutable".getBytes(StandardCharsets.UTF_8);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String header = sign(secret, body);
    WebhookSignature kept = new WebhookSignature(List.of(secret));
    secret[0] = 'X';
    assertThat(kept.verify(header, body)).isEqualTo(Verdict.VALID);
  }

  /** The header GitHub would send; computed here, not by the class under test. */
  static String sign(byte[] secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    String hex = HexFormat.of().formatHex(mac.doFinal(body));
    // Guard the helper itself against a silent change of format.
    assertThat(MessageDigest.isEqual(hex.getBytes(), hex.toLowerCase().getBytes())).isTrue();
    return "sha256=" + hex;
  }
}
