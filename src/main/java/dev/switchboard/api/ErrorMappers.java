package dev.switchboard.api;

import java.io.CharConversionException;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.cost.BudgetExceeded;
import dev.switchboard.routing.AllRoutesFailed;

/**
 * Every error the gateway returns, in the OpenAI error format, decided here and nowhere else.
 * No stack trace ever reaches a caller.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return json(e.status(), OpenAiError.of(e.getMessage(), "invalid_request_error", e.param(), e.code()));
    }

    /**
     * A spent daily budget: 429 like OpenAI's own quota errors, so SDKs treat it as a rate limit, with
     * Retry-After to when the budget resets.
     */
    @ServerExceptionMapper
    public Response budgetExceeded(BudgetExceeded e) {
        return Response.status(429).type(MediaType.APPLICATION_JSON)
                .entity(OpenAiError.of(e.getMessage(), "insufficient_quota", null, "budget_exceeded"))
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response allRoutesFailed(AllRoutesFailed e) {
        int status;
        String type;
        String code;
        switch (e.verdict()) {
            case RATE_LIMITED -> { status = 429; type = "rate_limit_error"; code = "rate_limit_exceeded"; }
            case DEADLINE_EXCEEDED -> { status = 504; type = "timeout_error"; code = "deadline_exceeded"; }
            case CONTEXT_TOO_LONG -> { status = 400; type = "invalid_request_error"; code = "context_length_exceeded"; }
            case CONTENT_FILTERED -> { status = 400; type = "invalid_request_error"; code = "content_filter"; }
            case UNSUPPORTED -> { status = 400; type = "invalid_request_error"; code = "unsupported_parameter"; }
            default -> { status = 502; type = "upstream_error"; code = "all_routes_failed"; }
        }
        var body = new OpenAiError(new OpenAiError.Body(e.getMessage(), type, null, code,
                e.attempts().stream().map(OpenAiError.AttemptView::of).toList()));
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body)
                .header(GatewayHeaders.ATTEMPTS, e.upstreamCalls());
        e.retryAfter().ifPresent(wait -> response.header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000)));
        e.complexity().ifPresent(tier -> response.header(GatewayHeaders.COMPLEXITY, tier.wireName()));
        return response.build();
    }

    /** More specific than Quarkus's own mapper for this type, so callers get the OpenAI format. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String param = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            param = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).substring(1);
        }
        String problem;
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            problem = param == null ? "The request body must be " + expected : param + " must be " + expected;
        } else {
            problem = "The request body is not valid JSON: " + e.getOriginalMessage();
        }
        return json(400, OpenAiError.of(shorten(problem), "invalid_request_error", param, "invalid_json"));
    }

    /**
     * JSON may be sent as UTF-8, UTF-16 or UTF-32, and Jackson reads the encoding from the first bytes:
     * a body that looks like UTF-32 but holds no character there is unreadable input, not a fault.
     */
    @ServerExceptionMapper
    public Response unreadableText(CharConversionException e) {
        return json(400, OpenAiError.of(shorten("The request body is not valid JSON text: " + e.getMessage()),
                "invalid_request_error", null, "invalid_json"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String message = switch (status) {
            case 404 -> "Unknown path. Switchboard serves POST /v1/chat/completions, POST /v1/embeddings and GET /v1/models.";
            case 405 -> "Method not allowed on this path.";
            case 413 -> BodySizeLimit.MESSAGE;
            case 415 -> "Content-Type must be application/json.";
            default -> e.getMessage();
        };
        String code = status == 413 ? "request_too_large" : null;
        return json(status, OpenAiError.of(message, "invalid_request_error", null, code));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected error while serving a request", e);
        return json(500, OpenAiError.of("Switchboard hit an internal error; the incident is logged.", "server_error",
                null, "internal_error"));
    }

    /** What a Java target type is called in JSON. */
    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return Integer.class == type || Long.class == type ? "an integer" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return type == String.class ? "a string" : "a JSON object";
    }

    static Response json(int status, OpenAiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
