package dev.dxexporter.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hash an unknown user's password is compared against. bcrypt's time doubles with each cost
 * step, so a fake hash of another cost than the real users' tells an attacker which names exist
 * (cost 12: 282 ms, unknown at cost 10: 80 ms). It takes the cost most of the configured users have
 * (the higher on a tie): with mixed costs, unknown names time like the largest group.
 */
final class FakeHash {
  /** exporter-toolkit's fixed hash for unknown users (web/handler.go): bcrypt of "fakepassword". */
  static final String TOOLKIT = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private static final int TOOLKIT_COST = 10;

  private FakeHash() {}

  /** The fake hash for these users' hashes: the toolkit's at cost 10, else a fresh random one. */
  static String matching(Collection<String> userHashes) {
    int cost = cost(userHashes);
    if (cost == TOOLKIT_COST) {
      return TOOLKIT;
    }
    byte[] password = new byte[18];
    new SecureRandom().nextBytes(password); // no password can match it
    String random = java.util.Base64.getEncoder().encodeToString(password);
    return new String(
        BCrypt.with(BCrypt.Version.VERSION_2Y).hash(cost, random.toCharArray()),
        StandardCharsets.UTF_8);
  }

  /** The most common cost of {@code userHashes} (the higher on a tie); 10 without users. */
  static int cost(Collection<String> userHashes) {
    Map<Integer, Long> counts =
        userHashes.stream()
            .map(FakeHash::costOf)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
        .map(Map.Entry::getKey)
        .orElse(TOOLKIT_COST);
  }

  /** The cost of a "$2y$NN$..." hash, already validated by the web config loader. */
  static int costOf(String hash) {
    return Integer.parseInt(hash.substring(4, 6));
  }
}
