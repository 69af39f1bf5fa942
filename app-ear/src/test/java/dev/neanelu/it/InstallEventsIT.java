package dev.neanelu.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.neanelu.install.Hmacs;
import dev.neanelu.install.InstallService;
import dev.neanelu.install.ShopInstalled;
import dev.neanelu.install.ShopUninstalled;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.token.AppCredentials;
import jakarta.enterprise.inject.spi.CDI;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The install events other features observe, in the container: an observer in the EJB module (where the catalog
 * ingest observes them) records what {@link InstallService} fires while a shop is installed through the real OAuth
 * exchange with the simulator, uninstalled twice, re-authorised and reinstalled:
 *
 * <ul>
 *   <li>first install → one {@code ShopInstalled(reinstall=false)};
 *   <li>uninstall, then the same uninstall again → one {@code ShopUninstalled} (the repeat is a no-op);
 *   <li>install after the uninstall → one {@code ShopInstalled(reinstall=true)} with the same tenant id;
 *   <li>re-authorising an installed shop → no event (no second first sync).
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class InstallEventsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive application() throws IOException {
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/neanelu.ear"));
    ear.getAsType(WebArchive.class, "web-module.war").addClass(InstallEventsIT.class);
    ear.getAsType(JavaArchive.class, "ejb-module.jar").addClass(InstallEventRecorder.class);
    String descriptor = new String(ear.get("META-INF/application.xml").getAsset().openStream().readAllBytes(), UTF_8);
    ear.setApplicationXML(
        new StringAsset(descriptor.replace("<context-root>/</context-root>", "<context-root>/web-module</context-root>")));
    return ear;
  }

  /** Runs in the test JVM (only test methods run in the container): the simulator lives there. */
  @BeforeAll
  static void simulatorRunning() {
    Simulator.get();
  }

  @Test
  void installUninstallAndReinstallAreEachAnnouncedOnce() throws Exception {
    InstallService installs = CDI.current().select(InstallService.class).get();
    AppCredentials app = CDI.current().select(AppCredentials.class).get();
    String secret = app.clientSecret();
    ShopDomain shop = new ShopDomain("events-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com");
    // The authorize URL names where this server reaches Shopify (SHOPIFY_BASE_URL_TEMPLATE): the simulator.
    URI authorize = installs.begin(signedInstallQuery(shop, secret)).authorizeUrl();
    createSimulatorShop(authorize.toString(), shop, app.clientId(), secret);
    InstallEventRecorder.EVENTS.clear();

    install(installs, shop, secret);
    assertEquals(1, InstallEventRecorder.EVENTS.size(), () -> "events: " + InstallEventRecorder.EVENTS);
    ShopInstalled first = (ShopInstalled) InstallEventRecorder.EVENTS.get(0);
    assertEquals(shop, first.domain());
    assertFalse(first.reinstall());

    Instant uninstalledAt = Instant.now();
    installs.uninstall(shop, uninstalledAt);
    installs.uninstall(shop, uninstalledAt);
    assertEquals(List.of(first, new ShopUninstalled(first.shop(), shop)), InstallEventRecorder.EVENTS);

    install(installs, shop, secret);
    assertEquals(3, InstallEventRecorder.EVENTS.size(), () -> "events: " + InstallEventRecorder.EVENTS);
    assertEquals(new ShopInstalled(first.shop(), shop, true), InstallEventRecorder.EVENTS.get(2));

    install(installs, shop, secret);
    assertEquals(3, InstallEventRecorder.EVENTS.size(), () -> "events: " + InstallEventRecorder.EVENTS);
  }

  /** begin → the simulator's authorize page (approves at once) → complete, with the state cookie carried over. */
  private static void install(InstallService installs, ShopDomain shop, String secret) throws Exception {
    InstallService.Authorization authorization = installs.begin(signedInstallQuery(shop, secret));
    HttpResponse<Void> authorize =
        HTTP.send(HttpRequest.newBuilder(authorization.authorizeUrl()).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(302, authorize.statusCode());
    URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
    installs.complete(parse(callback.getRawQuery()), authorization.stateCookie());
  }

  private static void createSimulatorShop(String shopUrl, ShopDomain shop, String key, String secret)
      throws Exception {
    String root = shopUrl.substring(0, shopUrl.indexOf("/shops/"));
    String body =
        "{\"shop\":\"" + shop + "\",\"clientId\":\"" + key + "\",\"clientSecret\":\"" + secret + "\"}";
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(root + "/_sim/shops"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created::body);
  }

  private static Map<String, List<String>> signedInstallQuery(ShopDomain shop, String secret) {
    Map<String, String> params = new TreeMap<>();
    params.put("shop", shop.value());
    params.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
    StringJoiner message = new StringJoiner("&");
    params.forEach((k, v) -> message.add(k + "=" + URLEncoder.encode(v, UTF_8).replace("+", "%20")));
    params.put("hmac", HexFormat.of().formatHex(Hmacs.sha256(secret, message.toString().getBytes(UTF_8))));
    Map<String, List<String>> query = new LinkedHashMap<>();
    params.forEach((k, v) -> query.put(k, List.of(v)));
    return query;
  }

  private static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      query.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return query;
  }
}
