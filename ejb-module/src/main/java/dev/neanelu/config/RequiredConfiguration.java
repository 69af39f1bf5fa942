package dev.neanelu.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Checks at start-up that every {@link RequiredSetting} is present and well-formed. In production
 * ({@code NEANELU_MODE=production}, the default) a gap stops the application with a message naming each variable;
 * in development it is logged, so the embedded Run command works with the dev values the build supplies. Values are
 * never logged.
 */
@Startup
@Singleton
public class RequiredConfiguration {

  private static final Logger LOG = Logger.getLogger(RequiredConfiguration.class.getName());

  @Inject Config config;

  @PostConstruct
  void check() {
    boolean production =
        !"development".equalsIgnoreCase(config.getOptionalValue("NEANELU_MODE", String.class).orElse("production"));
    List<String> problems = problems();
    if (problems.isEmpty()) {
      LOG.info(() -> "Configuration complete (" + (production ? "production" : "development") + " mode)");
    } else if (production) {
      throw new IllegalStateException("Neanelu cannot start: " + String.join("; ", problems));
    } else {
      LOG.warning(() -> "Development mode, configuration incomplete: " + String.join("; ", problems));
    }
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (RequiredSetting setting : RequiredSetting.values()) {
      Optional<String> value = config.getOptionalValue(setting.name(), String.class);
      if (value.isEmpty()) {
        problems.add(setting.name() + " is not set (" + setting.meaning() + ")");
      } else {
        setting.problem(value.get()).ifPresent(p -> problems.add(setting.name() + " " + p));
      }
    }
    return problems;
  }
}
