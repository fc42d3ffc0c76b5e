package vn.sohoa.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;

/**
 * Micrometer in a Camel context, through camel-micrometer: the registry its {@code micrometer:}
 * endpoints record in, and every route's exchanges, failures and durations.
 */
final class CamelMetrics {

    private CamelMetrics() {
    }

    static PrometheusMeterRegistry bindTo(CamelContext camel) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        MicrometerRoutePolicyFactory routes = new MicrometerRoutePolicyFactory();
        routes.setMeterRegistry(registry);
        camel.addRoutePolicyFactory(routes);
        return registry;
    }
}
