package dev.neanelu.token;

import dev.neanelu.tenant.TenantContext;
import dev.neanelu.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Runs a {@link Renewal} under the shop's token lock, in a transaction of its own: lock, read, ask {@link
 * Renewal#due} again, obtain, store the pair (fenced by the version read), commit, which also releases the lock. Its
 * own transaction because a caller's long one (a batch chunk) must neither hold the lock nor decide whether a
 * rotated pair is kept.
 */
@ApplicationScoped
public class TokenRenewal {

  @Inject TenantContext tenants;
  @Inject CredentialStore store;

  /**
   * The outcome: the pair to use, or Shopify's refusal. A refusal is returned rather than thrown: nothing was
   * written, so the transaction simply commits (releasing the lock), and an expected business outcome does not
   * travel through the transaction interceptor as a failure.
   */
  public record Outcome(OfflineToken token, TokenRequestException refusal) {

    /** The pair, or the refusal thrown. */
    public OfflineToken tokenOrThrow() {
      if (refusal != null) {
        throw refusal;
      }
      return token;
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome renew(TenantId shop, Renewal renewal) {
    return tenants.call(
        shop,
        c -> {
          store.lock(c, shop);
          Optional<StoredCredentials> current = store.read(c, shop);
          Optional<OfflineToken> token = current.map(StoredCredentials::token);
          if (!renewal.due(token)) {
            return new Outcome(token.orElse(null), null);
          }
          OfflineToken fresh;
          try {
            fresh = renewal.obtain(token);
          } catch (TokenRequestException e) {
            return new Outcome(null, e);
          }
          if (current.isEmpty()) {
            store.replace(c, shop, fresh);
          } else if (!store.replaceFenced(c, shop, fresh, current.get().version())) {
            throw new IllegalStateException("Credentials of " + shop + " changed under the token lock");
          }
          return new Outcome(fresh, null);
        });
  }
}
