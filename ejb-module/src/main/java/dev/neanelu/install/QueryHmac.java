package dev.neanelu.install;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The HMAC Shopify puts on install requests and OAuth callbacks (shopify-facts §4): every query parameter but
 * {@code hmac} (and the legacy {@code signature}), keys sorted, form-encoded with {@code %20} rather than {@code +},
 * repeated values joined by commas, {@code k=v} pairs joined by {@code &}, hex HMAC-SHA256 keyed with the client
 * secret, compared in constant time; plus a {@code timestamp} within {@link #MAX_SKEW} of now.
 */
public final class QueryHmac {

  static final Duration MAX_SKEW = Duration.ofSeconds(90);

  private QueryHmac() {}

  /** @throws InstallRejectedException naming the failed check */
  public static void verify(Map<String, List<String>> query, String secret, Clock clock)
      throws InstallRejectedException {
    String given = single(query, "hmac");
    if (given == null || !given.matches("[0-9a-fA-F]{64}")) {
      throw new InstallRejectedException("hmac is missing or malformed", true);
    }
    byte[] expected = Hmacs.sha256(secret, message(query).getBytes(StandardCharsets.UTF_8));
    if (!Hmacs.equal(expected, HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT)))) {
      throw new InstallRejectedException("hmac does not verify", true);
    }
    checkTimestamp(single(query, "timestamp"), clock.instant());
  }

  static String message(Map<String, List<String>> query) {
    StringJoiner joined = new StringJoiner("&");
    new TreeMap<>(query)
        .forEach(
            (k, values) -> {
              if (!k.equals("hmac") && !k.equals("signature")) {
                joined.add(encode(k) + "=" + encode(String.join(",", values)));
              }
            });
    return joined.toString();
  }

  private static void checkTimestamp(String timestamp, Instant now) throws InstallRejectedException {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new InstallRejectedException("timestamp is missing or malformed", false);
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(MAX_SKEW) > 0) {
      throw new InstallRejectedException("timestamp is more than 90 s away from now", true);
    }
  }

  static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
