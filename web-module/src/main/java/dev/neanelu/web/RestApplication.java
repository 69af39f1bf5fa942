package dev.neanelu.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JAX-RS resources live under {@code /api}; OAuth and webhook endpoints get their own paths later. */
@ApplicationPath("api")
public class RestApplication extends Application {}
