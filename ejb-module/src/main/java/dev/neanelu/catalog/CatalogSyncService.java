package dev.neanelu.catalog;

import dev.neanelu.tenant.ShopDomain;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/**
 * Starts catalog ingests: the {@code CatalogIngestJob} batch job (batch-module), through Liberty's job operator, so
 * runs show in the batch REST API like any other job.
 */
@ApplicationScoped
public class CatalogSyncService {

  public static final String JOB = "CatalogIngestJob";

  /** The ids of a started job. */
  public record Started(long jobInstanceId, long jobExecutionId) {}

  /**
   * @param mode {@code full} or {@code incremental}
   * @param jsonlUrl an already exported bulk JSONL to ingest instead of exporting, or null
   */
  public Started start(ShopDomain shop, String mode, String jsonlUrl) {
    Properties parameters = new Properties();
    parameters.setProperty("shop", shop.value());
    parameters.setProperty("mode", mode);
    if (jsonlUrl != null && !jsonlUrl.isBlank()) {
      parameters.setProperty("jsonlUrl", jsonlUrl);
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    long execution = operator.start(JOB, parameters);
    return new Started(operator.getJobInstance(execution).getInstanceId(), execution);
  }
}
