package dev.neanelu.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the catalog ingest may download a JSONL from ({@link SourceUrlRules}): the {@code jsonlUrl} of the ops sync
 * endpoint and of the job, and every file a run reads. In production only https URLs of hosts on
 * {@code JSONL_ALLOWED_HOSTS} (default: Shopify's bulk result storage) that resolve to public addresses; in
 * development ({@code NEANELU_MODE=development}) loopback hosts too.
 *
 * <p>The check resolves the host itself and the download resolves it again when it connects (the JDK's HTTP client
 * of Java 17 takes no resolver and no address to connect to), so a name whose DNS answer changes in between could
 * still reach another address (DNS rebinding). The window is kept short: the job checks again right before each
 * file's length probe and before each range's download opens (a resume of a broken download within a range reuses
 * that check). The client follows no redirects, so a refused address cannot be reached through an allowed one.
 */
@ApplicationScoped
public class SourceUrlPolicy {

  /** The configuration variable of the allow-list, and its default. */
  public static final String ALLOWED_HOSTS = "JSONL_ALLOWED_HOSTS";
  public static final String DEFAULT_ALLOWED_HOSTS =
      "storage.googleapis.com,*.storage.googleapis.com,*.shopifycloud.com";

  @Inject Config config;

  private SourceUrlRules rules;

  @PostConstruct
  void configure() {
    boolean production =
        !"development".equalsIgnoreCase(config.getOptionalValue("NEANELU_MODE", String.class).orElse("production"));
    String hosts = config.getOptionalValue(ALLOWED_HOSTS, String.class).orElse(DEFAULT_ALLOWED_HOSTS);
    rules = new SourceUrlRules(production, Arrays.asList(hosts.split(",")), InetAddress::getAllByName,
        ALLOWED_HOSTS);
  }

  /** Refuses {@code url} with an {@link UnsafeSourceUrlException} naming {@code field} unless it may be fetched. */
  public void check(String field, String url) {
    problem(url).ifPresent(problem -> {
      throw new UnsafeSourceUrlException(field, problem);
    });
  }

  /** Why {@code url} may not be fetched, worded for the caller; empty when it may. */
  public Optional<String> problem(String url) {
    return rules.problem(url);
  }
}
