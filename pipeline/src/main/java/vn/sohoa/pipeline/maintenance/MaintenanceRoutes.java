package vn.sohoa.pipeline.maintenance;

import org.apache.camel.builder.RouteBuilder;

/**
 * The nightly fixity check of a share of the archive; and once at start, the search index rebuilt
 * from storage if an older version of sohoa made it.
 */
public class MaintenanceRoutes extends RouteBuilder {

    private final FixityCheck fixity;
    private final IndexRebuild rebuild;
    private final String cron;
    private final double share;

    public MaintenanceRoutes(FixityCheck fixity, IndexRebuild rebuild, String cron, double share) {
        this.fixity = fixity;
        this.rebuild = rebuild;
        this.cron = cron;
        this.share = share;
    }

    @Override
    public void configure() {
        from("quartz://sohoa/fixity?cron=" + cron.trim().replace(' ', '+'))
                .routeId("fixity")
                .process(exchange -> fixity.run(share));

        from("timer:index-upgrade?repeatCount=1")
                .routeId("index-upgrade")
                .process(exchange -> rebuild.runIfOutdated());
    }
}
