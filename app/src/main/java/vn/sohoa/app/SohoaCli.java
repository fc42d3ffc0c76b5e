package vn.sohoa.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sohoa}: run the archive, hand it files, search it. */
@Command(name = "sohoa", mixinStandardHelpOptions = true, version = "sohoa 0.1.0",
        description = "Digitising and searching a trade union's paper archive.",
        subcommands = {RunCommand.class, IngestCommand.class, SearchCommand.class, MaintenanceCommands.Verify.class,
            MaintenanceCommands.Reindex.class, LoginCommand.class, UserCommand.class, EvalCommand.class,
            BenchCommand.class})
public final class SohoaCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SohoaCli()).execute(args));
    }
}
