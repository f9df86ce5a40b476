package dev.switchboard.api.responses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;

/**
 * Writes an answer as a Responses API {@code response} object: the reasoning (when the provider
 * showed it) as a {@code reasoning} item, the text as a {@code message} item, each tool call as a
 * {@code function_call} item, in that order; a stop for length or by a content filter makes the
 * response {@code incomplete}, as OpenAI reports it. Also the snapshots the event stream carries.
 */
public final class ResponseWriter {

    /** The metadata key a degraded answer carries, for clients that never see the headers. */
    public static final String DEGRADED_KEY = "switchboard_degraded";

    private ResponseWriter() {
    }

    /** The items of a whole answer. A message is always there unless the model only called tools. */
    public static List<Object> output(String content, List<ToolCall> calls, List<ThinkingBlock> thinking,
            String status) {
        List<Object> output = new ArrayList<>();
        if (!thinking.isEmpty()) {
            output.add(new ResponseObject.ReasoningItem("reasoning", id("rs_"), List.of(ResponseObject.SummaryText
                    .of(thinking.stream().map(ThinkingBlock::thinking).collect(Collectors.joining())))));
        }
        if (!content.isEmpty() || calls.isEmpty()) {
            output.add(message(id("msg_"), content, status));
        }
        for (ToolCall call : calls) {
            output.add(new ResponseObject.FunctionCall("function_call", id("fc_"), call.id(), call.name(),
                    call.arguments(), status));
        }
        return output;
    }

    static ResponseObject.Message message(String id, String text, String status) {
        return new ResponseObject.Message("message", id, status, "assistant", List.of(ResponseObject.OutputText.of(text)));
    }

    /**
     * A response object.
     *
     * @param status   {@code in_progress}, {@code completed}, {@code incomplete} or {@code failed}
     * @param usage    null while in progress
     * @param degraded whether degraded mode answered, said in the metadata too
     */
    public static ResponseObject response(String id, long createdAt, String model, ResponseObject.Echo echo,
            String status, FinishReason finish, ResponseObject.Error error, List<Object> output, Usage usage,
            boolean degraded) {
        Map<String, String> metadata = echo.metadata();
        if (degraded) {
            metadata = new HashMap<>(metadata);
            metadata.put(DEGRADED_KEY, "true");
        }
        return new ResponseObject(id, "response", createdAt, status, error, incompleteDetails(finish, status),
                echo.instructions(), echo.maxOutputTokens(), model, output, echo.parallelToolCalls(), null,
                echo.reasoning(), false, echo.temperature(), echo.text(), echo.toolChoice(), echo.tools(), echo.topP(),
                "disabled", usage == null ? null : ResponseObject.Usage.of(usage), echo.user(), metadata);
    }

    /** {@code completed}, or {@code incomplete} when the model was stopped before it finished. */
    public static String status(FinishReason finish) {
        return finish == FinishReason.LENGTH || finish == FinishReason.CONTENT_FILTER ? "incomplete" : "completed";
    }

    private static ResponseObject.IncompleteDetails incompleteDetails(FinishReason finish, String status) {
        if (!"incomplete".equals(status)) {
            return null;
        }
        return new ResponseObject.IncompleteDetails(finish == FinishReason.CONTENT_FILTER ? "content_filter"
                : "max_output_tokens");
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    /** A fresh id with OpenAI's prefix for its kind: {@code resp_}, {@code msg_}, {@code fc_}, {@code rs_}. */
    public static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
