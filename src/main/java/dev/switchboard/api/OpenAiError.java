package dev.switchboard.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.switchboard.routing.Attempt;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, plus the attempts a routing failure made. */
@RegisterForReflection
public record OpenAiError(Body error) {

    public record Body(String message, String type, String param, String code,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptView> attempts) {
    }

    /** One attempt as callers see it. */
    public record AttemptView(String route, String provider, String model, boolean called, String outcome, int status,
            String detail, @JsonProperty("latency_ms") long latencyMs) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(attempt.route(), attempt.provider().configName(), attempt.model(), attempt.called(),
                    attempt.failure() == null ? "ok" : attempt.failure().wireName(), attempt.status(), attempt.detail(),
                    attempt.latencyMs());
        }
    }

    public static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Body(message, type, param, code, List.of()));
    }
}
