package dev.switchboard.provider.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An error body ({@code type: "error"}), whatever the status, as the simulator sends it. {@link AnthropicErrors}
 * reads errors as a tree instead, because a proxy in front of the API may answer with something else entirely.
 *
 * @param requestId Anthropic's id for the failed request, the one its support asks for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection
public record AnthropicErrorResponse(String type, Detail error, @JsonProperty("request_id") String requestId) {

    /** @param type e.g. {@code overloaded_error}, {@code rate_limit_error}, {@code invalid_request_error} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String type, String message) {
    }
}
