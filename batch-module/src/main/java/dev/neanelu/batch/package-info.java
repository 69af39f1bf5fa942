/**
 * Jakarta Batch jobs, one sub-package and one {@code META-INF/batch-jobs/<Name>Job.xml} per job. The jar sits in
 * the EAR's {@code lib/} so that the batch runtime finds the job XML and the {@code @Named} artifacts from any
 * module. Tenant-scoped work goes through {@link dev.neanelu.tenant.TenantContext}.
 */
package dev.neanelu.batch;
