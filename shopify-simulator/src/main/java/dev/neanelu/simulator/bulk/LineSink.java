package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.shop.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receives export lines in object order and writes them to the result file. With {@code groupObjects} a child
 * follows its parent directly. Without it, children are held back and written after later root objects (depth 1
 * two roots later, depth 2 four roots later): children still come after their parents, never adjacent to them, and
 * the file is the same on every run. Fault settings can drop or truncate lines here without touching the counts.
 */
final class LineSink {

  /** How many root objects a child line of depth 1 is held back when not grouping. */
  private static final int HOLD_BACK_PER_DEPTH = 2;

  private final OutputStream out;
  private final boolean grouped;
  private final int dropEveryNth;
  private final long truncateAfter;
  private final TreeMap<Long, List<byte[]>> held = new TreeMap<>();
  private long rootIndex = -1;
  private long produced;
  private long written;

  LineSink(OutputStream out, boolean grouped, Faults faults) {
    this.out = out;
    this.grouped = grouped;
    this.dropEveryNth = faults.exportDropEveryNthLine();
    this.truncateAfter = faults.exportTruncateAfterLines();
  }

  void line(int depth, byte[] json) throws IOException {
    if (depth == 0) {
      rootIndex++;
      write(json);
      release(rootIndex);
    } else if (grouped) {
      write(json);
    } else {
      held.computeIfAbsent(rootIndex + (long) HOLD_BACK_PER_DEPTH * depth, k -> new ArrayList<>()).add(json);
    }
  }

  /** Writes everything still held back, in release order. */
  void finish() throws IOException {
    release(Long.MAX_VALUE);
    out.flush();
  }

  private void release(long upTo) throws IOException {
    while (!held.isEmpty() && held.firstKey() <= upTo) {
      Map.Entry<Long, List<byte[]>> e = held.pollFirstEntry();
      for (byte[] line : e.getValue()) {
        write(line);
      }
    }
  }

  private void write(byte[] json) throws IOException {
    produced++;
    if (dropEveryNth > 0 && produced % dropEveryNth == 0) {
      return;
    }
    if (truncateAfter >= 0 && written >= truncateAfter) {
      return;
    }
    out.write(json);
    out.write('\n');
    written++;
  }
}
