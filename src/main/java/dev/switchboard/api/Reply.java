package dev.switchboard.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestMulti;

import dev.switchboard.cost.Pricing;
import dev.switchboard.degraded.DegradedAnswer;
import dev.switchboard.routing.Plan;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * What goes back to a caller, decided once routing is done, so that an error can still be an
 * ordinary error response: a status, headers, and a body that is one buffer (a whole answer) or
 * a stream of events. The headers every API's answer carries are set here, the same for all.
 */
public record Reply(int status, Map<String, List<String>> headers, Multi<Buffer> body) {

    public static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    public static final String JSON = "application/json";

    /** The reply as the resource returns it: status and headers wait for the reply to be decided. */
    public static Multi<Buffer> send(Uni<Reply> reply) {
        return RestMulti.fromUniResponse(reply, Reply::body, Reply::headers, Reply::status);
    }

    /** A whole answer: one JSON buffer, its length declared (see {@link WholeReplies}). */
    public static Reply whole(Map<String, List<String>> headers, byte[] json) {
        headers.put(HttpHeaders.CONTENT_LENGTH, List.of(Integer.toString(json.length)));
        return new Reply(200, headers, Multi.createFrom().item(Buffer.buffer(json)));
    }

    /** A stream of events, not to be cached or held back by proxies. */
    public static Reply streamed(Map<String, List<String>> headers, Multi<Buffer> events) {
        headers.put(HttpHeaders.CACHE_CONTROL, List.of("no-cache"));
        // Proxies such as nginx would otherwise hold the events back.
        headers.put("X-Accel-Buffering", List.of("no"));
        return new Reply(200, headers, events);
    }

    /** What every reply carries, answered or degraded. */
    public static Map<String, List<String>> headers(Plan plan, long calls, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(contentType));
        plan.complexity().ifPresent(tier -> headers.put(GatewayHeaders.COMPLEXITY, List.of(tier.wireName())));
        headers.put(GatewayHeaders.ATTEMPTS, List.of(Long.toString(calls)));
        if (plan.downgraded()) {
            headers.put(GatewayHeaders.BUDGET, List.of("downgraded"));
        }
        return headers;
    }

    /** The headers of an answer a route gave: which route, whether simulated, and (when known) its cost. */
    public static Map<String, List<String>> answered(Plan plan, long calls, String contentType, Route route,
            boolean simulated, BigDecimal cost) {
        Map<String, List<String>> headers = headers(plan, calls, contentType);
        headers.put(GatewayHeaders.ROUTE, List.of(route.name()));
        if (simulated) {
            headers.put(GatewayHeaders.SIMULATED, List.of("true"));
        }
        if (cost != null) {
            headers.put(GatewayHeaders.COST_USD, List.of(Pricing.plain(cost)));
        }
        return headers;
    }

    /** The headers of a degraded answer: marked as such, with where it came from; a whole one cost nothing. */
    public static Map<String, List<String>> degraded(Plan plan, long calls, String contentType, DegradedAnswer answer,
            boolean streams) {
        Map<String, List<String>> headers = headers(plan, calls, contentType);
        headers.put(GatewayHeaders.DEGRADED, List.of("true"));
        headers.put(GatewayHeaders.DEGRADED_SOURCE, List.of(answer.source().wireName()));
        if (answer.simulated()) {
            headers.put(GatewayHeaders.SIMULATED, List.of("true"));
        }
        if (!streams) {
            headers.put(GatewayHeaders.COST_USD, List.of(Pricing.plain(BigDecimal.ZERO)));
        }
        return headers;
    }
}
