package dev.neanelu.simulator;

import dev.neanelu.simulator.bulk.BulkOperations;
import dev.neanelu.simulator.graphql.AdminApi;
import dev.neanelu.simulator.graphql.AdminSchema;
import dev.neanelu.simulator.oauth.Lifetimes;
import dev.neanelu.simulator.oauth.OAuthService;
import dev.neanelu.simulator.session.SessionTokens;
import dev.neanelu.simulator.shop.ShopRegistry;
import dev.neanelu.simulator.upload.StagedUploads;
import dev.neanelu.simulator.webhook.WebhookDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The services of one running simulator, wired together. Everything that needs another service
 * reaches it through here, which keeps construction order in one place.
 */
public final class SimulatorContext implements AutoCloseable {

  private final SimulatorOptions options;
  private final SimulatorClock clock;
  private final Path storage;
  private final boolean ownsStorage;
  private final ShopRegistry shops;
  private final Lifetimes lifetimes;
  private final SessionTokens sessionTokens;
  private final OAuthService oauth;
  private final WebhookDispatcher webhooks;
  private final StagedUploads uploads;
  private final AdminApi api;
  private final BulkOperations bulk;
  private volatile String baseUrl = "http://127.0.0.1";

  public SimulatorContext(SimulatorOptions options) {
    this.options = options;
    this.clock = new SimulatorClock(options.clock());
    this.ownsStorage = options.storageDir() == null;
    this.storage = ownsStorage ? tempDir() : options.storageDir();
    this.shops = new ShopRegistry(clock);
    this.lifetimes =
        new Lifetimes(
            options.accessTokenTtl(),
            options.refreshTokenTtl(),
            options.onlineTokenTtl(),
            options.sessionTokenTtl());
    this.sessionTokens = new SessionTokens(clock);
    this.oauth = new OAuthService(clock, lifetimes, sessionTokens);
    this.webhooks =
        new WebhookDispatcher(
            clock,
            AdminSchema.VERSION,
            options.webhookRetryBase(),
            options.webhookTimeout(),
            options.webhookRetries());
    this.uploads =
        new StagedUploads(storage.resolve("uploads"), options.stagedUploadMaxBytes(), clock);
    this.api = new AdminApi(this);
    this.bulk = new BulkOperations(this, storage.resolve("bulk"));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("shopify-simulator");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SimulatorOptions options() {
    return options;
  }

  public SimulatorClock clock() {
    return clock;
  }

  public ShopRegistry shops() {
    return shops;
  }

  public Lifetimes lifetimes() {
    return lifetimes;
  }

  public SessionTokens sessionTokens() {
    return sessionTokens;
  }

  public OAuthService oauth() {
    return oauth;
  }

  public WebhookDispatcher webhooks() {
    return webhooks;
  }

  public StagedUploads uploads() {
    return uploads;
  }

  public AdminApi api() {
    return api;
  }

  public BulkOperations bulk() {
    return bulk;
  }

  /**
   * Where the simulator is reachable, e.g. {@code http://127.0.0.1:8089}; known once the server is
   * bound.
   */
  public String baseUrl() {
    return baseUrl;
  }

  void baseUrl(String value) {
    baseUrl = value;
  }

  @Override
  public void close() {
    bulk.close();
    webhooks.close();
    if (ownsStorage) {
      deleteRecursively(storage);
    }
  }

  private static void deleteRecursively(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp directory is harmless.
    }
  }
}
