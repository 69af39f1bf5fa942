/**
 * Staged uploads: targets with Shopify's documented parameters, the multipart storage endpoint
 * (file last, size cap) and the uploaded files bulk mutations read.
 */
package dev.neanelu.simulator.upload;
