package dev.switchboard.provider.azure;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.provider.openai.OpenAiChatResponse;

/**
 * Where Azure's whole answers differ from OpenAI's. When Azure's content filter withholds the
 * completion, the choice says {@code finish_reason: "content_filter"} and its message has a role and
 * nothing else, no {@code content} at all (OpenAI would send a refusal). That is a refusal, and is
 * answered as one: empty text finished by the content filter, as the OpenAI path relays a filtered
 * answer. Read as it stands it would look like a malformed body, and the router would route around
 * the refusal (F18 instead of F13).
 */
final class AzureAnswers {

    static final String CONTENT_FILTER = "content_filter";

    private AzureAnswers() {
    }

    /** The answer, with an empty {@code content} in a choice the content filter emptied. */
    static OpenAiChatResponse filteredAsEmpty(OpenAiChatResponse response) {
        if (response == null || response.choices() == null || response.choices().stream().noneMatch(AzureAnswers::emptied)) {
            return response;
        }
        List<OpenAiChatResponse.Choice> choices = new ArrayList<>(response.choices().size());
        for (OpenAiChatResponse.Choice choice : response.choices()) {
            if (emptied(choice)) {
                OpenAiChatResponse.Message message = choice.message();
                choice = new OpenAiChatResponse.Choice(choice.index(), new OpenAiChatResponse.Message(message.role(), "",
                        null, null, message.reasoningContent()), choice.logprobs(), choice.finishReason());
            }
            choices.add(choice);
        }
        return new OpenAiChatResponse(response.id(), response.object(), response.created(), response.model(), choices,
                response.usage(), response.systemFingerprint());
    }

    private static boolean emptied(OpenAiChatResponse.Choice choice) {
        return choice != null && CONTENT_FILTER.equals(choice.finishReason()) && choice.message() != null
                && choice.message().content() == null && choice.message().refusal() == null
                && (choice.message().toolCalls() == null || choice.message().toolCalls().isEmpty());
    }
}
