package dev.neanelu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which JSONL URLs may be downloaded. Scenarios, production: an https URL of an allow-listed host (exact or under a
 * {@code *.} entry) resolving to public addresses passes; http, other schemes, credentials, a host off the list (not
 * even resolved), an allow-listed name resolving to a private, link-local or loopback address (any one of several),
 * and address literals of every refused kind (loopback, 10/8, 172.16/12, 192.168/16, 169.254.169.254, 100.64/10,
 * 0.0.0.0, ::1, ::, fe80::, fc00::/7, fd00::, IPv4-mapped and NAT64 forms of private addresses) are refused with a
 * message. Development: loopback literals and names resolving only to loopback pass over http; private and link-local
 * addresses are still refused, as is a public host off the list or over http. The resolver here is a map: nothing is
 * looked up.
 */
class SourceUrlRulesTest {

  private static final List<String> ALLOWED = List.of("storage.googleapis.com", "*.shopifycloud.com");
  private final List<String> resolved = new ArrayList<>();
  private final Map<String, String[]> dns = Map.of(
      "storage.googleapis.com", new String[] {"142.250.1.128", "2607:f8b0:4004:c07::80"},
      "bulk.shopifycloud.com", new String[] {"34.1.2.3"},
      "evil.shopifycloud.com", new String[] {"34.1.2.4", "10.1.2.3"},
      "meta.shopifycloud.com", new String[] {"169.254.169.254"},
      "loop.shopifycloud.com", new String[] {"127.0.0.1"},
      "localhost", new String[] {"127.0.0.1", "::1"},
      "example.com", new String[] {"93.184.216.34"});

  private SourceUrlRules rules(boolean production) {
    return new SourceUrlRules(production, ALLOWED, this::resolve, "JSONL_ALLOWED_HOSTS");
  }

  private InetAddress[] resolve(String host) throws UnknownHostException {
    resolved.add(host);
    String[] addresses = dns.get(host);
    if (addresses == null) {
      if (host.matches("[0-9.]+|.*:.*")) {
        return InetAddress.getAllByName(host); // an address literal: parsed, not looked up
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] result = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      result[i] = InetAddress.getByName(addresses[i]);
    }
    return result;
  }

  @Test
  void productionAcceptsHttpsUrlsOfAllowListedHostsWithPublicAddresses() {
    assertThat(rules(true).problem("https://storage.googleapis.com/shopify-tiers/bulk-1.jsonl?X-Goog-Signature=a"))
        .isEmpty();
    assertThat(rules(true).problem("https://BULK.shopifycloud.com./x.jsonl")).isEmpty();
  }

  @Test
  void productionRefusesOtherSchemesCredentialsAndHostsOffTheList() {
    SourceUrlRules production = rules(true);
    assertThat(production.problem("http://storage.googleapis.com/x")).contains("must be an https URL");
    assertThat(production.problem("file:///etc/passwd")).contains("must be an https URL");
    assertThat(production.problem("gopher://storage.googleapis.com/")).contains("must be an https URL");
    assertThat(production.problem("https://user:pw@storage.googleapis.com/x")).contains("must not carry credentials");
    assertThat(production.problem("https://shopifycloud.com/x")).get().asString().contains("not on the allow-list");
    assertThat(production.problem("https://example.com/x")).get().asString()
        .isEqualTo("host example.com is not on the allow-list (JSONL_ALLOWED_HOSTS)");
    assertThat(production.problem("https://storage.googleapis.com.evil.com/x")).get().asString()
        .contains("not on the allow-list");
    assertThat(production.problem("not a url")).isPresent();
    assertThat(production.problem("https:///x")).contains("has no host");
    assertThat(resolved).isEmpty();
  }

  @Test
  void productionRefusesAllowListedNamesThatResolveToInternalAddresses() {
    SourceUrlRules production = rules(true);
    assertThat(production.problem("https://evil.shopifycloud.com/x")).get().asString()
        .isEqualTo("host evil.shopifycloud.com is a private address (10.1.2.3)");
    assertThat(production.problem("https://meta.shopifycloud.com/x")).get().asString().contains("link-local");
    assertThat(production.problem("https://loop.shopifycloud.com/x")).get().asString().contains("loopback");
    assertThat(production.problem("https://gone.shopifycloud.com/x")).get().asString().contains("does not resolve");
  }

  @Test
  void productionRefusesEveryInternalAddressLiteral() {
    SourceUrlRules literals = new SourceUrlRules(true, List.of("*"), this::resolve, "JSONL_ALLOWED_HOSTS");
    for (String address : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[::ffff:10.0.0.1]",
        "[64:ff9b::a9fe:a9fe]", "[::10.0.0.1]", "[2002:a9fe:a9fe::1]", "255.255.255.255", "224.0.0.1")) {
      assertThat(SourceUrlRules.refusedKind(literal(address))).as(address).isNotNull();
    }
    assertThat(SourceUrlRules.refusedKind(literal("8.8.8.8"))).isNull();
    assertThat(SourceUrlRules.refusedKind(literal("[2607:f8b0:4004:c07::80]"))).isNull();
    assertThat(literals.problem("https://169.254.169.254/latest/meta-data")).isPresent();
  }

  @Test
  void developmentAlsoAcceptsLoopbackButNothingElseInternal() {
    SourceUrlRules development = rules(false);
    assertThat(development.problem("http://127.0.0.1:28089/files/x.jsonl")).isEmpty();
    assertThat(development.problem("http://localhost:9080/x")).isEmpty();
    assertThat(development.problem("http://[::1]:9080/x")).isEmpty();
    assertThat(development.problem("https://storage.googleapis.com/x")).isEmpty();
    assertThat(development.problem("http://169.254.169.254/latest/meta-data")).get().asString()
        .startsWith("host 169.254.169.254 is a link-local address (169.254.169.254)");
    assertThat(development.problem("http://10.0.0.1/x")).get().asString().contains("private address");
    assertThat(development.problem("https://evil.shopifycloud.com/x")).get().asString().contains("private");
    assertThat(development.problem("https://example.com/x")).get().asString().contains("not on the allow-list");
    assertThat(development.problem("http://storage.googleapis.com/x")).contains("must be an https URL");
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
