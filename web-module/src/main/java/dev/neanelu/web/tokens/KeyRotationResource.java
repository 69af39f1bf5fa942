package dev.neanelu.web.tokens;

import dev.neanelu.token.KeyRotation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/ops/key-rotation}: re-seals every stored secret under {@code ENCRYPTION_KEY_256}. Run it after
 * moving the old key to {@code ENCRYPTION_KEYS_PREVIOUS}; when it answers, the old key can be removed. Repeatable.
 */
@Path("ops/key-rotation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyRotationResource {

  @Inject KeyRotation rotation;

  @POST
  public JsonObject rotate() {
    KeyRotation.Result result = rotation.resealAll();
    return Json.createObjectBuilder().add("shops", result.shops()).add("resealed", result.resealed()).build();
  }
}
