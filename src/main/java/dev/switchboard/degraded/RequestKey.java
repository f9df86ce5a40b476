package dev.switchboard.degraded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolChoice;

/**
 * What an answer is remembered under: the caller, and a SHA-256 of the request in a normalised form,
 * so two requests that must get the same answer share a key, and the store holds no conversation.
 *
 * <p>The normalised form has what changes the answer: the {@code model} asked for (a route,
 * {@code provider/model} or {@code auto}), every message (role, name, each text part, so a string
 * and the same text as one part are the same, each image, its tool calls and the call a tool result
 * answers), the tools offered (with their schemas, object members in name order), the tool choice,
 * {@code parallel_tool_calls}, the response format, temperature, top_p, the output limit (whichever of
 * {@code max_tokens} and {@code max_completion_tokens} set it), stop sequences, seed, and every other
 * parameter with its JSON value, object members in name order. What does not change the answer is
 * left out: {@code stream} and {@code stream_options} (a streamed answer serves a whole one and back),
 * {@code fallbacks}, {@code user} and the metadata-like parameters of {@link Parameters#DROPPABLE}.
 *
 * @param caller the caller's id (never its key), so an answer is only ever given back to the caller
 *               who got it first; see {@code security.Callers}
 * @param digest the request's normalised form, hashed
 */
public record RequestKey(String caller, String digest) {

    public static RequestKey of(String caller, String model, ChatRequest request) {
        Digest digest = new Digest();
        digest.text(model);
        digest.number(request.messages().size());
        for (ChatMessage message : request.messages()) {
            digest.text(message.role().wireName());
            digest.text(message.name());
            digest.number(message.content().size());
            message.content().forEach(part -> part(part, digest));
            digest.number(message.toolCalls().size());
            message.toolCalls().forEach(call -> {
                digest.text(call.id());
                digest.text(call.name());
                digest.text(call.arguments());
            });
            digest.text(message.toolCallId());
        }
        digest.number(request.tools().definitions().size());
        for (Tool tool : request.tools().definitions()) {
            digest.text(tool.name());
            digest.text(tool.description());
            digest.text(canonical(tool.parameters(), new StringBuilder()).toString());
            digest.text(String.valueOf(tool.strict()));
        }
        ToolChoice choice = request.tools().choice();
        digest.text(choice == null ? null : choice.mode().wireName() + ":" + choice.function());
        digest.text(String.valueOf(request.tools().parallel()));
        ResponseFormat format = request.format();
        digest.text(format.kind().name());
        digest.text(format.name());
        digest.text(format.schema() == null ? null : canonical(format.schema(), new StringBuilder()).toString());
        digest.text(String.valueOf(format.strict()));
        digest.text(request.temperature() == null ? null : request.temperature().toString());
        digest.text(request.topP() == null ? null : request.topP().toString());
        digest.text(request.maxTokens() == null ? null : request.maxTokens().toString());
        digest.number(request.stop().size());
        request.stop().forEach(digest::text);
        digest.text(request.seed() == null ? null : request.seed().toString());
        Map<String, JsonNode> parameters = new TreeMap<>(request.extraParams());
        parameters.keySet().removeAll(Parameters.DROPPABLE);
        digest.number(parameters.size());
        parameters.forEach((name, value) -> {
            digest.text(name);
            digest.text(canonical(value, new StringBuilder()).toString());
        });
        return new RequestKey(caller, digest.hex());
    }

    /** A text part is its text; an image, its URL (or data) and detail, marked apart from text. Cache hints do not change the answer. */
    private static void part(ContentPart part, Digest digest) {
        if (part instanceof ContentPart.Image image) {
            digest.number(-2);
            digest.text(image.source().asUrl());
            digest.text(image.detail());
        } else {
            digest.text(((ContentPart.Text) part).text());
        }
    }

    /** JSON with object members in name order, so the order a client happened to write them in does not matter. */
    static StringBuilder canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            String separator = "";
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                out.append(separator).append(TextNode.valueOf(name)).append(':');
                canonical(node.get(name), out);
                separator = ",";
            }
            return out.append('}');
        }
        if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                canonical(node.get(i), out.append(i == 0 ? "" : ","));
            }
            return out.append(']');
        }
        return out.append(node);
    }

    /** Each value length-prefixed (null apart from empty), so no two different requests feed the same bytes. */
    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        void text(String value) {
            if (value == null) {
                number(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            number(bytes.length);
            sha.update(bytes);
        }

        void number(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                sha.update((byte) (value >>> shift));
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
