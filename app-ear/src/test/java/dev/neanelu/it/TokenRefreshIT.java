package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neanelu.tenant.TenantId;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single-flight refresh across two JVMs (issue 7, acceptance 3). Two independent application servers share the
 * database and the simulator: the build's Liberty server and the Arquillian-managed one (the same EAR, deployed
 * here, its own connection pool of one). With the shop's access token 60 s from expiry (inside the 5 min refresh
 * margin), 16 embedded-admin requests (each one caller of the token service), 8 per server, are released at once:
 *
 * <ul>
 *   <li>exactly one refresh reaches the simulator;
 *   <li>every request answers 200 with the same new expiry, about an hour ahead;
 *   <li>the stored pair is the refreshed one and works (a GraphQL call succeeds, a further request on the second
 *       server refreshes nothing).
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenRefreshIT {

  private static final String SECOND_SERVER = System.getProperty("it.arquillian.url", "http://localhost:9081");
  private static final int CALLERS = 16;
  private static final List<String> SECRETS = new ArrayList<>(List.of(InstallFlow.API_SECRET));

  @Deployment(testable = false)
  static EnterpriseArchive application() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/neanelu.ear"));
  }

  @Test
  void sixteenCallersOnTwoServersCauseExactlyOneRefresh() throws Exception {
    String shop = InstallFlow.newShop("refresh");
    assertThat(InstallFlow.install(shop).callback().statusCode()).isEqualTo(302);
    TenantId id = TokenDatabase.shops(shop).get(0).id();
    String before = TokenDatabase.accessToken(id);
    SECRETS.add(before);
    SECRETS.add(TokenDatabase.refreshToken(id));
    TokenDatabase.expireSoon(id, 60);
    long refreshes = Simulator.get().control().stats(shop).tokenRefreshes.get();

    List<HttpResponse<String>> answers = callAtOnce(shop);

    assertThat(Simulator.get().control().stats(shop).tokenRefreshes.get() - refreshes).isEqualTo(1);
    Set<String> expiries = new HashSet<>();
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as("answer: %s", answer.body()).isEqualTo(200);
      expiries.add(Http.json(answer).getString("tokenExpiresAt"));
    }
    assertThat(expiries).hasSize(1);
    assertThat(Instant.parse(expiries.iterator().next())).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    String after = TokenDatabase.accessToken(id);
    SECRETS.add(after);
    SECRETS.add(TokenDatabase.refreshToken(id));
    assertThat(after).isNotEqualTo(before);
    assertThat(Http.getAsAdmin("/api/ops/shops/" + shop + "/shopify").statusCode()).isEqualTo(200);
    assertThat(adminShop(SECOND_SERVER, mintedFor(shop)).statusCode()).isEqualTo(200);
    assertThat(Simulator.get().control().stats(shop).tokenRefreshes.get() - refreshes).isEqualTo(1);
  }

  @AfterAll
  static void noSecretInTheLogs() {
    ServerLogs.assertNoneContain(SECRETS);
  }

  private static List<HttpResponse<String>> callAtOnce(String shop) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        String server = i % 2 == 0 ? Http.BASE : SECOND_SERVER;
        String session = mintedFor(shop);
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return adminShop(server, session);
                }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> call : calls) {
        answers.add(call.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpResponse<String> adminShop(String server, String session) {
    return InstallFlow.send(
        HttpRequest.newBuilder(URI.create(server + "/api/admin/shop"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + session)
            .GET()
            .build());
  }

  private static String mintedFor(String shop) {
    String session = Simulator.get().control().mintSessionToken(shop, "42", UUID.randomUUID().toString(), null);
    SECRETS.add(session);
    return session;
  }
}
