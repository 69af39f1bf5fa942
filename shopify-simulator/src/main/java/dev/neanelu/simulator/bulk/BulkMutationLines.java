package dev.neanelu.simulator.bulk;

import dev.neanelu.simulator.graphql.AdminApi;
import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a bulk mutation over the lines of its staged upload and writes one result line per input
 * line: the GraphQL response plus {@code __lineNumber} (0-based). Shopify does not process lines in
 * file order, so neither does the simulator: each block of lines runs back to front,
 * deterministically.
 */
final class BulkMutationLines {

  /** Lines per reordered block. */
  private static final int BLOCK = 16;

  private final AdminApi api;
  private final Shop shop;
  private final BulkOperation op;
  private final String mutation;

  BulkMutationLines(AdminApi api, Shop shop, BulkOperation op, String mutation) {
    this.api = api;
    this.shop = shop;
    this.op = op;
    this.mutation = mutation;
  }

  void run(BufferedReader lines, OutputStream out) throws IOException {
    List<String> block = new ArrayList<>(BLOCK);
    long first = 0;
    String line;
    while ((line = lines.readLine()) != null && !op.cancelRequested()) {
      block.add(line);
      if (block.size() == BLOCK) {
        runBlock(block, first, out);
        first += block.size();
        block.clear();
      }
    }
    if (!op.cancelRequested()) {
      runBlock(block, first, out);
    }
    out.flush();
  }

  private void runBlock(List<String> block, long first, OutputStream out) throws IOException {
    for (int i = block.size() - 1; i >= 0; i--) {
      Map<String, Object> result = new LinkedHashMap<>(runLine(block.get(i)));
      result.put("__lineNumber", first + i);
      out.write(Json.bytes(result));
      out.write('\n');
      op.objectCount.incrementAndGet();
      op.rootObjectCount.incrementAndGet();
    }
  }

  private Map<String, Object> runLine(String line) {
    Map<String, Object> variables;
    try {
      variables = Json.readMap(line);
    } catch (IllegalArgumentException e) {
      return Map.of(
          "errors", List.of(Map.of("message", "Invalid JSON in line: " + e.getMessage())));
    }
    return api.callUnmetered(shop, mutation, variables);
  }
}
