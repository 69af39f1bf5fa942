package dev.neanelu.simulator.shop;

import dev.neanelu.simulator.catalog.Catalog;
import dev.neanelu.simulator.catalog.MetafieldDefinitions;
import dev.neanelu.simulator.catalog.MetafieldPermissions;
import dev.neanelu.simulator.cost.LeakyBucket;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated shop with the single app installed on it: catalog, cost bucket for that (app, shop)
 * pair, webhook subscriptions, metafield definitions, fault settings and counters. Shops are
 * addressed by their myshopify domain; the short name ({@code acme} for {@code acme.myshopify.com})
 * is accepted wherever a shop is named.
 */
public final class Shop {

  private final long id;
  private final String domain;
  private final AppCredentials app;
  private final Catalog catalog = new Catalog();
  private final LeakyBucket bucket;
  private final ShopStats stats = new ShopStats();
  private final Faults faults = new Faults();
  private final List<WebhookSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final MetafieldDefinitions metafieldDefinitions = new MetafieldDefinitions();
  private volatile Plan plan;
  private volatile boolean installed = true;
  private volatile String complianceUri;
  private volatile double exportObjectsPerSecond;

  public Shop(long id, String domain, Plan plan, AppCredentials app, Clock clock) {
    this.id = id;
    this.domain = domain;
    this.plan = plan;
    this.app = app;
    this.bucket = new LeakyBucket(clock, plan.bucketSize(), plan.restoreRate());
  }

  /** {@code acme} and {@code acme.myshopify.com} both name the shop {@code acme.myshopify.com}. */
  public static String domainOf(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.contains(".") ? n : n + ".myshopify.com";
  }

  public long id() {
    return id;
  }

  public String domain() {
    return domain;
  }

  public String name() {
    int dot = domain.indexOf('.');
    return dot < 0 ? domain : domain.substring(0, dot);
  }

  public AppCredentials app() {
    return app;
  }

  public Catalog catalog() {
    return catalog;
  }

  public LeakyBucket bucket() {
    return bucket;
  }

  public ShopStats stats() {
    return stats;
  }

  public Faults faults() {
    return faults;
  }

  public List<WebhookSubscription> subscriptions() {
    return subscriptions;
  }

  public MetafieldDefinitions metafieldDefinitions() {
    return metafieldDefinitions;
  }

  /** What the installed app may read and write in app-reserved metafield namespaces. */
  public MetafieldPermissions metafieldPermissions() {
    return new MetafieldPermissions(app.clientId(), metafieldDefinitions);
  }

  public Plan plan() {
    return plan;
  }

  /** Switches plan and resets the bucket to the plan's preset size and rate. */
  public void plan(Plan newPlan) {
    plan = newPlan;
    bucket.reconfigure(newPlan.bucketSize(), newPlan.restoreRate());
  }

  public boolean installed() {
    return installed;
  }

  public void installed(boolean value) {
    installed = value;
  }

  public String complianceUri() {
    return complianceUri;
  }

  public void complianceUri(String uri) {
    complianceUri = uri;
  }

  /** Export pace of bulk queries in objects per second; 0 means as fast as the disk allows. */
  public double exportObjectsPerSecond() {
    return exportObjectsPerSecond;
  }

  public void exportObjectsPerSecond(double value) {
    exportObjectsPerSecond = value;
  }
}
