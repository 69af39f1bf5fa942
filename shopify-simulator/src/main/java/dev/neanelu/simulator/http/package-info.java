/**
 * The single HTTP server's routing (JDK com.sun.net.httpserver): GraphQL, OAuth, staged upload
 * storage, bulk result downloads with Range support, and the /_sim/ control routes. Only
 * translation between HTTP and the services lives here.
 */
package dev.neanelu.simulator.http;
