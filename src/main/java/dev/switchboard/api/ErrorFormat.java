package dev.switchboard.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The error format a caller's API speaks: OpenAI's everywhere, except under {@code /v1/messages},
 * where Anthropic's SDKs (and Claude Code) read Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}. Every error the gateway returns is written
 * through this, so the same failure reads the same in both.
 */
public enum ErrorFormat {

    OPENAI,
    ANTHROPIC;

    /** The format of the API at this request path. */
    public static ErrorFormat at(String path) {
        return path != null && path.startsWith("/v1/messages") ? ANTHROPIC : OPENAI;
    }

    /**
     * An error body in this format.
     *
     * @param type     OpenAI's error type ({@code invalid_request_error}, ...); Anthropic's comes from the status
     * @param param    the request parameter at fault, or null
     * @param code     the gateway's code for the error ({@code invalid_json}, ...), or null
     * @param attempts the routes a routing failure tried
     */
    public Object body(int status, String message, String type, String param, String code,
            List<OpenAiError.AttemptView> attempts) {
        if (this == OPENAI) {
            return new OpenAiError(new OpenAiError.Body(message, type, param, code, attempts));
        }
        return new AnthropicError("error", new AnthropicError.Body(anthropicType(status), message, code, attempts));
    }

    public Object body(int status, String message, String type, String param, String code) {
        return body(status, message, type, param, code, List.of());
    }

    /** Anthropic's error type for an HTTP status, as its API documents them. */
    static String anthropicType(int status) {
        switch (status) {
            case 401: return "authentication_error";
            case 402: return "billing_error";
            case 403: return "permission_error";
            case 404: return "not_found_error";
            case 413: return "request_too_large";
            case 429: return "rate_limit_error";
            case 504: return "timeout_error";
            case 529: return "overloaded_error";
            default: return status < 500 ? "invalid_request_error" : "api_error";
        }
    }

    /**
     * Anthropic's error body. {@code code} and {@code attempts} are Switchboard's additions, as in
     * the OpenAI format; Anthropic's SDKs read {@code type} and {@code message} and keep the rest.
     */
    @RegisterForReflection
    public record AnthropicError(String type, Body error) {

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public record Body(String type, String message, String code, List<OpenAiError.AttemptView> attempts) {
        }
    }
}
