-- Admin API credentials per shop, sealed with AES-256-GCM by the application (dev.neanelu.crypto.SecretCipher):
-- each value is "v1.<keyId>.<base64 nonce|ciphertext|tag>", bound by its additional data to the shop and the key,
-- so a value copied to another shop's row does not decrypt. The database never sees a plaintext token.
CREATE TABLE shop_credentials (
    shop_id                  uuid        PRIMARY KEY REFERENCES shops (id) ON DELETE CASCADE,
    access_token             text        NOT NULL,
    access_token_expires_at  timestamptz,            -- NULL: a non-expiring token (custom apps, legacy installs)
    refresh_token            text,
    refresh_token_expires_at timestamptz,
    updated_at               timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE shop_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop_credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shop_credentials
    USING (shop_id = NULLIF(current_setting('app.current_shop_id', true), '')::uuid);
