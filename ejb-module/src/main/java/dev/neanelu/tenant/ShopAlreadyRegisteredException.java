package dev.neanelu.tenant;

/**
 * Registration of a shop that is already installed. Checked: callers answer it (409) rather than treat it as a
 * failure; re-registering an uninstalled shop is a reinstall and succeeds.
 */
public class ShopAlreadyRegisteredException extends Exception {

  private static final long serialVersionUID = 1L;

  public ShopAlreadyRegisteredException(ShopDomain shop) {
    super("Shop " + shop + " is already registered");
  }
}
