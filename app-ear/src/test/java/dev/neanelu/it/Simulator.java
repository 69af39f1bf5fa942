package dev.neanelu.it;

import dev.neanelu.simulator.ShopSpec;
import dev.neanelu.simulator.ShopifySimulator;
import dev.neanelu.simulator.SimulatorOptions;
import java.util.UUID;

/**
 * The Shopify simulator for the integration tests: started once in the test JVM on {@code it.simulator.port},
 * where the Liberty servers' {@code SHOPIFY_BASE_URL_TEMPLATE} points, and stopped with the JVM.
 */
final class Simulator {

  private static final int PORT = Integer.getInteger("it.simulator.port", 28089);
  private static ShopifySimulator instance;

  private Simulator() {}

  static synchronized ShopifySimulator get() {
    if (instance == null) {
      instance = ShopifySimulator.start(SimulatorOptions.defaults().port(PORT));
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "simulator-stop"));
    }
    return instance;
  }

  /**
   * A new shop on the simulator, registered with the application through the ops API with the same token.
   *
   * @return the shop's domain
   */
  static String shopRegisteredWithApp(String prefix, String plan) {
    String shop = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    String token = "shpat_" + UUID.randomUUID().toString().replace("-", "");
    get().control().createShop(ShopSpec.named(shop).plan(plan).accessToken(token));
    int status =
        Http.postJsonAsAdmin(
                "/api/ops/shops",
                "{\"shop\":\"" + shop + "\",\"accessToken\":\"" + token + "\",\"plan\":\"" + plan + "\"}")
            .statusCode();
    if (status != 201) {
      throw new IllegalStateException("Registering " + shop + " with the application answered " + status);
    }
    return shop;
  }
}
