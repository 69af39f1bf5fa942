package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.shop.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receives export lines in object order and writes them to the result file. With {@code
 * groupObjects} a child follows its parent directly. Without it, children are held back and written
 * after later root objects (depth 1 two roots later, depth 2 four roots later): children still come
 * after their parents, never adjacent to them, and the file is the same on every run. Fault
 * settings can drop or truncate lines here without touching the counts.
 */
final class LineSink {

  /** How many root objects a child line of depth 1 is held back when not grouping. */
  private static final int HOLD_BACK_PER_DEPTH = 2;

  private final OutputStream out;
  private final boolean grouped;
  private final int dropEveryNth;
  private final long truncateAfter;
  private final TreeMap<Long, List<Line>> held = new TreeMap<>();
  private String lastWrittenId;
  private long rootIndex = -1;
  private long produced;
  private long written;

  LineSink(OutputStream out, boolean grouped, Faults faults) {
    this.out = out;
    this.grouped = grouped;
    this.dropEveryNth = faults.exportDropEveryNthLine();
    this.truncateAfter = faults.exportTruncateAfterLines();
  }

  /** One serialized line with the ids needed to keep children away from their parents. */
  private record Line(byte[] json, String id, String parentId) {}

  void line(int depth, byte[] json, String id, String parentId) throws IOException {
    Line line = new Line(json, id, parentId);
    if (depth == 0) {
      rootIndex++;
      write(line);
      release(rootIndex);
    } else if (grouped) {
      write(line);
    } else {
      held.computeIfAbsent(rootIndex + (long) HOLD_BACK_PER_DEPTH * depth, k -> new ArrayList<>())
          .add(line);
    }
  }

  /**
   * Writes everything still held back. Mid-file, later root lines always separate children from
   * parents; at the tail there may be none left, so a line that would land directly below its
   * parent waits for another one.
   */
  void finish() throws IOException {
    List<Line> rest = new ArrayList<>();
    held.values().forEach(rest::addAll);
    held.clear();
    java.util.Set<String> pending = new java.util.HashSet<>();
    rest.forEach(l -> pending.add(l.id()));
    while (!rest.isEmpty()) {
      Line next = pickTail(rest, pending);
      rest.remove(next);
      pending.remove(next.id());
      write(next);
    }
    out.flush();
  }

  /**
   * The first line whose parent is written and is not the line just written; else the first ready
   * one.
   */
  private Line pickTail(List<Line> rest, java.util.Set<String> pending) {
    Line ready = null;
    for (Line l : rest) {
      if (!pending.contains(l.parentId())) {
        if (!l.parentId().equals(lastWrittenId)) {
          return l;
        }
        if (ready == null) {
          ready = l;
        }
      }
    }
    return ready != null ? ready : rest.get(0);
  }

  private void release(long upTo) throws IOException {
    while (!held.isEmpty() && held.firstKey() <= upTo) {
      Map.Entry<Long, List<Line>> e = held.pollFirstEntry();
      for (Line line : e.getValue()) {
        write(line);
      }
    }
  }

  private void write(Line line) throws IOException {
    lastWrittenId = line.id();
    byte[] json = line.json();
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
