package dev.neanelu.batch.catalogingest;

import dev.neanelu.catalog.SyncRun;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Splits the run's files into the load step's partitions ({@link LoadRange}): each file whose server serves byte
 * ranges is cut into up to {@code load.partitions} ranges of at least {@code load.range.bytes} bytes, and that many
 * partitions run at once. A compressed download, or a server that ignores ranges, is read whole by one partition.
 *
 * <p>The plan depends only on the run's parts and their lengths, so a restart maps the same ranges again and each
 * partition resumes from its own checkpoint.
 */
@Named
@Dependent
public class LoadRanges implements PartitionMapper {

  private static final Logger LOG = Logger.getLogger(LoadRanges.class.getName());

  @Inject IngestRun ingest;
  @Inject ExportParts parts;
  @Inject SafeDownloads downloads;

  @Inject
  @BatchProperty(name = "load.partitions")
  String partitions;

  @Inject
  @BatchProperty(name = "load.range.bytes")
  String minRangeBytes;

  @Override
  public PartitionPlan mapPartitions() {
    int perFile = Math.max(1, Integer.parseInt(partitions.strip()));
    long minBytes = Math.max(1, Long.parseLong(minRangeBytes.strip()));
    List<Properties> ranges = new ArrayList<>();
    SyncRun run = ingest.run();
    for (ExportPart part : parts.list(run)) {
      if (part.readable()) {
        downloads.check(run, "The URL of part " + part.part(), part.url());
        split(part, perFile, minBytes).forEach(r -> ranges.add(r.properties()));
      }
    }
    if (ranges.isEmpty()) {
      ranges.add(LoadRange.NOTHING.properties());
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(ranges.size());
    plan.setThreads(Math.min(ranges.size(), perFile));
    plan.setPartitionProperties(ranges.toArray(Properties[]::new));
    return plan;
  }

  private static List<LoadRange> split(ExportPart part, int perFile, long minBytes) {
    long length = perFile == 1 ? -1 : JsonlSource.rangeableLength(URI.create(part.url()));
    List<LoadRange> ranges = LoadRange.split(part.part(), length, perFile, minBytes);
    LOG.fine(() -> "Part " + part.part() + " (" + length + " bytes) is read in " + ranges.size() + " ranges");
    return ranges;
  }
}
