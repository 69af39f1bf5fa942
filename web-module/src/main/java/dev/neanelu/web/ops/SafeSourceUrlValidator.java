package dev.neanelu.web.ops;

import dev.neanelu.catalog.SourceUrlPolicy;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Applies {@link SourceUrlPolicy} to a request field; the violation's message says why the URL is refused. */
public class SafeSourceUrlValidator implements ConstraintValidator<SafeSourceUrl, String> {

  @Inject SourceUrlPolicy policy;

  @Override
  public boolean isValid(String url, ConstraintValidatorContext context) {
    if (url == null) {
      return true;
    }
    Optional<String> problem = policy.problem(url);
    problem.ifPresent(p -> {
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(literal(p)).addConstraintViolation();
    });
    return problem.isEmpty();
  }

  /** The message as a template that says exactly it: the URL's host is the caller's text, never an expression. */
  private static String literal(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
