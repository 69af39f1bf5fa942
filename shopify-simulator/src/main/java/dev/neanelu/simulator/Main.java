package dev.neanelu.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: {@code java -jar shopify-simulator.jar --port 8089 --generate
 * acme=100000}. Prints one "ready" line on standard output once every shop exists and the server
 * accepts requests, then runs until killed.
 */
public final class Main {

  private static final String USAGE =
      """
      Usage: java -jar shopify-simulator.jar [options]
        --port N                   port to listen on (default 8089; 0 = ephemeral)
        --host H                   address to bind (default 127.0.0.1)
        --shop NAME[:PLAN]         create a shop (plan STANDARD|ADVANCED|PLUS|ENTERPRISE); repeatable
        --generate NAME=N          create shop NAME with N generated products; repeatable
        --load NAME=FILE           create shop NAME with the catalog of a bulk-format JSONL file; repeatable
        --seed S                   generator seed for --generate (default 1)
        --plan PLAN                plan for shops created by --generate (default STANDARD)
        --client-id ID             client id of the app on every shop created here
        --client-secret SECRET     its client secret (>= 32 characters; signs session tokens)
        --access-token TOKEN       ready offline token on every shop created here
        --export-speed N           bulk export pace in objects/s (default 0 = unthrottled)
        --access-token-ttl S       lifetime of expiring access tokens in seconds (default 3600)
        --refresh-token-ttl S      lifetime of refresh tokens in seconds (default 7776000)
        --webhook-retry-base-ms N  first webhook retry delay, doubled per retry (default 60000)
        --upload-max-bytes N       staged upload cap (default 104857600)
        --storage DIR              directory for export files and uploads (default: temp dir)
      """;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    long started = System.nanoTime();
    SimulatorOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err().println(e.getMessage());
      err().print(USAGE);
      System.exit(2);
      return;
    }
    ShopifySimulator sim = ShopifySimulator.start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    long millis = (System.nanoTime() - started) / 1_000_000;
    StringBuilder shops = new StringBuilder();
    for (String shop : sim.control().shops()) {
      shops.append(' ').append(shop).append('=').append(sim.control().shop(shop).catalog().size());
    }
    out()
        .println(
            "shopify-simulator ready on "
                + sim.baseUrl()
                + " in "
                + millis
                + " ms; SHOPIFY_BASE_URL_TEMPLATE="
                + sim.baseUrlTemplate()
                + "; shops:"
                + shops);
    out().flush();
    new CountDownLatch(1).await();
  }

  /** Standard output is this command's interface: the ready line is what scripts wait for. */
  private static PrintStream out() {
    return System.out;
  }

  private static PrintStream err() {
    return System.err;
  }

  static SimulatorOptions parse(String[] args) {
    SimulatorOptions o = SimulatorOptions.defaults().port(8089);
    List<String[]> generate = new ArrayList<>();
    List<String> shops = new ArrayList<>();
    List<String[]> loads = new ArrayList<>();
    long seed = 1;
    String plan = "STANDARD";
    String clientId = null;
    String clientSecret = null;
    String token = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        throw new IllegalArgumentException("shopify-simulator");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--port" -> o.port(Integer.parseInt(v));
        case "--host" -> o.host(v);
        case "--shop" -> shops.add(v);
        case "--generate" -> {
          String[] kv = v.split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException("--generate wants NAME=N, got " + v);
          }
          generate.add(kv);
        }
        case "--load" -> {
          String[] kv = v.split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException("--load wants NAME=FILE, got " + v);
          }
          loads.add(kv);
        }
        case "--seed" -> seed = Long.parseLong(v);
        case "--plan" -> plan = v;
        case "--client-id" -> clientId = v;
        case "--client-secret" -> clientSecret = v;
        case "--access-token" -> token = v;
        case "--export-speed" -> o.exportObjectsPerSecond(Double.parseDouble(v));
        case "--access-token-ttl" -> o.accessTokenTtl(Duration.ofSeconds(Long.parseLong(v)));
        case "--refresh-token-ttl" -> o.refreshTokenTtl(Duration.ofSeconds(Long.parseLong(v)));
        case "--webhook-retry-base-ms" -> o.webhookRetryBase(Duration.ofMillis(Long.parseLong(v)));
        case "--upload-max-bytes" -> o.stagedUploadMaxBytes(Long.parseLong(v));
        case "--storage" -> o.storageDir(Path.of(v));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    for (String s : shops) {
      String[] parts = s.split(":", 2);
      o.shop(spec(parts[0], parts.length > 1 ? parts[1] : plan, clientId, clientSecret, token));
    }
    for (String[] g : generate) {
      o.shop(
          spec(g[0], plan, clientId, clientSecret, token).generate(Integer.parseInt(g[1]), seed));
    }
    for (String[] l : loads) {
      o.shop(spec(l[0], plan, clientId, clientSecret, token).load(Path.of(l[1])));
    }
    return o;
  }

  private static ShopSpec spec(String name, String plan, String id, String secret, String token) {
    ShopSpec spec = ShopSpec.named(name).plan(plan);
    if (id != null || secret != null) {
      spec.credentials(id, secret);
    }
    if (token != null) {
      spec.accessToken(token);
    }
    return spec;
  }
}
