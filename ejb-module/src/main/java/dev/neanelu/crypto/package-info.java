/**
 * Secrets at rest: AES-256-GCM sealing of tokens with a key ring ({@code ENCRYPTION_KEY_256} for new values,
 * {@code ENCRYPTION_KEYS_PREVIOUS} still readable), so keys can be rotated without downtime. Uses the JDK's
 * provider only; nothing here is hand-rolled cryptography.
 */
package dev.neanelu.crypto;
