package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.TestConfig;

/** Bad configuration is refused with a message naming the key (start-up itself: StartupValidationIT). */
class ConfigCheckTest {

    @Test
    void theSeedConfigurationIsValid() {
        assertThat(ConfigCheck.problems(TestConfig.load(TestConfig.seed()))).isEmpty();
    }

    @Test
    void aRouteOnAnUnknownProviderNamesTheKey() {
        assertThat(ConfigCheck.problems(TestConfig.load(TestConfig.seed("switchboard.routes.gpt-4o.provider", "azure"))))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.gpt-4o.provider: unknown provider 'azure'"));
    }

    @Test
    void aRouteWithoutAModelNamesTheKey() {
        assertThatThrownBy(() -> TestConfig.load(TestConfig.seed("switchboard.routes.extra.provider", "openai")))
                .hasMessageContaining("switchboard.routes.extra.model");
    }

    @Test
    void everyReferenceAndNumberIsChecked() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.chain", "claude-sonnet,gpt-5",
                "switchboard.routes.gpt-4o.fallbacks", "nowhere",
                "switchboard.routes.gpt-4o.context-fallback", "bigger",
                "switchboard.routes.gpt-4o.input-price", "-1",
                "switchboard.routes.gpt-4o.context-window", "0",
                "switchboard.routing.max-attempts", "0",
                "switchboard.providers.azure.api-key", "x"));

        assertThat(ConfigCheck.problems(config)).anySatisfy(p -> assertThat(p).startsWith("switchboard.chain[1]: 'gpt-5'"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.gpt-4o.fallbacks[0]: 'nowhere'"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.gpt-4o.context-fallback[0]: 'bigger'"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.gpt-4o.input-price:"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.gpt-4o.context-window:"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routing.max-attempts:"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.providers.azure.type: missing"));
    }

    @Test
    void aRouteOnADisabledProviderIsRefused() {
        var config = TestConfig.load(TestConfig.seed("switchboard.providers.anthropic.enabled", "false"));
        assertThat(ConfigCheck.problems(config))
                .containsExactly("switchboard.routes.claude-sonnet.provider: provider 'anthropic' is disabled "
                        + "(switchboard.providers.anthropic.enabled=false)");
    }

    @Test
    void autoIsReservedAndItsTiersMustNameRoutes() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.routes.auto.provider", "openai",
                "switchboard.routes.auto.model", "gpt-4o",
                "switchboard.auto.tiers.simple", "gpt-5-nano",
                "switchboard.auto.tiers.trivial", "gpt-4o"));

        assertThat(ConfigCheck.problems(config))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.routes.auto: 'auto' is reserved"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.auto.tiers.simple[0]: 'gpt-5-nano' is not a configured route"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.auto.tiers.trivial: unknown tier 'trivial'"));
    }

    @Test
    void budgetsMustBePositiveAmounts() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.budgets.per-caller-daily-usd", "0",
                "switchboard.budgets.global-daily-usd", "-5"));

        assertThat(ConfigCheck.problems(config)).containsExactlyInAnyOrder(
                "switchboard.budgets.per-caller-daily-usd: must be a positive amount of USD, was 0",
                "switchboard.budgets.global-daily-usd: must be a positive amount of USD, was -5");
    }

    @Test
    void downgradingNeedsARouteWithATier() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.budgets.global-daily-usd", "10",
                "switchboard.budgets.on-exceeded", "downgrade"));

        assertThat(ConfigCheck.problems(config)).singleElement().asString()
                .startsWith("switchboard.budgets.on-exceeded: 'downgrade' needs routes with a tier");
    }

    @Test
    void anUnknownBudgetActionNamesTheKey() {
        assertThatThrownBy(() -> TestConfig.load(TestConfig.seed("switchboard.budgets.on-exceeded", "shrug")))
                .hasMessageContaining("switchboard.budgets.on-exceeded");
    }

    @Test
    void degradedModeSettingsAreChecked() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.degraded.default-category", "sales",
                "switchboard.degraded.messages.billing", " ",
                "switchboard.routes.gpt-4o.category", "shopping",
                "switchboard.degraded.cache.max-entries", "0",
                "switchboard.degraded.cache.ttl", "0s"));

        assertThat(ConfigCheck.problems(config)).containsExactlyInAnyOrder(
                "switchboard.routes.gpt-4o.category: 'shopping' is not a degraded-mode category (known: billing, general, search, support)",
                "switchboard.degraded.messages.billing: must not be blank",
                "switchboard.degraded.default-category: 'sales' is not a category (known: billing, general, search, support)",
                "switchboard.degraded.cache.max-entries: must be at least 1, was 0",
                "switchboard.degraded.cache.ttl: must be positive, was PT0S");
    }

    @Test
    void aConfiguredCategoryMayBeTheDefaultAndARoutesCategory() {
        var config = TestConfig.load(TestConfig.seed(
                "switchboard.degraded.messages.billing", "Billing questions are answered by email for now.",
                "switchboard.degraded.default-category", "billing",
                "switchboard.routes.gpt-4o.category", "support"));

        assertThat(ConfigCheck.problems(config)).isEmpty();
    }

    /** Callers' answers are kept apart by their key's id; two keys hashing to one id would share them. */
    @Test
    void twoGatewayKeysWithOneCallerIdAreRefusedWithoutNamingThem() {
        // Found by a birthday search: both keys' SHA-256 begin with 77104536.
        var config = TestConfig.load(TestConfig.seed("switchboard.auth.api-keys", "tenant-key-14986,tenant-key-80786"));

        assertThat(ConfigCheck.problems(config)).singleElement().asString()
                .startsWith("switchboard.auth.api-keys: two keys share the caller id key-77104536")
                .doesNotContain("tenant-key");
    }
}
