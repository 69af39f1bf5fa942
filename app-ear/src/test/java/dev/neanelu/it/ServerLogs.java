package dev.neanelu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The Liberty servers' logs (messages, console, traces, FFDC) of this build, searched for secrets. */
final class ServerLogs {

  private static final Path SERVERS = Paths.get(System.getProperty("it.liberty.servers", "target/liberty/wlp/usr/servers"));

  private ServerLogs() {}

  /** Fails naming the file (never the secret) if any log of any server contains one of {@code secrets}. */
  static void assertNoneContain(Collection<String> secrets) {
    List<Path> logs = logFiles();
    assertThat(logs).as("server logs under %s", SERVERS).isNotEmpty();
    for (Path log : logs) {
      String text = read(log);
      for (String secret : secrets) {
        if (secret != null && !secret.isEmpty()) {
          assertThat(text.contains(secret)).as("a secret of this test appears in %s", log).isFalse();
        }
      }
    }
  }

  private static List<Path> logFiles() {
    try (Stream<Path> files = Files.walk(SERVERS)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().contains("/logs/"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
