package dev.switchboard.api;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

import dev.switchboard.config.SwitchboardConfig;

/**
 * Refuses an oversized body from its declared length, before a byte of it is read, with a 413 in
 * the caller's API's error format (the HTTP layer's own refusal has an empty body). A chunked body, which
 * declares no length, is still stopped at the same limit by the HTTP layer, with a bare 413.
 */
public class BodySizeLimit {

    static final String MESSAGE = "The request body is larger than the configured limit (switchboard.limits.max-body-size).";

    void install(@Observes Router router, SwitchboardConfig config) {
        MemorySize limit = config.limits().maxBodySize();
        String openAi = Json.encode(ErrorFormat.OPENAI.body(413, MESSAGE, "invalid_request_error", null,
                "request_too_large"));
        String anthropic = Json.encode(ErrorFormat.ANTHROPIC.body(413, MESSAGE, "invalid_request_error", null,
                "request_too_large"));
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared, limit.asLongValue())) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(ErrorFormat.at(context.request().path()) == ErrorFormat.ANTHROPIC ? anthropic : openAi);
                return;
            }
            context.next();
        });
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
