package dev.neanelu.bench.pacing;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import dev.neanelu.simulator.shop.ShopStats;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.RedisClient;

/**
 * Coordinator: starts the simulator in this JVM with one shop per plan (standard 100/s, plus 1000/s), and for each
 * plan runs two {@link PacingWorker} JVMs × 8 threads against it for {@code seconds}. Utilisation is measured on the
 * simulator's own counters over the steady state (after the first {@value #WARM_UP_SECONDS} s, once the initial
 * full bucket has been spent): cost points spent / (restore rate × seconds). Also prints the raw whole-run figure.
 *
 * <p>Arguments: [seconds (default 60)] [redisUrl (default redis://127.0.0.1:6379)]
 */
public final class PacingBenchmark {

  private static final int WARM_UP_SECONDS = 25;
  private static final int THREADS = 8;
  private static final int JVMS = 2;

  private PacingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    String redisUrl = args.length > 1 ? args[1] : "redis://127.0.0.1:6379";
    try (ShopifySimulator simulator = ShopifySimulator.start(SimulatorOptions.defaults().port(0))) {
      System.out.printf(Locale.ROOT, "%-9s %8s %8s %9s %10s %12s %11s%n",
          "plan", "rate/s", "calls", "throttled", "thr.rate", "utilization", "raw(whole)");
      for (String plan : List.of("STANDARD", "PLUS")) {
        run(simulator, plan, seconds, redisUrl);
      }
    }
  }

  private static void run(ShopifySimulator simulator, String plan, int seconds, String redisUrl) throws Exception {
    String shop = "pacing-" + plan.toLowerCase(Locale.ROOT) + "-" + System.nanoTime() + ".myshopify.com";
    var info = simulator.control().createShop(ShopSpec.named(shop).plan(plan).generate(500, 11));
    double rate = plan.equals("PLUS") ? 1000 : 100;
    try (RedisClient redis = RedisClient.create(URI.create(redisUrl))) {
      redis.del("neanelu:cost-bucket:" + shop);
    }
    ShopStats stats = simulator.control().stats(shop);
    List<Process> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int jvm = 0; jvm < JVMS; jvm++) {
      workers.add(worker(simulator, shop, info.accessToken(), rate, seconds, redisUrl, jvm));
    }
    Thread.sleep(WARM_UP_SECONDS * 1000L);
    double costAtWarm = stats.costUsed.get();
    long warmNanos = System.nanoTime();
    long calls = 0;
    long throttled = 0;
    for (Process worker : workers) {
      String last = lastLine(worker);
      worker.waitFor();
      calls += field(last, "calls");
      throttled += field(last, "throttled");
    }
    long end = System.nanoTime();
    double steady = (stats.costUsed.get() - costAtWarm) / (rate * ((end - warmNanos) / 1e9));
    double raw = stats.costUsed.get() / (rate * ((end - start) / 1e9));
    System.out.printf(Locale.ROOT, "%-9s %8.0f %8d %9d %9.3f%% %11.1f%% %10.1f%%%n",
        plan.toLowerCase(Locale.ROOT), rate, calls, throttled, 100.0 * throttled / Math.max(1, calls + throttled),
        100 * steady, 100 * raw);
  }

  private static Process worker(
      ShopifySimulator simulator, String shop, String token, double rate, int seconds, String redisUrl, int seed)
      throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), PacingWorker.class.getName(),
            simulator.baseUrlTemplate(), shop, token, Double.toString(rate * 20), Double.toString(rate),
            Integer.toString(seconds), Integer.toString(THREADS), redisUrl, Integer.toString(seed))
        .redirectErrorStream(true)
        .start();
  }

  private static String lastLine(Process process) throws Exception {
    String last = "";
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        last = line;
      }
    }
    return last;
  }

  private static long field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return Long.parseLong(part.substring(name.length() + 1));
      }
    }
    throw new IllegalStateException("Worker did not report " + name + ": " + line);
  }
}
