package dev.neanelu.it;

import dev.neanelu.install.ShopInstalled;
import dev.neanelu.install.ShopUninstalled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the install events the way another feature would, from inside the EJB module (InstallEventsIT adds it
 * there), and keeps them for the test.
 */
@ApplicationScoped
public class InstallEventRecorder {

  public static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

  void installed(@Observes ShopInstalled event) {
    EVENTS.add(event);
  }

  void uninstalled(@Observes ShopUninstalled event) {
    EVENTS.add(event);
  }
}
