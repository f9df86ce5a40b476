package dev.switchboard.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.complexity.ComplexityClassifier;
import dev.switchboard.routing.Tier;

/**
 * A classifier that reads the tier from a tag in the conversation ({@code [simple]}, {@code [moderate]},
 * {@code [complex]}), so routing tests do not depend on what the real classifier learnt.
 */
@Alternative
@ApplicationScoped
public class TaggedClassifier implements ComplexityClassifier {

    @Override
    public Tier classify(ChatRequest request) {
        String text = String.join(" ", request.messages().stream().map(ChatMessage::text).toList());
        for (Tier tier : Tier.values()) {
            if (text.contains("[" + tier.wireName() + "]")) {
                return tier;
            }
        }
        throw new IllegalStateException("no tier tag in the test conversation");
    }
}
