package dev.switchboard.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.JsonText;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ReasoningEffort;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolCallIds;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig.CacheBreakpoint;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.anthropic.AnthropicRequest.Block;
import dev.switchboard.provider.anthropic.AnthropicRequest.Format;
import dev.switchboard.provider.anthropic.AnthropicRequest.Message;
import dev.switchboard.provider.anthropic.AnthropicRequest.OutputConfig;
import dev.switchboard.provider.anthropic.AnthropicRequest.ToolDefinition;

/**
 * Switchboard's request to and from the Anthropic Messages format. Pure: the same input always
 * gives the same output, so a retry re-sends exactly what the first attempt sent.
 */
public final class AnthropicTranslator {

    private static final Map<String, FinishReason> STOP_REASONS = Map.of(
            "end_turn", FinishReason.STOP,
            "stop_sequence", FinishReason.STOP,
            // A server-side tool loop paused: what came back is a finished answer as far as the caller can tell.
            "pause_turn", FinishReason.STOP,
            "max_tokens", FinishReason.LENGTH,
            "model_context_window_exceeded", FinishReason.LENGTH,
            "tool_use", FinishReason.TOOL_CALLS,
            "refusal", FinishReason.CONTENT_FILTER);

    /** What a request for JSON without a schema adds to the system prompt. */
    public static final String JSON_INSTRUCTION = "Answer with a single JSON object and nothing else: no prose, no code fence.";
    private static final AnthropicRequest.CacheControl EPHEMERAL = new AnthropicRequest.CacheControl("ephemeral", null);

    private AnthropicTranslator() {
    }

    /**
     * Seed is dropped: Anthropic has none, and OpenAI documents it as best-effort, so no promise is
     * broken. Extra parameters reach here only when droppable or translated ({@code reasoning_effort});
     * the adapter declines the others.
     *
     * @param maxTokens the output limit, which the Messages API requires on every request
     */
    public static AnthropicRequest toAnthropic(ChatRequest request, String model, int maxTokens) {
        return toAnthropic(request, model, maxTokens, Set.of());
    }

    /**
     * @param autoCache where the route sets prompt-cache breakpoints of its own, besides the caller's:
     *                  after the system prompt, after the last tool
     */
    public static AnthropicRequest toAnthropic(ChatRequest request, String model, int maxTokens,
            Set<CacheBreakpoint> autoCache) {
        Optional<Integer> budget = thinkingBudget(request);
        // The budget is part of max_tokens: the caller's limit stays what the visible answer may use.
        int limit = budget.map(tokens -> maxTokens <= tokens ? maxTokens + tokens : maxTokens).orElse(maxTokens);
        return new AnthropicRequest(
                model,
                limit,
                system(request, autoCache.contains(CacheBreakpoint.SYSTEM)),
                messages(request),
                request.temperature(),
                request.topP(),
                request.stop().isEmpty() ? null : request.stop(),
                request.user() == null ? null : new AnthropicRequest.Metadata(request.user()),
                null,
                tools(request.tools(), autoCache.contains(CacheBreakpoint.TOOLS)),
                toolChoice(request.tools()),
                request.format().jsonSchema().map(schema -> new OutputConfig(new Format("json_schema", schema))).orElse(null),
                budget.map(tokens -> new AnthropicRequest.Thinking("enabled", tokens)).orElse(null),
                topK(request));
    }

    /** The Messages API's {@code top_k}, when a caller of it set one. */
    private static Integer topK(ChatRequest request) {
        JsonNode topK = request.extraParams().get(Parameters.TOP_K);
        return topK != null && topK.isIntegralNumber() ? topK.intValue() : null;
    }

    /**
     * Every instruction as the system prompt: a plain string, or text blocks when one of them (or the
     * route) sets a cache breakpoint. JSON without a schema has no switch on Anthropic, so it is asked
     * for in the prompt, and the gateway checks the answer (see {@code JsonAnswers}).
     */
    private static Object system(ChatRequest request, boolean autoCache) {
        boolean jsonByPrompt = request.format().wantsJson() && request.format().jsonSchema().isEmpty();
        List<Block> blocks = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message.role().isInstruction()) {
                message.content().forEach(part -> blocks.add(block(part)));
            }
        }
        if (jsonByPrompt) {
            blocks.add(Block.of(JSON_INSTRUCTION));
        }
        if (blocks.isEmpty()) {
            return null;
        }
        if (!autoCache && blocks.stream().allMatch(block -> block.cacheControl() == null)) {
            // No breakpoint: one string, instructions a paragraph apart, so none runs into the next.
            Optional<String> prompt = request.systemPrompt();
            return jsonByPrompt ? prompt.map(text -> text + "\n\n").orElse("") + JSON_INSTRUCTION : prompt.orElse(null);
        }
        if (autoCache) {
            int last = blocks.size() - 1;
            blocks.set(last, blocks.get(last).cached(EPHEMERAL));
        }
        return blocks;
    }

    /**
     * The Messages API has no system role: instructions went to {@code system}, turns alternate.
     * Tool results go back in a user turn, as {@code tool_result} blocks; consecutive results, and
     * the user's words after them, make one user turn, results first, as Anthropic requires.
     */
    private static List<Message> messages(ChatRequest request) {
        List<Message> messages = new ArrayList<>();
        for (ChatMessage turn : request.turns()) {
            String role = turn.role() == Role.ASSISTANT ? "assistant" : "user";
            List<Block> blocks = blocks(turn);
            int last = messages.size() - 1;
            if (last >= 0 && messages.get(last).role().equals(role)) {
                List<Block> merged = new ArrayList<>(messages.get(last).content());
                merged.addAll(blocks);
                messages.set(last, new Message(role, merged));
            } else {
                messages.add(new Message(role, blocks));
            }
        }
        return messages;
    }

    /** An assistant turn's thinking comes first, then its text, then its tool calls, as Anthropic returned them. */
    private static List<Block> blocks(ChatMessage turn) {
        if (turn.role() == Role.TOOL) {
            // A breakpoint on the result goes on the tool_result block, where Anthropic documents it.
            List<Block> result = turn.content().stream().map(part -> block(part).cached(null)).toList();
            Block block = Block.toolResult(ToolCallIds.fitted(turn.toolCallId()), result);
            CacheHint hint = turn.content().isEmpty() ? null : turn.content().get(turn.content().size() - 1).cache();
            return List.of(hint == null ? block : block.cached(cacheControl(hint)));
        }
        List<Block> blocks = new ArrayList<>();
        for (ThinkingBlock thinking : turn.thinking()) {
            blocks.add(thinking.isRedacted() ? Block.redactedThinking(thinking.redacted())
                    : Block.thinking(thinking.thinking(), thinking.signature()));
        }
        turn.content().forEach(part -> blocks.add(block(part)));
        for (ToolCall call : turn.toolCalls()) {
            blocks.add(Block.toolUse(ToolCallIds.fitted(call.id()), call.name(), arguments(call)));
        }
        return blocks;
    }

    private static Block block(ContentPart part) {
        if (part instanceof ContentPart.Image image) {
            AnthropicRequest.ImageSource source = image.source() instanceof ImageSource.Inline inline
                    ? new AnthropicRequest.ImageSource("base64", inline.mediaType(), inline.base64(), null)
                    : new AnthropicRequest.ImageSource("url", null, null, image.source().asUrl());
            return Block.image(source, cacheControl(image.cache()));
        }
        return Block.text(((ContentPart.Text) part).text(), cacheControl(part.cache()));
    }

    /** The validator made sure the arguments are a JSON object, which {@code tool_use.input} must be. */
    private static JsonNode arguments(ToolCall call) {
        return JsonText.object(call.arguments())
                .orElseThrow(() -> new IllegalArgumentException("tool call arguments are not a JSON object"));
    }

    private static List<ToolDefinition> tools(Tools tools, boolean autoCache) {
        if (!tools.offered()) {
            return null;
        }
        List<ToolDefinition> definitions = new ArrayList<>();
        for (Tool tool : tools.definitions()) {
            definitions.add(new ToolDefinition(tool.name(), tool.description(), tool.parameters(), tool.strict(),
                    cacheControl(tool.cache())));
        }
        if (autoCache) {
            int last = definitions.size() - 1;
            definitions.set(last, definitions.get(last).cached(EPHEMERAL));
        }
        return definitions;
    }

    /**
     * {@code auto}, {@code any} (OpenAI's {@code required}), {@code tool} with its name, {@code none};
     * {@code parallel_tool_calls: false} is {@code disable_parallel_tool_use}, which {@code none} does not take.
     */
    private static AnthropicRequest.ToolChoice toolChoice(Tools tools) {
        if (!tools.offered() || (tools.choice() == null && tools.parallel() == null)) {
            return null;
        }
        ToolChoice choice = tools.choice() == null ? ToolChoice.AUTO : tools.choice();
        Boolean disableParallel = Boolean.FALSE.equals(tools.parallel()) && choice.mode() != ToolChoice.Mode.NONE
                ? Boolean.TRUE : null;
        return switch (choice.mode()) {
            case AUTO -> new AnthropicRequest.ToolChoice("auto", null, disableParallel);
            case REQUIRED -> new AnthropicRequest.ToolChoice("any", null, disableParallel);
            case FUNCTION -> new AnthropicRequest.ToolChoice("tool", choice.function(), disableParallel);
            case NONE -> new AnthropicRequest.ToolChoice("none", null, null);
        };
    }

    private static AnthropicRequest.CacheControl cacheControl(CacheHint hint) {
        return hint == null ? null : new AnthropicRequest.CacheControl("ephemeral", hint.ttl());
    }

    /** Extended thinking's budget, when the request asks for reasoning ({@code none} asks for none). */
    static Optional<Integer> thinkingBudget(ChatRequest request) {
        return ReasoningEffort.budget(request).filter(tokens -> tokens > 0);
    }

    public static ChatResult fromAnthropic(AnthropicResponse response, ProviderId provider) {
        if (response == null) {
            throw malformed(provider, "the body is empty");
        }
        if (!"message".equals(response.type())) {
            throw malformed(provider, "type is " + response.type());
        }
        if (response.content() == null) {
            throw malformed(provider, "content is missing");
        }
        if (response.model() == null) {
            throw malformed(provider, "model is missing");
        }
        return new ChatResult(response.id(), response.model(), text(response.content()),
                finishReason(response.stopReason()), usage(response.usage()), toolCalls(response.content(), provider),
                null, thinking(response.content()));
    }

    /** A reason added after this release reads as a normal stop: the answer itself arrived intact. */
    static FinishReason finishReason(String stopReason) {
        return stopReason == null ? FinishReason.STOP : STOP_REASONS.getOrDefault(stopReason, FinishReason.STOP);
    }

    /** The text blocks, joined; tool-use, thinking and server tools' blocks are not the answer's text. */
    private static String text(List<AnthropicResponse.ContentBlock> content) {
        StringBuilder text = new StringBuilder();
        for (AnthropicResponse.ContentBlock block : content) {
            if (block != null && "text".equals(block.type()) && block.text() != null) {
                text.append(block.text());
            }
        }
        return text.toString();
    }

    /** Each {@code tool_use} block as a call, its input as JSON text. */
    private static List<ToolCall> toolCalls(List<AnthropicResponse.ContentBlock> content, ProviderId provider) {
        List<ToolCall> calls = new ArrayList<>();
        for (AnthropicResponse.ContentBlock block : content) {
            if (block != null && "tool_use".equals(block.type())) {
                if (block.id() == null || block.name() == null) {
                    throw malformed(provider, "a tool_use block has no id or name");
                }
                calls.add(new ToolCall(block.id(), block.name(), block.input() == null || block.input().isNull()
                        ? "{}" : block.input().toString()));
            }
        }
        return calls;
    }

    /** Thinking and redacted thinking blocks, with their signatures, for the caller to send back. */
    static List<ThinkingBlock> thinking(List<AnthropicResponse.ContentBlock> content) {
        List<ThinkingBlock> thinking = new ArrayList<>();
        for (AnthropicResponse.ContentBlock block : content) {
            if (block != null && "thinking".equals(block.type())) {
                thinking.add(new ThinkingBlock(block.thinking() == null ? "" : block.thinking(), block.signature(), null));
            } else if (block != null && "redacted_thinking".equals(block.type()) && block.data() != null) {
                thinking.add(new ThinkingBlock("", null, block.data()));
            }
        }
        return thinking;
    }

    /**
     * The caller sent the whole prompt, so cache writes and reads count as prompt tokens too; the reads
     * are the cached part, billed at the cached price, the writes at the cache-write price. Anthropic
     * reports no separate count of thinking tokens: they are in the output tokens.
     */
    static Usage usage(AnthropicResponse.Usage usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        int prompt = orZero(usage.inputTokens()) + orZero(usage.cacheCreationInputTokens())
                + orZero(usage.cacheReadInputTokens());
        return new Usage(prompt, orZero(usage.outputTokens()), orZero(usage.cacheReadInputTokens()),
                orZero(usage.cacheCreationInputTokens()), 0);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ProviderFailure malformed(ProviderId provider, String what) {
        return new ProviderFailure.MalformedResponse(provider, "response is not a message: " + what, null);
    }
}
