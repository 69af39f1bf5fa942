package dev.neanelu.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The application's one Redis client (a pooled, thread-safe {@link RedisClient}), present only when
 * {@code REDIS_URL} is configured. Components that share state across JVMs ask for it and use their in-JVM
 * implementation when it is absent.
 */
@ApplicationScoped
public class RedisConnection {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  private final RedisClient client;

  @Inject
  public RedisConnection(@ConfigProperty(name = "REDIS_URL") Optional<String> url) {
    this.client = url.filter(u -> !u.isBlank()).map(u -> RedisClient.create(URI.create(u))).orElse(null);
  }

  /** For CDI proxies only. */
  protected RedisConnection() {
    this.client = null;
  }

  /** The shared client, or empty in single-node mode. */
  public Optional<UnifiedJedis> client() {
    return Optional.ofNullable(client);
  }

  void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (client == null) {
      LOG.warning(
          "REDIS_URL is not set: shared state (rate limits, locks, fairness) stays in this JVM;"
              + " correct for a single node only");
    } else {
      LOG.info("Shared state in Redis (REDIS_URL)");
    }
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }
}
