package dev.switchboard.chat;

import java.util.List;
import java.util.Optional;

/**
 * One message of a conversation. Content is kept as its parts (text and images) so that each provider
 * can receive them in its own shape (a string, blocks, parts) without losing the boundaries.
 *
 * @param content    the parts, in order; empty only for an assistant message that just calls tools
 * @param name       optional participant name; only OpenAI-format providers accept it
 * @param toolCalls  an assistant message's calls of the request's tools, in order; empty otherwise
 * @param toolCallId a {@link Role#TOOL} message's reference to the call it answers; null otherwise
 * @param thinking   an assistant message's reasoning as the provider returned it ({@code thinking_blocks}),
 *                   which Anthropic needs back unchanged in a tool conversation; empty otherwise
 */
public record ChatMessage(Role role, List<ContentPart> content, String name, List<ToolCall> toolCalls,
        String toolCallId, List<ThinkingBlock> thinking) {

    public ChatMessage {
        content = List.copyOf(content);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        thinking = thinking == null ? List.of() : List.copyOf(thinking);
    }

    /** A message without reasoning. */
    public ChatMessage(Role role, List<ContentPart> content, String name, List<ToolCall> toolCalls, String toolCallId) {
        this(role, content, name, toolCalls, toolCallId, List.of());
    }

    /** A message of text parts only. */
    public ChatMessage(Role role, List<String> texts, String name) {
        this(role, texts.stream().<ContentPart>map(ContentPart.Text::new).toList(), name, List.of(), null);
    }

    public static ChatMessage of(Role role, String text) {
        return new ChatMessage(role, List.of(text), null);
    }

    /** An assistant turn that calls tools, with the text (possibly none) that came before the calls. */
    public static ChatMessage calling(List<ContentPart> content, List<ToolCall> calls) {
        return new ChatMessage(Role.ASSISTANT, content, null, calls, null);
    }

    /** A tool's result, answering the call with this id. */
    public static ChatMessage toolResult(String toolCallId, String text) {
        return new ChatMessage(Role.TOOL, List.of(new ContentPart.Text(text)), null, List.of(), toolCallId);
    }

    /** The text parts, in order; images are left out. */
    public List<String> texts() {
        return content.stream().filter(ContentPart.Text.class::isInstance).map(part -> ((ContentPart.Text) part).text())
                .toList();
    }

    /** The text parts joined as one text, the way a provider that takes a single string reads them. */
    public String text() {
        return String.join("\n", texts());
    }

    public boolean hasImages() {
        return content.stream().anyMatch(ContentPart.Image.class::isInstance);
    }

    /** The call among this assistant message's that has this id. */
    public Optional<ToolCall> call(String id) {
        return toolCalls.stream().filter(call -> call.id().equals(id)).findFirst();
    }
}
