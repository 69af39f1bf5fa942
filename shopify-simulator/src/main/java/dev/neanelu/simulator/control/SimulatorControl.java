package dev.neanelu.simulator.control;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.SimulatorContext;
import dev.neanelu.simulator.bulk.BulkOperation;
import dev.neanelu.simulator.catalog.CatalogGenerator;
import dev.neanelu.simulator.catalog.CatalogJsonl;
import dev.neanelu.simulator.catalog.CatalogSnapshot;
import dev.neanelu.simulator.catalog.Gid;
import dev.neanelu.simulator.catalog.MetafieldDefinition;
import dev.neanelu.simulator.catalog.Product;
import dev.neanelu.simulator.catalog.ProductDraft;
import dev.neanelu.simulator.graphql.AdminSchema;
import dev.neanelu.simulator.oauth.Lifetimes;
import dev.neanelu.simulator.shop.AppCredentials;
import dev.neanelu.simulator.shop.Faults;
import dev.neanelu.simulator.shop.Plan;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.shop.ShopStats;
import dev.neanelu.simulator.shop.WebhookSubscription;
import dev.neanelu.simulator.webhook.Delivery;
import dev.neanelu.simulator.webhook.RestPayloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's control functions, typed, for tests that run it in-process. The {@code /_sim/}
 * HTTP API maps onto exactly these methods, so both ways of driving the simulator behave the same.
 */
public final class SimulatorControl {

  private final SimulatorContext context;

  public SimulatorControl(SimulatorContext context) {
    this.context = context;
  }

  /** Creates (or re-creates, empty) a shop with its app installed and a ready offline token. */
  public ShopInfo createShop(ShopSpec spec) {
    Plan plan = Plan.of(spec.plan());
    Shop shop =
        context
            .shops()
            .create(
                spec.name(),
                plan,
                new AppCredentials(spec.clientId(), spec.clientSecret(), spec.scopes()));
    if (spec.bucketSize() != null && spec.restoreRate() != null) {
      shop.bucket().reconfigure(spec.bucketSize(), spec.restoreRate());
    }
    shop.exportObjectsPerSecond(context.options().exportObjectsPerSecond());
    shop.complianceUri(spec.complianceUri());
    context.oauth().registerOfflineToken(shop, spec.accessToken());
    if (spec.generateProducts() > 0) {
      CatalogGenerator.generate(shop.catalog(), spec.generateProducts(), spec.seed());
    }
    if (spec.catalogFile() != null) {
      try (InputStream in = java.nio.file.Files.newInputStream(spec.catalogFile())) {
        CatalogJsonl.load(shop.catalog(), in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load " + spec.catalogFile(), e);
      }
    }
    return info(shop, spec.accessToken());
  }

  public ShopInfo info(String shop) {
    return info(shop(shop), null);
  }

  private ShopInfo info(Shop shop, String token) {
    String base = context.baseUrl() + "/shops/" + shop.domain();
    return new ShopInfo(
        shop.domain(),
        shop.plan().name(),
        shop.app().clientId(),
        shop.app().clientSecret(),
        token,
        shop.app().scopes(),
        base,
        base + "/admin/api/" + AdminSchema.VERSION + "/graphql.json");
  }

  /** The shop itself, for assertions on its state. */
  public Shop shop(String name) {
    return context.shops().require(name);
  }

  public List<String> shops() {
    return context.shops().all().stream().map(Shop::domain).sorted().toList();
  }

  public boolean deleteShop(String name) {
    return context.shops().remove(name).isPresent();
  }

  /**
   * Changes shop settings: {@code plan} (resets the bucket to the preset), {@code bucketSize} with
   * {@code restoreRate}, {@code exportObjectsPerSecond}, {@code complianceUri}.
   */
  public void configure(String name, Map<String, Object> settings) {
    Shop shop = shop(name);
    if (settings.get("plan") != null) {
      shop.plan(Plan.of((String) settings.get("plan")));
    }
    if (settings.get("bucketSize") instanceof Number size
        && settings.get("restoreRate") instanceof Number rate) {
      shop.bucket().reconfigure(size.doubleValue(), rate.doubleValue());
    }
    if (settings.get("exportObjectsPerSecond") instanceof Number speed) {
      shop.exportObjectsPerSecond(speed.doubleValue());
    }
    if (settings.containsKey("complianceUri")) {
      shop.complianceUri((String) settings.get("complianceUri"));
    }
  }

  public int generateCatalog(String name, int products, long seed) {
    Shop shop = shop(name);
    CatalogGenerator.generate(shop.catalog(), products, seed);
    return shop.catalog().size();
  }

  /**
   * Loads bulk-format JSONL; {@code replace} empties the catalog first. Returns products loaded.
   */
  public int loadCatalog(String name, InputStream jsonl, boolean replace) {
    Shop shop = shop(name);
    if (replace) {
      shop.catalog().clear();
    }
    try {
      return CatalogJsonl.load(shop.catalog(), jsonl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void clearCatalog(String name) {
    shop(name).catalog().clear();
  }

  /**
   * Adds a metafield definition as the merchant or another installed app would have made it: any
   * namespace, no ownership check, so another app's reserved namespace ({@code app--{id}--…}) can
   * be set up. {@code adminAccess} null means the namespace's default.
   *
   * @throws IllegalArgumentException when (owner type, namespace, key) is already defined
   */
  public MetafieldDefinition addMetafieldDefinition(
      String name,
      String ownerType,
      String namespace,
      String key,
      String type,
      String adminAccess) {
    MetafieldDefinition spec =
        new MetafieldDefinition(
            0,
            ownerType,
            namespace,
            key,
            key,
            null,
            type,
            adminAccess != null ? adminAccess : MetafieldDefinition.defaultAdminAccess(namespace),
            false,
            context.clock().instant().getEpochSecond());
    return shop(name)
        .metafieldDefinitions()
        .add(spec)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    ownerType + " " + namespace + "." + key + " is already defined"));
  }

  public List<MetafieldDefinition> metafieldDefinitions(String name) {
    return shop(name).metafieldDefinitions().all();
  }

  public List<Product> products(String name) {
    return new ArrayList<>(shop(name).catalog().all());
  }

  public Optional<Product> product(String name, String idOrGid) {
    return shop(name).catalog().get(numericId(idOrGid));
  }

  public void writeSnapshot(String name, OutputStream out) throws IOException {
    Shop shop = shop(name);
    CatalogSnapshot.write(shop.domain(), shop.catalog(), out);
  }

  public String snapshotJson(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeSnapshot(name, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Changes a product as a merchant would in the admin (title, vendor, productType, status, tags,
   * descriptionHtml, handle), stamps updatedAt and fires products/update.
   */
  public Product updateProduct(String name, String idOrGid, Map<String, Object> changes) {
    Shop shop = shop(name);
    Product current =
        shop.catalog()
            .get(numericId(idOrGid))
            .orElseThrow(() -> new IllegalArgumentException("no product " + idOrGid));
    ProductDraft d = new ProductDraft(current);
    apply(d, changes);
    d.updatedAt = Math.max(context.clock().instant().getEpochSecond(), current.updatedAt() + 1);
    Product updated = d.build();
    shop.catalog().put(updated);
    context.webhooks().fire(shop, "PRODUCTS_UPDATE", RestPayloads.product(updated));
    return updated;
  }

  @SuppressWarnings("unchecked")
  private static void apply(ProductDraft d, Map<String, Object> changes) {
    changes.forEach(
        (k, v) -> {
          switch (k) {
            case "title" -> d.title = (String) v;
            case "handle" -> d.handle = (String) v;
            case "vendor" -> d.vendor = (String) v;
            case "productType" -> d.productType = (String) v;
            case "status" -> d.status = (String) v;
            case "descriptionHtml" -> d.descriptionHtml = (String) v;
            case "tags" -> d.tags = new ArrayList<>((List<String>) v);
            default -> throw new IllegalArgumentException("cannot change product field " + k);
          }
        });
  }

  /** Deletes a product and fires products/delete. */
  public boolean deleteProduct(String name, String idOrGid) {
    Shop shop = shop(name);
    Optional<Product> removed = shop.catalog().remove(numericId(idOrGid));
    removed.ifPresent(
        p -> context.webhooks().fire(shop, "PRODUCTS_DELETE", RestPayloads.productDeleted(p.id())));
    return removed.isPresent();
  }

  /** Uninstalls the app: every token is revoked at once, then app/uninstalled fires. */
  public void uninstall(String name) {
    Shop shop = shop(name);
    context.oauth().revokeAll(shop);
    shop.installed(false);
    context.webhooks().fire(shop, "APP_UNINSTALLED", RestPayloads.shop(shop));
  }

  /**
   * Sends a mandatory compliance webhook ({@code customers/data_request}, {@code customers/redact},
   * {@code shop/redact}) to {@code uri}, or else to the shop's compliance URI, or else to its
   * subscriptions.
   */
  public int sendCompliance(String name, String topic, String uri, Map<String, Object> overrides) {
    Shop shop = shop(name);
    Map<String, Object> payload = RestPayloads.compliance(shop, topic);
    if (overrides != null) {
      payload.putAll(overrides);
    }
    String target = uri != null ? uri : shop.complianceUri();
    if (target != null) {
      context.webhooks().send(shop, topic, target, payload);
      return 1;
    }
    int before = context.webhooks().deliveries(shop).size();
    context.webhooks().fire(shop, WebhookSubscription.enumTopic(topic), payload);
    return context.webhooks().deliveries(shop).size() - before;
  }

  /** Subscribes a topic ({@code PRODUCTS_UPDATE} or {@code products/update}) to an address. */
  public WebhookSubscription subscribe(
      String name, String topic, String uri, String subscriptionName) {
    Shop shop = shop(name);
    String enumTopic = topic.contains("/") ? WebhookSubscription.enumTopic(topic) : topic;
    WebhookSubscription sub =
        new WebhookSubscription(
            shop.subscriptions().size() + 1_000_000L,
            enumTopic,
            uri,
            "JSON",
            List.of(),
            subscriptionName,
            context.clock().instant().getEpochSecond());
    shop.subscriptions().add(sub);
    return sub;
  }

  public List<WebhookSubscription> subscriptions(String name) {
    return List.copyOf(shop(name).subscriptions());
  }

  public List<Delivery> deliveries(String name) {
    return context.webhooks().deliveries(shop(name));
  }

  /**
   * Releases deliveries held by the {@code webhookHold} fault, newest first when {@code reverse}.
   */
  public int releaseWebhooks(String name, boolean reverse) {
    return context.webhooks().release(shop(name), reverse);
  }

  public Faults faults(String name) {
    return shop(name).faults();
  }

  public void setFaults(String name, Map<String, Object> faults) {
    shop(name).faults().apply(faults);
  }

  /** Resets every fault of the shop to "none". */
  public void clearFaults(String name) {
    shop(name)
        .faults()
        .apply(
            Map.of(
                "serverErrorRate",
                0,
                "serverErrorsNext",
                0,
                "throttleNext",
                0,
                "slowResponseMillis",
                0,
                "downloadResetAfterBytes",
                -1,
                "downloadResets",
                0,
                "bulkFailAtObjectCount",
                -1,
                "exportDropEveryNthLine",
                0,
                "exportTruncateAfterLines",
                -1,
                "webhookDuplicates",
                0));
    shop(name).faults().apply(Map.of("webhookHold", false));
  }

  public ShopStats stats(String name) {
    return shop(name).stats();
  }

  /**
   * An App Bridge session token for the shop's app; {@code ttl} null means the configured lifetime.
   */
  public String mintSessionToken(String name, String userId, String sessionId, Duration ttl) {
    return context
        .sessionTokens()
        .mint(shop(name), userId, sessionId, ttl != null ? ttl : context.lifetimes().sessionToken);
  }

  public Instant advanceClock(Duration by) {
    context.clock().advance(by);
    return context.clock().instant();
  }

  public Instant now() {
    return context.clock().instant();
  }

  public Lifetimes lifetimes() {
    return context.lifetimes();
  }

  public List<BulkOperation> bulkOperations(String name) {
    return context.bulk().list(shop(name), null);
  }

  /** Waits until a bulk operation finishes (or the timeout passes) and returns it. */
  public BulkOperation awaitBulkOperation(String name, String gid, Duration timeout) {
    BulkOperation op =
        context
            .bulk()
            .find(shop(name), Gid.id(gid))
            .orElseThrow(() -> new IllegalArgumentException("no bulk operation " + gid));
    try {
      return op.done().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return op;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return op;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static long numericId(String idOrGid) {
    return idOrGid.startsWith("gid://") ? Gid.id(idOrGid) : Long.parseLong(idOrGid);
  }
}
