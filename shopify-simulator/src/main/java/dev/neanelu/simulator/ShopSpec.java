package dev.neanelu.simulator;

import java.util.Map;

/**
 * What a new shop looks like: its name, plan, the installed app's credentials and an optional
 * generated catalog. Unset credentials get deterministic defaults derived from the shop name, so
 * tests can predict them.
 */
public final class ShopSpec {

  private final String name;
  private String plan = "STANDARD";
  private String clientId;
  private String clientSecret;
  private String accessToken;
  private String scopes = "read_products,write_products";
  private int generateProducts;
  private long seed = 1;
  private Double bucketSize;
  private Double restoreRate;
  private String complianceUri;
  private java.nio.file.Path catalogFile;

  public ShopSpec(String name) {
    this.name = name;
  }

  public static ShopSpec named(String name) {
    return new ShopSpec(name);
  }

  /** Reads the control API's JSON body ({@code shop, plan, clientId, ...}). */
  public static ShopSpec fromMap(Map<String, Object> m) {
    ShopSpec s = new ShopSpec((String) m.get("shop"));
    if (m.get("plan") != null) {
      s.plan((String) m.get("plan"));
    }
    s.clientId = (String) m.get("clientId");
    s.clientSecret = (String) m.get("clientSecret");
    s.accessToken = (String) m.get("accessToken");
    if (m.get("scopes") != null) {
      s.scopes = (String) m.get("scopes");
    }
    if (m.get("generateProducts") instanceof Number n) {
      s.generateProducts = n.intValue();
    }
    if (m.get("seed") instanceof Number n) {
      s.seed = n.longValue();
    }
    if (m.get("bucketSize") instanceof Number n) {
      s.bucketSize = n.doubleValue();
    }
    if (m.get("restoreRate") instanceof Number n) {
      s.restoreRate = n.doubleValue();
    }
    s.complianceUri = (String) m.get("complianceUri");
    return s;
  }

  public ShopSpec plan(String value) {
    plan = value;
    return this;
  }

  public ShopSpec credentials(String id, String secret) {
    clientId = id;
    clientSecret = secret;
    return this;
  }

  /** A ready offline (non-expiring) access token, as if the app had been installed earlier. */
  public ShopSpec accessToken(String value) {
    accessToken = value;
    return this;
  }

  public ShopSpec scopes(String value) {
    scopes = value;
    return this;
  }

  public ShopSpec generate(int products, long generatorSeed) {
    generateProducts = products;
    seed = generatorSeed;
    return this;
  }

  /** Overrides the plan's bucket; both values are needed. */
  public ShopSpec bucket(double size, double rate) {
    bucketSize = size;
    restoreRate = rate;
    return this;
  }

  public ShopSpec complianceUri(String uri) {
    complianceUri = uri;
    return this;
  }

  /** A bulk-format JSONL file to load into the new shop's catalog. */
  public ShopSpec load(java.nio.file.Path jsonl) {
    catalogFile = jsonl;
    return this;
  }

  public java.nio.file.Path catalogFile() {
    return catalogFile;
  }

  public String name() {
    return name;
  }

  public String plan() {
    return plan;
  }

  public String clientId() {
    return clientId != null ? clientId : "sim-client-" + shortName();
  }

  /** Default secrets are 40 characters: session-token signing (HS256) needs at least 256 bits. */
  public String clientSecret() {
    return clientSecret != null ? clientSecret : "shpss_simulator_secret_for_" + pad(shortName());
  }

  public String accessToken() {
    return accessToken != null ? accessToken : "shpat_sim_" + shortName();
  }

  public String scopes() {
    return scopes;
  }

  public int generateProducts() {
    return generateProducts;
  }

  public long seed() {
    return seed;
  }

  public Double bucketSize() {
    return bucketSize;
  }

  public Double restoreRate() {
    return restoreRate;
  }

  public String complianceUri() {
    return complianceUri;
  }

  private String shortName() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String pad(String s) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < 16) {
      sb.append('0');
    }
    return sb.toString();
  }
}
