package dev.neanelu.health;

import dev.neanelu.cluster.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/** Ready when Redis answers PING, or when no Redis is configured (single-node mode). */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

  private static final String NAME = "redis";

  @Inject RedisConnection redis;

  @Override
  public HealthCheckResponse call() {
    return redis.client().map(this::ping).orElseGet(this::singleNode);
  }

  private HealthCheckResponse ping(UnifiedJedis client) {
    try {
      return HealthCheckResponse.named(NAME).status("PONG".equals(client.ping())).build();
    } catch (JedisException e) {
      return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
    }
  }

  private HealthCheckResponse singleNode() {
    return HealthCheckResponse.named(NAME).up().withData("mode", "in-JVM (REDIS_URL not set)").build();
  }
}
