package dev.switchboard.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Callers can name any {@code provider/model} as an ad-hoc route, so route and model tag values are
 * capped: past the limit, new values are not recorded rather than growing the registry without bound.
 */
public class MetricsLimits {

    static final int MAX_VALUES = 200;

    @Produces
    @Singleton
    MeterFilter routes() {
        return MeterFilter.maximumAllowableTags("", GatewayMetrics.ROUTE, MAX_VALUES, MeterFilter.deny());
    }

    @Produces
    @Singleton
    MeterFilter requestModels() {
        return MeterFilter.maximumAllowableTags("gen_ai.", GatewayMetrics.REQUEST_MODEL, MAX_VALUES, MeterFilter.deny());
    }

    @Produces
    @Singleton
    MeterFilter responseModels() {
        return MeterFilter.maximumAllowableTags("gen_ai.", GatewayMetrics.RESPONSE_MODEL, MAX_VALUES, MeterFilter.deny());
    }

    /** Callers are bounded by the configured keys already; the cap guards against a misconfiguration. */
    @Produces
    @Singleton
    MeterFilter spendCallers() {
        return MeterFilter.maximumAllowableTags("switchboard.spend", GatewayMetrics.CALLER, MAX_VALUES, MeterFilter.deny());
    }

    @Produces
    @Singleton
    MeterFilter fallbackSources() {
        return MeterFilter.maximumAllowableTags("switchboard.fallbacks", "from", MAX_VALUES, MeterFilter.deny());
    }

    @Produces
    @Singleton
    MeterFilter fallbackTargets() {
        return MeterFilter.maximumAllowableTags("switchboard.fallbacks", "to", MAX_VALUES, MeterFilter.deny());
    }
}
