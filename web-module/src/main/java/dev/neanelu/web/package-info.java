/**
 * HTTP interfaces, one sub-package per area (ops API, OAuth, webhooks, embedded admin). Resources validate,
 * translate to domain types and delegate; errors leave as {@code application/problem+json} from {@code web.error}.
 */
package dev.neanelu.web;
