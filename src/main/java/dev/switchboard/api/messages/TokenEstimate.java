package dev.switchboard.api.messages;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;

/**
 * A conversation's input tokens, estimated the way the simulator counts them: a token per four
 * characters of text (instructions, words, tool calls and results, tool definitions), and for each
 * image the tokens Anthropic charges for one of about 1.15 megapixels (its documented
 * {@code width * height / 750}, 1,600). Close enough to size a context, which is what callers of
 * {@code count_tokens} use it for; never billed.
 */
final class TokenEstimate {

    static final int IMAGE_TOKENS = 1600;
    /** What each message costs besides its content (role and separators). */
    static final int PER_MESSAGE = 3;

    private TokenEstimate() {
    }

    static int of(ChatRequest request) {
        long chars = 0;
        long tokens = 0;
        for (ChatMessage message : request.messages()) {
            tokens += PER_MESSAGE;
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text text) {
                    chars += text.text().length();
                } else {
                    tokens += IMAGE_TOKENS;
                }
            }
            for (ToolCall call : message.toolCalls()) {
                chars += call.name().length() + call.arguments().length();
            }
        }
        for (Tool tool : request.tools().definitions()) {
            chars += tool.name().length() + (tool.description() == null ? 0 : tool.description().length())
                    + tool.parameters().toString().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens + (chars + 3) / 4);
    }
}
