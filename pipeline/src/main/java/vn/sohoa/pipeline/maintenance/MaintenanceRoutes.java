package vn.sohoa.pipeline.maintenance;

import org.apache.camel.builder.RouteBuilder;

/** The nightly fixity check of a share of the archive. */
public class MaintenanceRoutes extends RouteBuilder {

    private final FixityCheck fixity;
    private final String cron;
    private final double share;

    public MaintenanceRoutes(FixityCheck fixity, String cron, double share) {
        this.fixity = fixity;
        this.cron = cron;
        this.share = share;
    }

    @Override
    public void configure() {
        from("quartz://sohoa/fixity?cron=" + cron.trim().replace(' ', '+'))
                .routeId("fixity")
                .process(exchange -> fixity.run(share));
    }
}
