package dev.neanelu.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.neanelu.simulator.control.ShopInfo;
import dev.neanelu.simulator.control.SimulatorControl;
import dev.neanelu.simulator.graphql.AdminSchema;
import dev.neanelu.simulator.http.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running Shopify Admin API simulator: one HTTP server on loopback serving every simulated shop
 * under {@code /shops/{shop}}, plus the {@code /_sim/} control API. Start it in-process from tests
 * with {@link #start(SimulatorOptions)} or standalone through {@link Main}.
 *
 * <pre>{@code
 * try (ShopifySimulator sim = ShopifySimulator.start(SimulatorOptions.defaults())) {
 *   ShopInfo shop = sim.control().createShop(ShopSpec.named("acme").generate(100, 1));
 *   // SHOPIFY_BASE_URL_TEMPLATE = sim.baseUrlTemplate()
 * }
 * }</pre>
 */
public final class ShopifySimulator implements AutoCloseable {

  private final SimulatorContext context;
  private final SimulatorControl control;
  private final HttpServer server;
  private final ExecutorService executor;

  private ShopifySimulator(SimulatorContext context, HttpServer server, ExecutorService executor) {
    this.context = context;
    this.control = new SimulatorControl(context);
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds the server, loads the schema, creates the configured shops; returns when ready to serve.
   */
  public static ShopifySimulator start(SimulatorOptions options) {
    // The 3.4 MB schema loads on its own thread while the catalogs are generated.
    CompletableFuture<Void> schema =
        CompletableFuture.runAsync(
            AdminSchema::get,
            r -> {
              Thread t = new Thread(r, "sim-schema");
              t.setDaemon(true);
              t.start();
            });
    SimulatorContext context = new SimulatorContext(options);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "sim-http");
              t.setDaemon(true);
              return t;
            });
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 512);
    } catch (IOException e) {
      context.close();
      throw new UncheckedIOException("cannot bind " + options.host() + ":" + options.port(), e);
    }
    ShopifySimulator sim = new ShopifySimulator(context, server, executor);
    server.createContext("/", new Router(context, sim.control));
    server.setExecutor(executor);
    context.baseUrl("http://" + hostForUrl(options.host()) + ":" + server.getAddress().getPort());
    // Shops (and their generated catalogs) exist before the first request is accepted, so "answers"
    // means "ready".
    options.shops().forEach(sim.control::createShop);
    schema.join();
    server.start();
    return sim;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return context.baseUrl();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The value for the app's {@code SHOPIFY_BASE_URL_TEMPLATE}: {@code
   * http://127.0.0.1:PORT/shops/{shop}}.
   */
  public String baseUrlTemplate() {
    return baseUrl() + "/shops/{shop}";
  }

  /** The GraphQL endpoint of one shop. */
  public String graphqlUrl(String shop) {
    return control.info(shop).graphqlUrl();
  }

  public ShopInfo shop(String name) {
    return control.info(name);
  }

  public SimulatorControl control() {
    return control;
  }

  public SimulatorClock clock() {
    return context.clock();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    context.close();
  }
}
