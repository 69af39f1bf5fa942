package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The IT Liberty server's JVM, killed without a graceful stop and started again with the wlp server script. */
final class LibertyServer {

  private static final Path SERVERS = Path.of("target/liberty/wlp/usr/servers");

  private LibertyServer() {}

  /** SIGKILL: no shutdown hooks, no lease given back, no transaction finished. */
  static void kill() throws IOException {
    long pid = Long.parseLong(Files.readString(SERVERS.resolve(".pid/neanelu.pid")).strip());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no Liberty JVM " + pid));
    server.destroyForcibly();
    server.onExit().join();
  }

  /** Starts the server with the bootstrap properties it was created with, and waits until it is ready. */
  static void start() throws Exception {
    Process start = new ProcessBuilder("target/liberty/wlp/bin/server", "start", "neanelu")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/it-server-restarts.log").toFile()))
        .start();
    assertThat(start.waitFor()).as("server start (see target/it-server-restarts.log)").isZero();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(LibertyServer::ready);
  }

  static boolean ready() {
    try {
      HttpResponse<String> health = Http.get("/health/ready");
      return health.statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
