package dev.neanelu.web.ops;

import dev.neanelu.fairness.DeadLetter;
import dev.neanelu.fairness.FairDispatch;
import dev.neanelu.tenant.ShopDomain;
import dev.neanelu.tenant.ShopRegistry;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Work that failed its last attempt, newest first, with the last error: {@code GET /api/ops/dead-letters}, optionally
 * {@code ?shop=x.myshopify.com} (404 if unknown) and {@code &limit=} (1 to 1000, default 100).
 */
@Path("ops/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

  @Inject FairDispatch dispatch;
  @Inject ShopRegistry registry;

  @GET
  public List<DeadLetterView> deadLetters(
      @QueryParam("shop") String shop,
      @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be at least 1")
          @Max(value = 1000, message = "must be at most 1000")
          int limit) {
    Optional<TenantId> tenant = Optional.ofNullable(shop).filter(s -> !s.isBlank()).map(this::tenantOf);
    return dispatch.deadLetters(tenant, limit).stream().map(DeadLetterView::of).toList();
  }

  private TenantId tenantOf(String shop) {
    ShopDomain domain = ShopDomain.parse(shop);
    return registry.find(domain).orElseThrow(() -> new NotFoundException("Unknown shop " + domain)).id();
  }

  /** A dead letter as operators see it. */
  public record DeadLetterView(
      long id,
      String queue,
      String shopId,
      String shop,
      String kind,
      String payload,
      int attempts,
      String lastError,
      Instant enqueuedAt,
      Instant diedAt) {

    static DeadLetterView of(DeadLetter d) {
      return new DeadLetterView(
          d.id(),
          d.queue(),
          d.tenant().toString(),
          d.shop(),
          d.kind(),
          d.payload(),
          d.attempts(),
          d.lastError(),
          d.enqueuedAt(),
          d.diedAt());
    }
  }
}
