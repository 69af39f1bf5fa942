package dev.neanelu.catalog;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the catalog ingest may download a JSONL from: the rules of {@link SourceUrlPolicy}, as plain Java with
 * the mode, the allow-list and the name resolution given, so they can be tested without a server or a network.
 *
 * <p>A URL is accepted when it is an {@code https} URL whose host is on the allow-list and resolves only to public
 * addresses; in development mode also when its host resolves only to loopback addresses (the tests and the Run
 * command serve files from loopback, over http). Refused: other schemes, credentials in the URL, hosts that do not
 * resolve, and any address that is loopback (in production), private, link-local (169.254.169.254, the cloud
 * metadata address), unique-local, any-local, multicast, shared (carrier-grade NAT) or reserved, also when it is
 * embedded in an IPv6 address. In production a host off the allow-list is refused before any name is resolved.
 */
public final class SourceUrlRules {

  /** Resolves a host name (or parses an address literal, without a lookup) to every address it has. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean production;
  private final List<String> allowedHosts;
  private final Resolver resolver;
  private final String allowListName;

  /**
   * @param allowedHosts host names, lower case; {@code *.example.com} stands for every name under example.com
   * @param allowListName what configures the allow-list, named in refusals
   */
  public SourceUrlRules(boolean production, List<String> allowedHosts, Resolver resolver, String allowListName) {
    this.production = production;
    this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
        .toList();
    this.resolver = resolver;
    this.allowListName = allowListName;
  }

  public boolean production() {
    return production;
  }

  /** Why {@code url} may not be downloaded, worded for the caller; empty when it may. */
  public Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an https URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials");
    }
    String host = host(uri);
    if (host == null) {
      return Optional.of("has no host");
    }
    boolean allowed = allowed(host);
    if (production && !scheme.equals("https")) {
      return Optional.of("must be an https URL");
    }
    if (production && !allowed) {
      return Optional.of(offTheList(host));
    }
    return resolved(host, scheme, allowed);
  }

  private Optional<String> resolved(String host, String scheme, boolean allowed) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    if (addresses.length == 0) {
      return Optional.of("host " + host + " does not resolve");
    }
    if (!production && allLoopback(addresses)) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      String refused = refusedKind(address);
      if (refused != null) {
        return Optional.of("host " + host + " is " + article(refused) + " address (" + address.getHostAddress()
            + ")" + (production ? "" : "; development mode allows loopback hosts besides https hosts on the"
            + " allow-list"));
      }
    }
    if (!scheme.equals("https")) {
      return Optional.of("must be an https URL");
    }
    return allowed ? Optional.empty() : Optional.of(offTheList(host));
  }

  private String offTheList(String host) {
    return "host " + host + " is not on the allow-list (" + allowListName + ")";
  }

  /** The host in lower case without a trailing dot, and an IPv6 literal without its brackets; null if none. */
  private static String host(URI uri) {
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private boolean allowed(String host) {
    for (String entry : allowedHosts) {
      if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allLoopback(InetAddress[] addresses) {
    for (InetAddress address : addresses) {
      if (!address.isLoopbackAddress()) {
        return false;
      }
    }
    return true;
  }

  /** What kind of address that must not be fetched from {@code address} is, or null for a public one. */
  static String refusedKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "any-local";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      InetAddress embedded = embeddedIpv4(b);
      return embedded == null ? null : refusedKind(embedded);
    }
    return refusedIpv4(b);
  }

  private static String refusedIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0) {
      return "any-local";
    }
    if (first == 100 && (second & 0xc0) == 64) {
      return "shared";
    }
    if (first >= 240 || (first == 192 && second == 0 && b[2] == 0) || (first == 198 && (second & 0xfe) == 18)) {
      return "reserved";
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}), NAT64 or 6to4 IPv6 address, or null. */
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean compatible = zero(b, 0, 12);
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12);
    boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
    if (!compatible && !nat64 && !sixToFour) {
      return null;
    }
    int at = sixToFour ? 2 : 12;
    try {
      return Inet4Address.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Four bytes are an IPv4 address", e);
    }
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String article(String kind) {
    return (kind.startsWith("a") ? "an " : "a ") + kind;
  }
}
