package dev.neanelu.install;

import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.webhook.InboxDelivery;
import dev.neanelu.webhook.WebhookHandler;
import dev.neanelu.webhook.WebhookTopic;
import dev.neanelu.webhook.WebhookWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Applies {@code app/uninstalled}: the shop is marked uninstalled and its tokens deleted ({@link
 * InstallService#uninstall}, which ignores a delivery triggered before the current installation), its running syncs
 * are stopped (observers of {@link ShopUninstalled}) and its queued work is dropped, except webhook deliveries, which
 * still apply (the compliance topics arrive after an uninstall).
 */
@ApplicationScoped
public class UninstallWebhook implements WebhookHandler {

  @Inject InstallService installs;
  @Inject FairDispatch dispatch;

  @Override
  public Set<WebhookTopic> topics() {
    return Set.of(WebhookTopic.APP_UNINSTALLED);
  }

  @Override
  public String apply(Connection connection, InboxDelivery delivery) throws SQLException {
    ShopDomain domain = ShopDomain.parse(delivery.body().getString("myshopify_domain"));
    if (installs.uninstall(domain, delivery.triggeredAt()).isEmpty()) {
      return "already uninstalled, or triggered before the current installation: nothing changed";
    }
    int dropped = dispatch.dropQueuedWithin(connection, delivery.shopId(), WebhookWork.KIND);
    return "uninstalled; tokens deleted; " + dropped + " queued work items dropped";
  }
}
