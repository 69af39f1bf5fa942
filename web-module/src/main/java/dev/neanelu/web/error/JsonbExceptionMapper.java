package dev.neanelu.web.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ext.Provider;

/** A request body that JSON-B cannot bind: the caller's mistake, answered 400 without echoing the parser's text. */
@Provider
public class JsonbExceptionMapper extends ProblemMapper<JsonbException> {

  public JsonbExceptionMapper() {
    super(ProblemType.MALFORMED_REQUEST, 400);
  }

  @Override
  String detail(JsonbException e) {
    return "The request body is not valid JSON for this resource";
  }
}
