package dev.switchboard.complexity;

import java.util.List;
import java.util.Locale;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.Role;
import dev.switchboard.routing.Tier;

/**
 * The seed's heuristic, kept as a baseline and as a policy an operator may choose: the last user
 * message is complex if it contains one of a few "complex" phrases, simple if it contains one of a
 * few "simple" phrases, and moderate otherwise.
 */
public final class KeywordClassifier implements ComplexityClassifier {

    static final List<String> COMPLEX = List.of("analyze", "compare", "explain why", "trade-offs", "architecture",
            "design", "debug this", "review");
    static final List<String> SIMPLE = List.of("what is", "define", "list", "how to", "translate", "summarize",
            "format");

    @Override
    public Tier classify(ChatRequest request) {
        return classify(lastUserText(request));
    }

    public static Tier classify(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        if (COMPLEX.stream().anyMatch(lower::contains)) {
            return Tier.COMPLEX;
        }
        if (SIMPLE.stream().anyMatch(lower::contains)) {
            return Tier.SIMPLE;
        }
        return Tier.MODERATE;
    }

    static String lastUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
