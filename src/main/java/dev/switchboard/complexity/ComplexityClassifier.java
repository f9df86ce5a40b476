package dev.switchboard.complexity;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.routing.Tier;

/**
 * How hard a conversation is, for {@code model: "auto"}: which tier of route it needs. Called on
 * the request path for every auto request, so it must be cheap (no network call, microseconds).
 */
public interface ComplexityClassifier {

    Tier classify(ChatRequest request);
}
