/**
 * RFC 9457 problem details: the {@link dev.neanelu.web.error.ProblemDetail} body, the numbered
 * {@link dev.neanelu.web.error.ProblemType} catalogue, one exception mapper per exception family, and the servlet
 * that renders the container's own errors (unknown paths, refused methods) the same way. No stack trace leaves.
 */
package dev.neanelu.web.error;
