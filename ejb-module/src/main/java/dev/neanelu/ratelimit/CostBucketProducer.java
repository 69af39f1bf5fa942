package dev.neanelu.ratelimit;

import dev.neanelu.cluster.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/** The application's cost bucket: shared through Redis when {@code REDIS_URL} is set, in this JVM otherwise. */
@ApplicationScoped
public class CostBucketProducer {

  private static final Logger LOG = Logger.getLogger(CostBucketProducer.class.getName());

  @Produces
  @Singleton
  CostBucket costBucket(RedisConnection redis) {
    CostBucket bucket = redis.client().<CostBucket>map(RedisCostBucket::new).orElseGet(LocalCostBucket::new);
    LOG.info(() -> "Shopify cost buckets are kept " + bucket.location());
    return bucket;
  }
}
