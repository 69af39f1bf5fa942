package dev.neanelu.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a simulator: where to listen, its clock, token lifetimes, webhook retry pacing,
 * upload cap, export pace and the shops to create up front. Defaults follow Shopify; tests shorten
 * the durations.
 */
public final class SimulatorOptions {

  private String host = "127.0.0.1";
  private int port;
  private Clock clock = Clock.systemUTC();
  private Path storageDir;
  private Duration accessTokenTtl = Duration.ofHours(1);
  private Duration refreshTokenTtl = Duration.ofDays(90);
  private Duration onlineTokenTtl = Duration.ofHours(24);
  private Duration sessionTokenTtl = Duration.ofMinutes(1);
  private Duration webhookRetryBase = Duration.ofMinutes(1);
  private Duration webhookTimeout = Duration.ofSeconds(5);
  private int webhookRetries = 8;
  private long stagedUploadMaxBytes = 100L * 1024 * 1024;
  private double exportObjectsPerSecond;
  private final List<ShopSpec> shops = new ArrayList<>();

  public static SimulatorOptions defaults() {
    return new SimulatorOptions();
  }

  public SimulatorOptions host(String value) {
    host = value;
    return this;
  }

  /** Port to bind; 0 (the default) picks a free ephemeral port. */
  public SimulatorOptions port(int value) {
    port = value;
    return this;
  }

  /**
   * Base clock; the simulator wraps it in a {@link SimulatorClock} that the control API can
   * advance.
   */
  public SimulatorOptions clock(Clock value) {
    clock = value;
    return this;
  }

  /** Directory for export files and uploads; by default a temporary directory removed on close. */
  public SimulatorOptions storageDir(Path value) {
    storageDir = value;
    return this;
  }

  public SimulatorOptions accessTokenTtl(Duration value) {
    accessTokenTtl = value;
    return this;
  }

  public SimulatorOptions refreshTokenTtl(Duration value) {
    refreshTokenTtl = value;
    return this;
  }

  public SimulatorOptions onlineTokenTtl(Duration value) {
    onlineTokenTtl = value;
    return this;
  }

  public SimulatorOptions sessionTokenTtl(Duration value) {
    sessionTokenTtl = value;
    return this;
  }

  /**
   * First retry delay; each further retry doubles it (1 min gives Shopify's 8 retries over about 4
   * h).
   */
  public SimulatorOptions webhookRetryBase(Duration value) {
    webhookRetryBase = value;
    return this;
  }

  public SimulatorOptions webhookTimeout(Duration value) {
    webhookTimeout = value;
    return this;
  }

  public SimulatorOptions webhookRetries(int value) {
    webhookRetries = value;
    return this;
  }

  public SimulatorOptions stagedUploadMaxBytes(long value) {
    stagedUploadMaxBytes = value;
    return this;
  }

  /** Default export pace of bulk queries for new shops, objects per second; 0 means unthrottled. */
  public SimulatorOptions exportObjectsPerSecond(double value) {
    exportObjectsPerSecond = value;
    return this;
  }

  public SimulatorOptions shop(ShopSpec spec) {
    shops.add(spec);
    return this;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Clock clock() {
    return clock;
  }

  public Path storageDir() {
    return storageDir;
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  public Duration refreshTokenTtl() {
    return refreshTokenTtl;
  }

  public Duration onlineTokenTtl() {
    return onlineTokenTtl;
  }

  public Duration sessionTokenTtl() {
    return sessionTokenTtl;
  }

  public Duration webhookRetryBase() {
    return webhookRetryBase;
  }

  public Duration webhookTimeout() {
    return webhookTimeout;
  }

  public int webhookRetries() {
    return webhookRetries;
  }

  public long stagedUploadMaxBytes() {
    return stagedUploadMaxBytes;
  }

  public double exportObjectsPerSecond() {
    return exportObjectsPerSecond;
  }

  public List<ShopSpec> shops() {
    return List.copyOf(shops);
  }
}
