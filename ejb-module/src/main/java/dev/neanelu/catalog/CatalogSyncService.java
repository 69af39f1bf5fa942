package dev.neanelu.catalog;

import dev.neanelu.tenant.ShopDomain;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * Starts, follows and stops catalog ingests: the {@code CatalogIngestJob} batch job (batch-module), through
 * Liberty's job operator, so runs show in the batch REST API like any other job.
 *
 * <p>An EJB running as the {@code admin} role: the batch runtime authorises the caller, and work started by the
 * application itself (the first sync after an install, a dispatcher task) has no caller. server.xml binds the role's
 * run-as identity to {@code ADMIN_USER}.
 */
@Stateless
@DeclareRoles("admin")
@RunAs("admin")
public class CatalogSyncService {

  public static final String JOB = "CatalogIngestJob";

  private static final Set<BatchStatus> ENDED =
      EnumSet.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  /** The ids of a started job. */
  public record Started(long jobInstanceId, long jobExecutionId) {}

  /**
   * @param mode {@code full} or {@code incremental}
   * @param jsonlUrl an already exported bulk JSONL to ingest instead of exporting, or null
   */
  public Started start(ShopDomain shop, String mode, String jsonlUrl) {
    return start(shop, mode, jsonlUrl, null);
  }

  /** Same as {@link #start(ShopDomain, String, String)}, for the fair-dispatch work item {@code workItem}. */
  public Started start(ShopDomain shop, String mode, String jsonlUrl, Long workItem) {
    Properties parameters = new Properties();
    if (workItem != null) {
      parameters.setProperty("work.item", workItem.toString());
    }
    parameters.setProperty("shop", shop.value());
    parameters.setProperty("mode", mode);
    if (jsonlUrl != null && !jsonlUrl.isBlank()) {
      parameters.setProperty("jsonlUrl", jsonlUrl);
    }
    JobOperator operator = BatchRuntime.getJobOperator();
    long execution = operator.start(JOB, parameters);
    return new Started(operator.getJobInstance(execution).getInstanceId(), execution);
  }

  /**
   * Restarts the job instance of {@code jobExecutionId} (its most recent execution, FAILED or STOPPED) with the same
   * parameters, from its checkpoints; returns the new execution's id.
   */
  public long restart(long jobExecutionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    return operator.restart(jobExecutionId, operator.getParameters(jobExecutionId));
  }

  /** The id of the most recent execution of the job instance that {@code jobExecutionId} belongs to. */
  public long latestExecution(long jobExecutionId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    return operator.getJobExecutions(operator.getJobInstance(jobExecutionId)).stream()
        .mapToLong(JobExecution::getExecutionId)
        .max()
        .orElse(jobExecutionId);
  }

  /** The execution's status now; {@link #ended} tells whether it is final. */
  public BatchStatus status(long jobExecutionId) {
    return BatchRuntime.getJobOperator().getJobExecution(jobExecutionId).getBatchStatus();
  }

  public static boolean ended(BatchStatus status) {
    return ENDED.contains(status);
  }

  /** Stops every running catalog ingest of {@code shop}; returns how many were asked to stop. */
  public int stopRunning(ShopDomain shop) {
    JobOperator operator = BatchRuntime.getJobOperator();
    int stopped = 0;
    for (long execution : running(operator)) {
      JobExecution found = operator.getJobExecution(execution);
      if (shop.value().equals(found.getJobParameters().getProperty("shop"))) {
        operator.stop(execution);
        stopped++;
      }
    }
    return stopped;
  }

  private static java.util.List<Long> running(JobOperator operator) {
    try {
      return operator.getRunningExecutions(JOB);
    } catch (jakarta.batch.operations.NoSuchJobException e) {
      return java.util.List.of();
    }
  }
}
