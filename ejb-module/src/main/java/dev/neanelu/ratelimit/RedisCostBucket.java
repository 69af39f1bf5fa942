package dev.neanelu.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The bucket shared by every JVM through Redis: each operation is one call of {@code bucket.lua}, atomic on the
 * server, so concurrent reservations from many instances are serialised exactly as the in-JVM bucket does.
 */
public final class RedisCostBucket implements CostBucket {

  private static final String KEY_PREFIX = "neanelu:cost-bucket:";
  private static final String SCRIPT = load();

  private final UnifiedJedis redis;
  private volatile String sha;

  public RedisCostBucket(UnifiedJedis redis) {
    this.redis = redis;
    this.sha = redis.scriptLoad(SCRIPT);
  }

  @Override
  public Duration reserve(String shop, double cost, BucketLimits initial) {
    return Duration.ofMillis(wait(run(shop, initial, "reserve", cost)));
  }

  @Override
  public void settle(String shop, double refund, ThrottleStatus observed, BucketLimits initial) {
    List<String> args = args("settle", refund, initial);
    if (observed != null) {
      args.add(Double.toString(observed.currentlyAvailable()));
      args.add(Double.toString(observed.maximumAvailable()));
      args.add(Double.toString(observed.restoreRate()));
    }
    eval(shop, args);
  }

  @Override
  public double available(String shop, BucketLimits initial) {
    return Double.parseDouble(String.valueOf(run(shop, initial, "peek", 0).get(0)));
  }

  @Override
  public String location() {
    return "Redis";
  }

  private List<?> run(String shop, BucketLimits initial, String op, double points) {
    return (List<?>) eval(shop, args(op, points, initial));
  }

  /** After a Redis restart the script cache is empty: load the script again once. */
  private Object eval(String shop, List<String> args) {
    try {
      return redis.evalsha(sha, List.of(KEY_PREFIX + shop), args);
    } catch (JedisNoScriptException e) {
      sha = redis.scriptLoad(SCRIPT);
      return redis.evalsha(sha, List.of(KEY_PREFIX + shop), args);
    }
  }

  private static long wait(List<?> reply) {
    return ((Number) reply.get(1)).longValue();
  }

  private static List<String> args(String op, double points, BucketLimits initial) {
    List<String> args = new ArrayList<>();
    args.add(op);
    args.add(Double.toString(points));
    args.add(Double.toString(initial.maximumAvailable()));
    args.add(Double.toString(initial.restoreRate()));
    return args;
  }

  private static String load() {
    try (InputStream in = RedisCostBucket.class.getResourceAsStream("bucket.lua")) {
      if (in == null) {
        throw new IllegalStateException("bucket.lua missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
