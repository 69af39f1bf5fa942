package dev.neanelu.web.ops;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A JSONL URL the catalog ingest may download ({@link dev.neanelu.catalog.SourceUrlPolicy}); null passes. Checked
 * when the request is validated, so a refused URL is answered 400 before anything is fetched.
 */
@Constraint(validatedBy = SafeSourceUrlValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface SafeSourceUrl {

  String message() default "is not a URL the ingest may download";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
