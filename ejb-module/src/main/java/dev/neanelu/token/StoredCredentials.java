package dev.neanelu.token;

/**
 * A shop's credentials as read from {@code shop_credentials}, opened, with the row's {@code version}: the fencing
 * token a writer must present to replace them.
 */
public record StoredCredentials(OfflineToken token, long version) {}
