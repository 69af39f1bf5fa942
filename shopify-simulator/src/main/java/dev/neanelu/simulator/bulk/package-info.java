/**
 * Bulk operations: query exports streamed to JSONL files on disk, bulk mutations over staged
 * uploads, the per- shop concurrency limit and result files. Not the HTTP serving of those files
 * (see the http package).
 */
package dev.neanelu.simulator.bulk;
